package io.gatecast.schedules.layout;

import io.gatecast.schedules.Slot;
import java.time.Instant;

/**
 * One stretch of one region: {@code [start, end)}, the screen's language of the moment (the MAIN
 * region's; every region switches with it) and, for a programme or playlist region, the engine's
 * {@link Slot} (its variant is the moment's language, or the item's fallback when it lacks it).
 * {@code slot} is null for a widget region: the agent draws its widgets in {@code language}.
 */
public record RegionSlot(RegionRole role, Instant start, Instant end, String language, Slot slot) {
  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
