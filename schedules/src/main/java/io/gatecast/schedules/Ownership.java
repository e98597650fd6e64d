package io.gatecast.schedules;

import java.time.Instant;
import java.util.List;

/**
 * Who owns the screen for {@code [start, end)}: the stretch between two changes of winner, coarser
 * than slots (a calendar wants "campaign X 07:00–09:00", not every 10-second slide).
 * {@code sourceIds}: the equal-priority campaigns sharing the stretch, the alert's id, or the
 * default playlist's id; empty when {@link SlotKind#IDLE}.
 */
public record Ownership(Instant start, Instant end, SlotKind kind, List<String> sourceIds) {
  public Ownership {
    sourceIds = List.copyOf(sourceIds);
  }
}
