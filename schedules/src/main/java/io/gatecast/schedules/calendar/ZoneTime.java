package io.gatecast.schedules.calendar;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** What a clock in {@code zone} reads at one instant: local date-time, offset, and whether summer time is on. */
public record ZoneTime(ZoneId zone, LocalDateTime local, ZoneOffset offset, boolean daylightSaving) {
  /** The offset as people write it beside a clock: "UTC+7", "UTC-4", "UTC+5:30", "UTC". */
  public String offsetLabel() {
    int seconds = offset.getTotalSeconds();
    if (seconds == 0) {
      return "UTC";
    }
    int minutes = Math.abs(seconds) / 60;
    String sign = seconds < 0 ? "-" : "+";
    return "UTC" + sign + (minutes / 60) + (minutes % 60 == 0 ? "" : String.format(":%02d", minutes % 60));
  }

  /** Hours and minutes, 24-hour: "07:05". */
  public String hhmm() {
    return String.format("%02d:%02d", local.getHour(), local.getMinute());
  }
}
