package io.gatecast.schedules.layout;

import io.gatecast.schedules.Slot;
import io.gatecast.schedules.checks.Finding;
import io.gatecast.schedules.checks.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** Checks that know about regions; findings in the same shape as {@code io.gatecast.schedules.checks}. */
public final class LayoutChecks {
  /** The MAIN region of a zoned screen would be black for a while (details: screen, layout, idleSeconds, from, to, zone). */
  public static final String MAIN_REGION_EMPTY = "MAIN_REGION_EMPTY";

  private LayoutChecks() {}

  /**
   * A black-screen finding when the MAIN region would show nothing within {@code [from, to)}: the
   * bands around it would still be lit, which hides the gap from a passer-by but not from us.
   */
  public static List<Finding> emptyMain(LayoutSchedule schedule, Instant from, Instant to) {
    if (schedule.layout().main().content() == RegionContent.WIDGETS) {
      return List.of();
    }
    List<Slot> idle = schedule.main().idleTime(from, to);
    if (idle.isEmpty()) {
      return List.of();
    }
    var screen = schedule.screen();
    Duration total = idle.stream().map(Slot::duration).reduce(Duration.ZERO, Duration::plus);
    Slot first = idle.get(0);
    LocalDateTime a = LocalDateTime.ofInstant(first.start(), screen.zone());
    LocalDateTime b = LocalDateTime.ofInstant(first.end(), screen.zone());
    String message = "The MAIN region of screen " + screen.id() + " (layout " + schedule.layout().id() + ") would be black for "
        + total.toMinutes() + " min in the period checked, first from " + Finding.local(a) + " to " + Finding.local(b)
        + " (" + screen.zone().getId() + "): no campaign and no default playlist covers it.";
    return List.of(new Finding(Severity.ERROR, MAIN_REGION_EMPTY, message, List.of(screen.id(), schedule.layout().id()),
        Finding.details("screen", screen.id(), "layout", schedule.layout().id(), "idleSeconds", total.getSeconds(),
            "from", Finding.local(a), "to", Finding.local(b), "zone", screen.zone().getId())));
  }
}
