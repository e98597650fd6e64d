package io.gatecast.schedules;

import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.Recurrence;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A deliberately naive second opinion on "is this campaign on at this instant", written without
 * the engine's spans, sweeps or fast-forwarding. Valid for zones without DST.
 */
final class ActivityOracle {
  private ActivityOracle() {}

  static boolean isOn(Campaign c, ZoneId zone, Instant at) {
    LocalDateTime t = LocalDateTime.ofInstant(at, zone);
    if (t.isBefore(c.start()) || !t.isBefore(c.end())) {
      return false;
    }
    if (!c.dayparts().isEmpty() && c.dayparts().stream().noneMatch(d -> inDaypart(d, t))) {
      return false;
    }
    return c.recurrences().isEmpty() || c.recurrences().stream().anyMatch(r -> inOccurrence(c, r, t));
  }

  private static boolean inDaypart(Daypart d, LocalDateTime t) {
    for (int back = 0; back <= 1; back++) {
      LocalDateTime midnight = t.toLocalDate().minusDays(back).atStartOfDay();
      LocalDateTime s = midnight.plusSeconds(d.start().toSecondOfDay());
      LocalDateTime e = midnight.plusSeconds(d.endSecondOfStartDay());
      if (d.days().contains(midnight.getDayOfWeek()) && !t.isBefore(s) && t.isBefore(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inOccurrence(Campaign c, Recurrence r, LocalDateTime t) {
    try {
      LocalDateTime first = c.start().toLocalDate().atTime(r.at());
      RecurrenceRuleIterator it = new RecurrenceRule(r.rule()).iterator(
          new DateTime(first.getYear(), first.getMonthValue() - 1, first.getDayOfMonth(), first.getHour(), first.getMinute(), 0));
      while (it.hasNext()) {
        DateTime d = it.nextDateTime();
        LocalDateTime s = LocalDateTime.of(d.getYear(), d.getMonth() + 1, d.getDayOfMonth(), d.getHours(), d.getMinutes());
        if (s.isAfter(t)) {
          return false;
        }
        if (t.isBefore(s.plus(r.duration()))) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
