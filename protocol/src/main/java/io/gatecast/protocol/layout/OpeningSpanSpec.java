package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import java.time.LocalTime;

/**
 * One opening span of a day, local time in the screen's zone: from {@code open} to {@code close};
 * a close of 00:00 means midnight at the end of the day.
 */
public record OpeningSpanSpec(LocalTime open, LocalTime close) {
  public OpeningSpanSpec {
    Check.required(open, "open");
    Check.required(close, "close");
    if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
      throw new IllegalArgumentException("close must be after open " + open + ", got " + close);
    }
  }

  /** The close time as seconds of the day (midnight at the end is 86,400). */
  public int closeSecondOfDay() {
    return close.equals(LocalTime.MIDNIGHT) ? 86_400 : close.toSecondOfDay();
  }
}
