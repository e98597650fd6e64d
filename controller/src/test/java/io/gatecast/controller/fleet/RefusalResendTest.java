package io.gatecast.controller.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.fleet.FleetMonitor.SendAgain;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.Topics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which refusals make the controller send a schedule again: only what the refusing screen itself is given. */
class RefusalResendTest {
  private static RejectionEvent refusal(String screenId, String topic, Rejection reason) {
    return new RejectionEvent(Header.now(Instant.parse("2026-12-05T08:00:00Z")), screenId, topic, reason, null, "m-1");
  }

  @Test
  void aScreenRefusingItsOwnScheduleAsOlderIsSentItsNewestAgain() {
    assertThat(FleetMonitor.sendAgain(refusal("hall-1", Topics.schedule("hall-1"), Rejection.REPLAYED_OR_OLDER), null))
        .isEqualTo(SendAgain.OWN_SCHEDULE);
  }

  @Test
  void aScreenRefusingItsOwnGatesScheduleAsOlderHasTheGatesNewestSentAgain() {
    assertThat(FleetMonitor.sendAgain(refusal("hall-1", Topics.clusterSchedule("mong-cai"), Rejection.REPLAYED_OR_OLDER),
        "mong-cai")).isEqualTo(SendAgain.GATE_SCHEDULE);
  }

  @Test
  void aScreenNamingAnotherGateOrAnotherScreenOrAnotherReasonAsksNothing() {
    // It cannot read another gate's topic: sending that gate again on its word would let any screen drive the sends.
    assertThat(FleetMonitor.sendAgain(refusal("hall-1", Topics.clusterSchedule("huu-nghi"), Rejection.REPLAYED_OR_OLDER),
        "mong-cai")).isEqualTo(SendAgain.NOTHING);
    assertThat(FleetMonitor.sendAgain(refusal("hall-1", Topics.clusterSchedule("mong-cai"), Rejection.REPLAYED_OR_OLDER),
        null)).as("not placed in any gate").isEqualTo(SendAgain.NOTHING);
    assertThat(FleetMonitor.sendAgain(refusal("hall-1", Topics.schedule("hall-2"), Rejection.REPLAYED_OR_OLDER), null))
        .isEqualTo(SendAgain.NOTHING);
    assertThat(FleetMonitor.sendAgain(refusal("hall-1", Topics.schedule("hall-1"), Rejection.BAD_SIGNATURE), null))
        .isEqualTo(SendAgain.NOTHING);
    assertThat(FleetMonitor.sendAgain(refusal("hall-1", "not/a/gatecast/topic", Rejection.REPLAYED_OR_OLDER), "mong-cai"))
        .isEqualTo(SendAgain.NOTHING);
  }
}
