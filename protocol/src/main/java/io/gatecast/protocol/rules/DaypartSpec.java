package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.TreeSet;

/**
 * Local hours on some days (engine: {@code Daypart}). {@code end} 00:00 is midnight at the end of
 * the day; an {@code end} before {@code start} runs overnight.
 */
public record DaypartSpec(List<DayOfWeek> days, LocalTime start, LocalTime end) {
  public DaypartSpec {
    days = Check.list(days, "days", 7);
    if (days.isEmpty()) {
      throw new IllegalArgumentException("days must name at least one day of the week");
    }
    days = List.copyOf(new TreeSet<>(days));
    Check.required(start, "start");
    Check.required(end, "end");
  }
}
