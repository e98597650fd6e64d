package io.gatecast.agent.playback;

import io.gatecast.protocol.ScheduledItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The walking skeleton's playback rule: the items loop in order, each for its duration, aligned
 * to wall-clock time — the position in the cycle is {@code epochSecond mod cycleLength}. Every
 * screen with the same schedule therefore shows the same item at the same moment, and a restart
 * resumes where the clock says rather than at the first item. Replaced by the schedules engine
 * in a later issue.
 */
public final class WallClockLoop {
  /** Longest cycle accepted: keeps the arithmetic far from overflow and {@link Instant#MAX}. */
  public static final long MAX_CYCLE_SECONDS = 100L * 366 * 24 * 3600;

  /** What is on screen at an instant, and the instant it is replaced. */
  public record Slot(ScheduledItem item, Instant until) {}

  private final List<ScheduledItem> items;
  private final long cycleSeconds;

  /** @throws IllegalArgumentException when the durations add up to more than {@link #MAX_CYCLE_SECONDS} */
  public WallClockLoop(List<ScheduledItem> items) {
    this.items = List.copyOf(items);
    long total = 0;
    for (ScheduledItem item : this.items) {
      total += item.durationSeconds();
      if (total > MAX_CYCLE_SECONDS || total < 0) {
        throw new IllegalArgumentException("the items' durations add up to more than "
            + MAX_CYCLE_SECONDS + " seconds; a loop that long cannot be played");
      }
    }
    this.cycleSeconds = total;
  }

  public long cycleSeconds() {
    return cycleSeconds;
  }

  /** The item on screen at {@code instant}; empty when there are no items. */
  public Optional<Slot> at(Instant instant) {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    long second = instant.getEpochSecond();
    long position = Math.floorMod(second, cycleSeconds);
    long cycleStart = second - position;
    long end = 0;
    for (ScheduledItem item : items) {
      end += item.durationSeconds();
      if (position < end) {
        return Optional.of(new Slot(item, Instant.ofEpochSecond(cycleStart + end)));
      }
    }
    throw new AssertionError("position " + position + " lies outside a cycle of " + cycleSeconds);
  }
}
