package io.gatecast.agent.playback;

import static io.gatecast.agent.playback.WallClockLoopTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.ScheduledItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackTest {
  /** A clock the test moves: no sleeping to see time pass. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void showsNothingUntilAScheduleIsPlayedThenFollowsTheClock() {
    MovableClock clock = new MovableClock(Instant.ofEpochSecond(1_800_000_000L));
    Playback playback = new Playback(clock);
    assertThat(playback.now()).isEqualTo(new Playback.NowPlaying(null, null, null));
    assertThat(playback.appliedVersion()).isEmpty();

    ScheduledItem first = item("first", 20);
    ScheduledItem second = item("second", 40);
    playback.play(new ScheduleMessage(Header.now(clock.instant()), "s1", 3L, List.of(first, second)));

    assertThat(playback.appliedVersion()).contains(3L);
    assertThat(playback.now().item()).isEqualTo(first);
    clock.advance(Duration.ofSeconds(20));
    assertThat(playback.now().item()).isEqualTo(second);
    assertThat(playback.now().until()).isEqualTo(Instant.ofEpochSecond(1_800_000_060L));
    clock.advance(Duration.ofSeconds(40));
    assertThat(playback.now().item()).isEqualTo(first);
    assertThat(playback.mimeTypeOf(first.media().sha256())).contains("image/png");
    assertThat(playback.mimeTypeOf("f".repeat(64))).isEmpty();
  }
}
