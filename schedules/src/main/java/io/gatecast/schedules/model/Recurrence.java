package io.gatecast.schedules.model;

import io.gatecast.schedules.time.RecurrenceRules;
import java.time.Duration;
import java.time.LocalTime;

/**
 * An RFC 5545 RRULE (without the {@code RRULE:} prefix, which is tolerated) whose occurrences start
 * at local time {@code at} on each matching day, counted from the campaign's first day, and last
 * {@code duration} of wall-clock time.
 */
public record Recurrence(String rule, LocalTime at, Duration duration) {
  public Recurrence {
    Require.text(rule, "rule");
    rule = RecurrenceRules.normalise(rule);
    String problem = RecurrenceRules.problem(rule);
    if (problem != null) {
      throw new InvalidModelException("rule", problem);
    }
    Require.present(at, "at");
    Require.present(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new InvalidModelException("duration", "must be positive, was " + duration);
    }
  }

  public static Recurrence of(String rule, LocalTime at, Duration duration) {
    return new Recurrence(rule, at, duration);
  }
}
