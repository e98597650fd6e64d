package io.gatecast.schedules.time;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * The one place that talks to lib-recur. Rules are expanded with a floating (zone-less) DTSTART,
 * so occurrences come out as wall-clock times and never drift across DST changes.
 */
public final class RecurrenceRules {
  private static final int CACHE_SIZE = 1024;

  // Parsing is the costly part and the same few rules are expanded day after day. Parsed rules are
  // never mutated after parsing, so sharing them between threads is safe.
  private static final Map<String, RecurrenceRule> PARSED =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RecurrenceRule> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  private RecurrenceRules() {}

  public static String normalise(String rule) {
    String r = rule.trim();
    return r.regionMatches(true, 0, "RRULE:", 0, 6) ? r.substring(6).trim() : r;
  }

  /** Why the rule cannot be used, in an operator's words, or null if it is fine. */
  public static String problem(String rule) {
    RecurrenceRule parsed;
    try {
      parsed = new RecurrenceRule(rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
    } catch (InvalidRecurrenceRuleException | RuntimeException e) {
      return "'" + rule + "' is not a valid RFC 5545 RRULE (" + e.getMessage() + ")";
    }
    if (parsed.getFreq() == Freq.SECONDLY || parsed.getFreq() == Freq.MINUTELY) {
      return "'" + rule + "' repeats " + parsed.getFreq().name().toLowerCase(Locale.ROOT)
          + "; signage recurrences may repeat at most hourly (use a daypart instead)";
    }
    try {
      parsed.iterator(floating(LocalDateTime.of(2026, 1, 1, 0, 0)));
    } catch (IllegalArgumentException e) {
      return "'" + rule + "' has an UNTIL in UTC (ending in Z); write it in local time, e.g."
          + " UNTIL=20261231T235959, because schedules follow each screen's local clock";
    }
    return null;
  }

  /**
   * Occurrences of {@code rule} counted from {@code dtstart}, each lasting {@code duration} of
   * wall-clock time, that overlap the local-seconds range {@code [from, to)}.
   */
  public static List<Span> occurrences(
      String rule, LocalDateTime dtstart, Duration duration, long from, long to) {
    long length = duration.getSeconds();
    RecurrenceRuleIterator it = parsed(rule).iterator(floating(dtstart));
    long skipBefore = from - length;
    if (skipBefore > LocalTimeLine.localSeconds(dtstart)) {
      it.fastForward(floating(LocalTimeLine.localDateTime(skipBefore)));
    }
    List<Span> out = new ArrayList<>();
    while (it.hasNext()) {
      long start = localSeconds(it.nextDateTime());
      if (start >= to) {
        break;
      }
      if (start + length > from) {
        out.add(new Span(start, start + length));
      }
    }
    return out;
  }

  private static RecurrenceRule parsed(String rule) {
    synchronized (PARSED) {
      RecurrenceRule r = PARSED.get(rule);
      if (r == null) {
        try {
          r = new RecurrenceRule(rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException e) {
          // Recurrence validates its rule when it is built, so this is a programming error.
          throw new IllegalStateException("unvalidated recurrence rule " + rule, e);
        }
        PARSED.put(rule, r);
      }
      return r;
    }
  }

  private static DateTime floating(LocalDateTime t) {
    return new DateTime(
        t.getYear(), t.getMonthValue() - 1, t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
  }

  private static long localSeconds(DateTime d) {
    if (d.isAllDay()) {
      return LocalTimeLine.localSeconds(
          LocalDateTime.of(d.getYear(), d.getMonth() + 1, d.getDayOfMonth(), 0, 0));
    }
    return LocalTimeLine.localSeconds(
        LocalDateTime.of(
            d.getYear(), d.getMonth() + 1, d.getDayOfMonth(), d.getHours(), d.getMinutes(), d.getSeconds()));
  }
}
