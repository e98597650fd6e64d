package io.gatecast.schedules.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Local hours on some days of the week. An {@code end} of 00:00 means midnight at the end of the
 * day; an {@code end} before {@code start} runs overnight into the next day (the days name the day
 * it starts on).
 */
public record Daypart(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
  public static final Set<DayOfWeek> WEEKDAYS =
      Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
  public static final Set<DayOfWeek> EVERY_DAY = Set.copyOf(EnumSet.allOf(DayOfWeek.class));

  public Daypart {
    Require.present(days, "days");
    if (days.isEmpty()) {
      throw new InvalidModelException("days", "name at least one day of the week");
    }
    days = Set.copyOf(days);
    Require.present(start, "start");
    Require.present(end, "end");
    if (start.equals(end) && !end.equals(LocalTime.MIDNIGHT)) {
      throw new InvalidModelException("end", "equals start " + start + "; the daypart would be empty");
    }
  }

  public static Daypart weekdays(LocalTime start, LocalTime end) {
    return new Daypart(WEEKDAYS, start, end);
  }

  public static Daypart everyDay(LocalTime start, LocalTime end) {
    return new Daypart(EVERY_DAY, start, end);
  }

  /** Seconds from the start day's midnight to the end; may exceed a day when overnight. */
  public int endSecondOfStartDay() {
    int s = start.toSecondOfDay();
    int e = end.toSecondOfDay();
    return e <= s ? e + 86_400 : e;
  }
}
