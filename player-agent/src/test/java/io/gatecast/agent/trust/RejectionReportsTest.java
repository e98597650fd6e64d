package io.gatecast.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatecast.agent.CapturedLog;
import io.gatecast.agent.TestKeys;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.KeyRotation;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused message is a warning and a report to the controller, unless the agent is stopping: a command carrying
 * a key rotation that arrives as the agent stops is refused because the stop kept the rotation from being saved
 * ({@link CarriedRotationStopTest}); that refusal is the stop's own doing and is neither a warning nor reported.
 */
class RejectionReportsTest {
  private static final String SCREEN = "screen-1";
  private static final String TOPIC = Topics.commands(SCREEN);

  @TempDir Path dataDir;
  @RegisterExtension final CapturedLog log = new CapturedLog(RejectionReports.class);
  private final List<Object> sent = new ArrayList<>();
  private final RejectionReports reports = new RejectionReports(SCREEN, Clock.systemUTC(), sent::add);
  private final TestKeys old = TestKeys.generate();
  private final TestKeys next = TestKeys.generate();
  private ControllerTrust trust;

  @BeforeEach
  void trustTheOldKey() throws Exception {
    trust = ControllerTrust.load(dataDir, old.pinned(), new Freshness(Clock.systemUTC(), Duration.ofMinutes(5)));
  }

  @Test
  void aMessageFromAnUnknownKeyIsAWarningAndReported() {
    byte[] forged = next.signer().signToBytes(Signed.COMMAND, Map.of("note", "no rotation carried"), null, List.of());

    reports.report(TOPIC, refusal(forged));

    assertThat(log.warningsAndErrors()).singleElement().asString().startsWith("WARN refused a message on " + TOPIC);
    assertThat(sent).singleElement().isInstanceOfSatisfying(RejectionEvent.class, event -> {
      assertThat(event.screenId()).isEqualTo(SCREEN);
      assertThat(event.topic()).isEqualTo(TOPIC);
      assertThat(event.reason()).isEqualTo(Rejection.UNKNOWN_KEY);
    });
  }

  @Test
  void aMessageRefusedAsTheAgentStopsIsNeitherAWarningNorReported() {
    KeyRotation rotation = new KeyRotation(Header.now(Instant.now()), next.keyId(), next.pinned().publicKey(),
        Instant.now());
    byte[] carrying = next.signer().signToBytes(Signed.COMMAND, Map.of("note", "signed with the new key"), null,
        List.of(old.signer().sign(Signed.KEY_ROTATION, rotation, null).tree()));

    Thread.currentThread().interrupt(); // what the agent's stop does to the threads that apply messages
    try {
      reports.report(TOPIC, refusal(carrying));
    } finally {
      Thread.interrupted();
    }

    assertThat(log.warningsAndErrors()).isEmpty();
    assertThat(log.infos()).singleElement().asString().startsWith("stopping: a message on " + TOPIC
        + " is not accepted");
    assertThat(sent).isEmpty();
  }

  /** What {@link ControllerTrust#open} refuses {@code message} with, on this thread as it is. */
  private RejectedException refusal(byte[] message) {
    RejectedException refused = catchThrowableOfType(RejectedException.class,
        () -> trust.open(message, Signed.COMMAND, Map.class));
    assertThat(refused).as("refused").isNotNull();
    return refused;
  }
}
