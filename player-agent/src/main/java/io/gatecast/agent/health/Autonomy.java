package io.gatecast.agent.health;

import io.gatecast.agent.playback.Playback;
import io.gatecast.schedules.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Until when the cached rules keep this screen showing something with no link at all: the start
 * of the first stretch in which the engine would leave it black (after the last campaign or alert
 * window of a schedule without a default playlist), looked for up to {@link #HORIZON} ahead. A
 * schedule that never goes black within the horizon (a default playlist loops forever) answers
 * {@code now + HORIZON}: "at least that long", which is as far as anyone needs to plan a repair.
 * {@code now} itself when the screen is black already; empty before any schedule. Remembered per
 * schedule version for a while, since the answer moves only as time passes.
 */
public final class Autonomy {
  public static final Duration HORIZON = Duration.ofDays(90);
  private static final Duration REUSE = Duration.ofMinutes(10);

  private record Answer(long version, Instant computedAt, Instant until) {}

  private Answer last;

  public synchronized Optional<Instant> until(Playback playback, Instant now) {
    Optional<Playback.OnAir> onAir = playback.onAir();
    if (onAir.isEmpty()) {
      return Optional.empty();
    }
    long version = onAir.get().schedule().version();
    if (last != null && last.version == version && !now.isBefore(last.computedAt)
        && now.isBefore(last.computedAt.plus(REUSE)) && last.until.isAfter(now)) {
      return Optional.of(last.until);
    }
    List<Slot> idle = onAir.get().engine().idleTime(now, now.plus(HORIZON));
    Instant until = idle.isEmpty() ? now.plus(HORIZON) : idle.get(0).start().isAfter(now) ? idle.get(0).start() : now;
    last = new Answer(version, now, until);
    return Optional.of(until);
  }
}
