package io.gatecast.agent.playback;

import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.ScheduledItem;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The schedule on air. Swapped as a whole by the apply thread and read by the page server and
 * heartbeats on theirs, hence one atomic reference to an immutable pair.
 */
public final class Playback {
  /** What the screen shows now: the applied version (null before any) and the item (null when none). */
  public record NowPlaying(Long appliedVersion, ScheduledItem item, Instant until) {
    public Optional<ScheduledItem> current() {
      return Optional.ofNullable(item);
    }
  }

  private record OnAir(ScheduleMessage schedule, WallClockLoop loop) {}

  private final Clock clock;
  private final AtomicReference<OnAir> onAir = new AtomicReference<>();

  public Playback(Clock clock) {
    this.clock = clock;
  }

  /** Switches to {@code schedule}. @throws IllegalArgumentException when it cannot be looped */
  public void play(ScheduleMessage schedule) {
    onAir.set(new OnAir(schedule, new WallClockLoop(schedule.items())));
  }

  public Optional<Long> appliedVersion() {
    return Optional.ofNullable(onAir.get()).map(a -> a.schedule().version());
  }

  public Optional<ScheduleMessage> schedule() {
    return Optional.ofNullable(onAir.get()).map(OnAir::schedule);
  }

  public NowPlaying now() {
    OnAir current = onAir.get();
    if (current == null) {
      return new NowPlaying(null, null, null);
    }
    return current.loop().at(clock.instant())
        .map(slot -> new NowPlaying(current.schedule().version(), slot.item(), slot.until()))
        .orElseGet(() -> new NowPlaying(current.schedule().version(), null, null));
  }

  /** The MIME type the schedule on air gives this file, if it names it. */
  public Optional<String> mimeTypeOf(String sha256) {
    OnAir current = onAir.get();
    if (current == null) {
      return Optional.empty();
    }
    return current.schedule().items().stream()
        .map(ScheduledItem::media)
        .filter(media -> media.sha256().equals(sha256))
        .map(MediaRef::mimeType)
        .findFirst();
  }
}
