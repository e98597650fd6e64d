package io.gatecast.schedules.time;

import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.Recurrence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a campaign is on, on the wall clock: its window, narrowed to its dayparts and to its
 * recurrence occurrences. Zone-free; callers map the spans to instants per screen.
 */
public final class CampaignActivity {
  private static final long DAY = 86_400;
  // "Never plays" is searched a month at a time so that a campaign that does play is found fast.
  private static final long SEARCH_CHUNK = 31 * DAY;

  private CampaignActivity() {}

  /** Sorted, disjoint local-seconds spans within {@code [from, to)} where the campaign is on. */
  public static List<Span> localSpans(Campaign c, long from, long to) {
    long start = Math.max(from, LocalTimeLine.localSeconds(c.start()));
    long end = Math.min(to, LocalTimeLine.localSeconds(c.end()));
    if (start >= end) {
      return List.of();
    }
    List<Span> on = List.of(new Span(start, end));
    if (!c.dayparts().isEmpty()) {
      on = Spans.intersect(on, daypartSpans(c.dayparts(), start, end));
    }
    if (!c.recurrences().isEmpty() && !on.isEmpty()) {
      List<Span> occurrences = new ArrayList<>();
      for (Recurrence r : c.recurrences()) {
        occurrences.addAll(
            RecurrenceRules.occurrences(
                r.rule(), c.start().toLocalDate().atTime(r.at()), r.duration(), start, end));
      }
      on = Spans.intersect(on, Spans.union(occurrences));
    }
    return on;
  }

  /** The first span in which the campaign is on, if it is ever on. */
  public static Optional<Span> firstSpan(Campaign c) {
    long end = LocalTimeLine.localSeconds(c.end());
    for (long from = LocalTimeLine.localSeconds(c.start()); from < end; from += SEARCH_CHUNK) {
      List<Span> spans = localSpans(c, from, Math.min(end, from + SEARCH_CHUNK));
      if (!spans.isEmpty()) {
        return Optional.of(spans.get(0));
      }
    }
    return Optional.empty();
  }

  /** The daypart that has the campaign on at local second {@code local}, if any. */
  public static Optional<Daypart> daypartAt(Campaign c, long local) {
    return c.dayparts().stream()
        .filter(d -> !daypartSpans(List.of(d), local, local + 1).isEmpty())
        .findFirst();
  }

  /** The occurrence of {@code r} (a recurrence of {@code c}) running at {@code local}, if any. */
  public static Optional<Span> occurrenceAt(Campaign c, Recurrence r, long local) {
    return RecurrenceRules.occurrences(
            r.rule(), c.start().toLocalDate().atTime(r.at()), r.duration(), local, local + 1)
        .stream()
        .findFirst();
  }

  static List<Span> daypartSpans(List<Daypart> dayparts, long from, long to) {
    List<Span> out = new ArrayList<>();
    // Start a day early: yesterday's overnight daypart may still be running at `from`.
    LocalDate day = LocalTimeLine.localDateTime(from).toLocalDate().minusDays(1);
    for (long midnight = LocalTimeLine.localSeconds(day.atStartOfDay()); midnight < to; midnight += DAY) {
      for (Daypart d : dayparts) {
        if (d.days().contains(day.getDayOfWeek())) {
          long s = Math.max(from, midnight + d.start().toSecondOfDay());
          long e = Math.min(to, midnight + d.endSecondOfStartDay());
          if (s < e) {
            out.add(new Span(s, e));
          }
        }
      }
      day = day.plusDays(1);
    }
    return Spans.union(out);
  }
}
