package io.gatecast.schedules;

import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Variant;
import java.time.Duration;
import java.time.Instant;

/**
 * One thing on screen for {@code [start, end)}. {@code sourceId} is the campaign id, alert id or
 * default playlist id ({@code null} when idle). An alert's text is carried as a ticker item whose
 * id starts with {@code alert:}. {@code item} and {@code variant} are null only for IDLE slots.
 * A slot is shorter than its variant's duration when a higher-priority source or local midnight
 * cuts it.
 */
public record Slot(
    Instant start, Instant end, SlotKind kind, String sourceId, ContentItem item, Variant variant) {

  public String language() {
    return variant == null ? null : variant.language();
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
