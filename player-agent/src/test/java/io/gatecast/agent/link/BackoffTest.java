package io.gatecast.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesWithJitterUpToTheCapAndStartsOverAfterAReset() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(42));
    long[] ceilings = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
    for (long ceiling : ceilings) {
      assertThat(backoff.next().toMillis()).isBetween(ceiling / 2, ceiling);
    }
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
    backoff.reset();
    assertThat(backoff.next().toMillis()).isBetween(500L, 1000L);
  }
}
