package io.gatecast.agent.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.agent.CapturedLog;
import io.gatecast.agent.TestKeys;
import io.gatecast.agent.playback.Playback;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.rules.AlertSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert that arrives while the agent stops (the stop interrupts the apply thread, so it cannot be saved) is
 * a stop, not a broken disk: not shown, not remembered, no error logged; the retained copy the broker hands
 * over after the restart is applied.
 */
class AlertStopTest {
  private static final String GATE = "kt";

  @TempDir Path dataDir;
  @RegisterExtension final CapturedLog log = new CapturedLog(AlertApplier.class);

  @Test
  void anAlertArrivingAsTheAgentStopsIsNotAppliedAndItsRetainedCopyIsAfterwards() throws Exception {
    TestKeys keys = TestKeys.generate();
    ControllerTrust trust = ControllerTrust.load(dataDir, keys.pinned(),
        new Freshness(Clock.systemUTC(), Duration.ofMinutes(5)));
    List<RejectedException> refused = new ArrayList<>();
    AlertApplier applier = new AlertApplier(new AlertStore(dataDir), trust, (topic, e) -> refused.add(e),
        new Playback(Clock.systemUTC()));
    Instant now = Instant.now();
    byte[] alert = keys.signer().signToBytes(Signed.ALERT, new AlertMessage(Header.now(now),
        GATE, 1L, List.of(new AlertSpec("a1", GATE, now, now.plusSeconds(600), Map.of("en", "Gate closed")))),
        now.plusSeconds(600));
    Thread.currentThread().interrupt(); // what the agent's stop does to the apply thread
    try {
      applier.apply(GATE, alert);
    } finally {
      Thread.interrupted();
    }

    assertThat(applier.accepted()).isEmpty();
    assertThat(new AlertStore(dataDir).load()).as("nothing saved").isEmpty();
    assertThat(refused).isEmpty();
    assertThat(log.warningsAndErrors()).isEmpty();
    assertThat(log.infos()).contains("stopping: cluster kt alerts version 1 not applied yet");

    applier.apply(GATE, alert); // the retained copy, after the restart

    assertThat(applier.accepted()).hasValueSatisfying(m -> assertThat(m.version()).isEqualTo(1L));
    assertThat(new AlertStore(dataDir).load()).isPresent();
  }
}
