package io.gatecast.agent.health;

import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.link.ClockOffset;
import io.gatecast.agent.playback.Playback;
import io.gatecast.protocol.ScreenHealth;
import io.gatecast.schedules.SlotKind;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import io.gatecast.agent.kiosk.DisplayMonitor.DisplayStatus;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Measures what a heartbeat's {@link ScreenHealth} says; each figure it cannot measure is left out. */
public final class HealthProbe {
  private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);

  private final Playback playback;
  private final MediaCache cache;
  private final ClockOffset clockOffset;
  private final Supplier<DisplayStatus> display;
  private final Clock clock;
  private final Autonomy autonomy = new Autonomy();
  private final long startedNanos = System.nanoTime();

  /** @param display what the kiosk watcher knows of the screen ({@code UNKNOWN} when nothing watches it) */
  public HealthProbe(Playback playback, MediaCache cache, ClockOffset clockOffset,
      Supplier<DisplayStatus> display, Clock clock) {
    this.playback = playback;
    this.cache = cache;
    this.clockOffset = clockOffset;
    this.display = display;
    this.clock = clock;
  }

  public ScreenHealth measure() {
    Instant now = clock.instant();
    Playback.NowPlaying playing = playback.now();
    String language = playing.current().map(Playback.Shown::language).orElse(null);
    Long cacheBytes = null;
    Long freeBytes = null;
    try {
      cacheBytes = cache.sizeBytes();
      freeBytes = cache.freeDiskBytes();
    } catch (IOException e) {
      LOG.debug("cannot measure the cache: {}", e.toString());
    }
    long uptime = (System.nanoTime() - startedNanos) / 1_000_000_000L;
    DisplayStatus shown = display.get();
    return new ScreenHealth(language, shown.display(), shown.detail(), cacheBytes, freeBytes, uptime,
        clockOffset.millis().orElse(null), AgentVersion.get(), autonomy.until(playback, now).orElse(null),
        showing(playing));
  }

  /** What the rules put on the page: the placeholder card whenever there is no item to show. */
  public static ScreenHealth.Showing showing(Playback.NowPlaying playing) {
    if (playing.kind() == null || playing.kind() == SlotKind.IDLE || playing.item() == null) {
      return ScreenHealth.Showing.PLACEHOLDER;
    }
    return playing.kind() == SlotKind.DEFAULT ? ScreenHealth.Showing.DEFAULT_FILL : ScreenHealth.Showing.CONTENT;
  }
}
