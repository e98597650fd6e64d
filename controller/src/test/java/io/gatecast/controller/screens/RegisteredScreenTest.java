package io.gatecast.controller.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.ScreenState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegisteredScreenTest {
  @Test
  void aPlacedScreenIsBehindItsGateWhenItPlaysAnOlderScheduleOrNoneUnlessItsAgentCouldNotPlayTheNewest() {
    RegisteredScreen placed = placed(3L, null);
    assertThat(placed.behindItsGate(2L)).as("an older one").isTrue();
    assertThat(placed.behindItsGate(null)).as("none").isTrue();
    assertThat(placed.behindItsGate(3L)).as("the newest").isFalse();
    assertThat(placed(3L, 3L).behindItsGate(2L)).as("its agent answered it cannot play the newest").isFalse();
    assertThat(placed(3L, 2L).behindItsGate(2L)).as("it could not play an older one").isTrue();
    assertThat(new RegisteredScreen("hall", "Sảnh chờ", Instant.EPOCH, ScreenState.ONLINE, Instant.EPOCH, 2L, null, 2L, false,
        null, null, null, null).behindItsGate(null)).as("not placed: it plays a whole schedule").isFalse();
  }

  /** A screen placed in gate lao-cai, whose newest schedule is {@code gateNewest}; {@code failed}: the version its agent could not play. */
  private static RegisteredScreen placed(Long gateNewest, Long failed) {
    return new RegisteredScreen("hall", "Sảnh chờ", Instant.EPOCH, ScreenState.ONLINE, Instant.EPOCH, 2L, null, 2L, true,
        null, failed, "lao-cai", gateNewest);
  }
}
