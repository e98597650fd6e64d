package io.gatecast.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.MovableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {
  @Test
  void takesTheFastestOfTheRecentMessagesSoQueuedOnesDoNotSkewIt() {
    MovableClock screen = new MovableClock(Instant.parse("2026-03-15T01:00:00Z"));
    ClockOffset offset = new ClockOffset(screen);
    assertThat(offset.millis()).isEmpty();

    // The controller runs 2 s ahead; messages take 300 ms, 40 ms, and one sat 3 hours in a queue.
    offset.sample(screen.instant().plusMillis(2000 - 300));
    offset.sample(screen.instant().plusMillis(2000 - 40));
    offset.sample(screen.instant().minusSeconds(3 * 3600));

    assertThat(offset.millis()).contains(1960L);
    for (int i = 0; i < 8; i++) {
      offset.sample(screen.instant().plusMillis(500));
    }
    assertThat(offset.millis()).contains(500L); // old samples age out: a corrected clock shows
  }
}
