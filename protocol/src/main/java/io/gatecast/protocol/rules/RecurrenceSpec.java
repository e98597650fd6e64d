package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * An RFC 5545 RRULE whose occurrences start at local {@code at} and last {@code duration}
 * (engine: {@code Recurrence}). The duration is ISO 8601 text ({@code PT1H30M}), not a number,
 * so a person reading a captured message sees what it means. The rule's grammar is checked by
 * the engine, which owns RRULE semantics.
 */
public record RecurrenceSpec(String rule, LocalTime at, String duration) {
  public RecurrenceSpec {
    Check.text(rule, "rule", 500);
    Check.required(at, "at");
    Check.text(duration, "duration", 40);
    Duration parsed;
    try {
      parsed = Duration.parse(duration);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("duration must be an ISO 8601 duration such as PT1H30M, got '" + duration + "'");
    }
    if (parsed.isZero() || parsed.isNegative()) {
      throw new IllegalArgumentException("duration must be positive, got " + duration);
    }
  }

  public Duration length() {
    return Duration.parse(duration);
  }
}
