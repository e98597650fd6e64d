package io.gatecast.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatecast.agent.CapturedLog;
import io.gatecast.agent.TestKeys;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.KeyRotation;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.Signed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key rotation carried by a message that arrives while the agent stops: the stop interrupts the apply thread,
 * so the new key set cannot be saved. It is not trusted (it would be forgotten at the restart), nothing is logged
 * as an error, and the same message, handed over again after the restart, brings the rotation in.
 */
class CarriedRotationStopTest {
  @TempDir Path dataDir;
  @RegisterExtension final CapturedLog log = new CapturedLog(ControllerTrust.class);

  @Test
  void aRotationCarriedAsTheAgentStopsIsNotTrustedAndIsTakenWhenTheMessageComesAgain() throws Exception {
    TestKeys old = TestKeys.generate();
    TestKeys next = TestKeys.generate();
    ControllerTrust trust = ControllerTrust.load(dataDir, old.pinned(),
        new Freshness(Clock.systemUTC(), Duration.ofMinutes(5)));
    String savedBefore = Files.readString(dataDir.resolve(ControllerTrust.FILE_NAME));
    KeyRotation rotation = new KeyRotation(Header.now(Instant.now()), next.keyId(), next.pinned().publicKey(),
        Instant.now());
    byte[] message = next.signer().signToBytes(Signed.COMMAND, Map.of("note", "signed with the new key"), null,
        List.of(old.signer().sign(Signed.KEY_ROTATION, rotation, null).tree()));

    Thread.currentThread().interrupt(); // what the agent's stop does to the apply thread
    RejectedException refused;
    try {
      refused = catchThrowableOfType(RejectedException.class, () -> trust.open(message, Signed.COMMAND, Map.class));
    } finally {
      Thread.interrupted();
    }

    assertThat(refused.reason()).as("judged by the saved keys").isEqualTo(Rejection.UNKNOWN_KEY);
    assertThat(trust.pinnedKeys()).extracting(PinnedKey::keyId).containsExactly(old.keyId());
    assertThat(Files.readString(dataDir.resolve(ControllerTrust.FILE_NAME))).isEqualTo(savedBefore);
    assertThat(log.warningsAndErrors()).isEmpty();
    assertThat(log.infos()).contains("stopping: the key rotation a command message carries is not accepted yet; it comes again with it");

    assertThat(trust.open(message, Signed.COMMAND, Map.class).keyId()).isEqualTo(next.keyId()); // after the restart

    assertThat(trust.pinnedKeys()).extracting(PinnedKey::keyId).containsExactlyInAnyOrder(old.keyId(), next.keyId());
    assertThat(Files.readString(dataDir.resolve(ControllerTrust.FILE_NAME))).contains(next.pinned().publicKey());
  }
}
