package io.gatecast.agent.link;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {
  /** Paho connects as the agent closes (Ctrl-C during a start): its callback asks for a heartbeat. */
  @Test
  void aHeartbeatAskedForAfterTheLinkThreadClosedIsDroppedNotThrownAtTheCaller() {
    ScheduledExecutorService closedLinkThread = Executors.newSingleThreadScheduledExecutor();
    closedLinkThread.shutdownNow();
    // No session or status is needed: nothing may run on a closed thread.
    Heartbeats heartbeats = new Heartbeats(null, () -> null, closedLinkThread, Duration.ofSeconds(30));

    assertThatCode(heartbeats::beatNow).doesNotThrowAnyException();
  }
}
