package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The gate's opening hours, copied from the gate's stored hours when the rules are built: spans
 * per weekday (a weekday not listed is closed) and extra closed dates (holidays). Structured data,
 * not free text: the words around it ("Opening hours today", "Closed") are the renderer's own.
 */
public record OpeningHoursSpec(List<OpeningDaySpec> week, List<LocalDate> closedDates) {
  public OpeningHoursSpec {
    week = Check.optionalList(week, "week", 7);
    closedDates = Check.optionalList(closedDates, "closedDates", LayoutLimits.MAX_CLOSED_DATES);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (int i = 0; i < week.size(); i++) {
      if (!days.add(week.get(i).day())) {
        throw new IllegalArgumentException("week[" + i + "].day repeats " + week.get(i).day());
      }
    }
    Set<LocalDate> dates = new HashSet<>();
    for (int i = 0; i < closedDates.size(); i++) {
      if (!dates.add(closedDates.get(i))) {
        throw new IllegalArgumentException("closedDates[" + i + "] repeats " + closedDates.get(i));
      }
    }
  }

  /** The spans the gate is open on {@code date}; empty when it is closed (a closed weekday or a closed date). */
  public List<OpeningSpanSpec> spansOn(LocalDate date) {
    if (closedDates.contains(date)) {
      return List.of();
    }
    return week.stream().filter(d -> d.day() == date.getDayOfWeek()).findFirst()
        .map(OpeningDaySpec::spans).orElse(List.of());
  }
}
