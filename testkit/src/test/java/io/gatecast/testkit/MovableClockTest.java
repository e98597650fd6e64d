package io.gatecast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MovableClockTest {
  private static final Instant START = Instant.parse("2026-03-15T01:00:00Z");

  @Test
  void standsStillUntilMovedThenMovesByExactlyWhatItIsTold() {
    MovableClock clock = new MovableClock(START);
    assertThat(clock.instant()).isEqualTo(START);
    clock.advance(Duration.ofMinutes(16));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(16 * 60));
    clock.set(START.minusSeconds(5));
    assertThat(clock.millis()).isEqualTo(START.minusSeconds(5).toEpochMilli());
  }

  @Test
  void isUtcAndStaysTheSameMovingClockInAnyZone() {
    MovableClock clock = new MovableClock(START);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    var zoned = clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    clock.advance(Duration.ofHours(1));
    assertThat(zoned.instant()).isEqualTo(START.plusSeconds(3600));
  }
}
