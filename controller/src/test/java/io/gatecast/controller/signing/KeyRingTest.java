package io.gatecast.controller.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Verifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key files through a rotation, on a real folder: every stage survives a restart, and a stop
 * between the two key files of the switch leaves a key set the next start completes.
 */
class KeyRingTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration GRACE = Duration.ofHours(1);

  @TempDir Path dir;

  @Test
  void anAnnouncedKeySurvivesARestartAndTakesOverAtValidFrom() throws Exception {
    KeyRing ring = KeyRing.open(dir);
    PinnedKey first = ring.current();

    KeyRing.Announcement announced = ring.announce(NOW, GRACE);

    assertThat(announced.signedBy()).isEqualTo(first.keyId());
    assertThat(announced.next().validFrom()).isEqualTo(NOW.plus(GRACE));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(KeyRing.NEXT_FILE)))).isEqualTo("rw-------");
    assertThatThrownBy(() -> ring.announce(NOW, GRACE)).isInstanceOf(KeyRing.RotationUnderWayException.class)
        .hasMessageContaining(announced.next().keyId());

    KeyRing restarted = KeyRing.open(dir);
    assertThat(restarted.stage()).isEqualTo(KeyRing.Stage.ANNOUNCED);
    assertThat(restarted.current()).isEqualTo(first);
    assertThat(restarted.state().next()).isEqualTo(announced.next());
    assertThat(restarted.announcement()).isEqualTo(announced.envelope());

    assertThat(restarted.switchIfDue(NOW.plus(GRACE).minusSeconds(1))).as("not yet").isFalse();
    assertThat(restarted.current()).isEqualTo(first);
    assertThat(restarted.switchIfDue(NOW.plus(GRACE))).isTrue();
    assertThat(restarted.current().keyId()).isEqualTo(announced.next().keyId());
    assertThat(restarted.current().publicKey()).isEqualTo(announced.next().publicKey());

    KeyRing afterSwitch = KeyRing.open(dir);
    assertThat(afterSwitch.stage()).as("re-signing still due").isEqualTo(KeyRing.Stage.SWITCHED);
    assertThat(afterSwitch.current()).isEqualTo(restarted.current());
    afterSwitch.finishSwitch();
    assertThat(dir.resolve(KeyRing.NEXT_FILE)).doesNotExist();

    KeyRing steady = KeyRing.open(dir);
    assertThat(steady.stage()).isEqualTo(KeyRing.Stage.STEADY);
    assertThat(steady.current()).isEqualTo(restarted.current());
    assertThat(Files.readString(dir.resolve(ControllerKeys.PUBLIC_FILE))).isEqualTo(announced.next().publicKey());
  }

  @Test
  void aStopBetweenTheTwoKeyFilesOfTheSwitchIsCompletedOnTheNextStart() throws Exception {
    KeyRing ring = KeyRing.open(dir);
    KeyRing.Announcement announced = ring.announce(NOW, GRACE);
    // The switch writes signing.pub, then signing.key: stop after the first.
    Files.writeString(dir.resolve(ControllerKeys.PUBLIC_FILE), announced.next().publicKey(), StandardCharsets.US_ASCII);

    KeyRing restarted = KeyRing.open(dir);

    assertThat(restarted.stage()).isEqualTo(KeyRing.Stage.SWITCHED);
    assertThat(restarted.current().keyId()).isEqualTo(announced.next().keyId());
    assertThat(ControllerKeys.loadExisting(dir).keyId()).as("a matching pair on disk").isEqualTo(announced.next().keyId());
    assertThat(Files.readString(dir.resolve(KeyRing.HISTORY_FILE))).contains(announced.next().keyId());
  }

  @Test
  void everyMessageCarriesTheRotationSoAnAgentThatMissedItCanOpenIt() {
    KeyRing ring = KeyRing.open(dir);
    PinnedKey first = ring.current();
    ring.announce(NOW, GRACE);
    Clock later = Clock.fixed(NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC);
    Verifier agentThatMissedIt = new Verifier(new Freshness(later, Duration.ZERO), List.of(first));

    byte[] beforeSwitch = ring.signToBytes("status", status(), null);
    assertThat(agentThatMissedIt.withCarriedRotations(beforeSwitch).pinnedKeys()).hasSize(2);

    ring.switchIfDue(NOW.plus(GRACE));
    ring.finishSwitch();
    byte[] afterSwitch = ring.signToBytes("status", status(), null);
    Verifier caughtUp = agentThatMissedIt.withCarriedRotations(afterSwitch);
    assertThat(caughtUp.open(afterSwitch, "status", StatusMessage.class).keyId()).isEqualTo(ring.current().keyId());
  }

  @Test
  void anAnnouncementNotSignedByTheCurrentKeyStopsTheStart() throws Exception {
    KeyRing.open(dir).announce(NOW, GRACE);
    ControllerKeys other = ControllerKeys.generate();
    other.saveAsCurrent(dir); // e.g. a keys folder pieced together from two backups

    assertThatThrownBy(() -> KeyRing.open(dir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("current key is " + other.keyId()).hasMessageContaining("backup");
  }

  private static StatusMessage status() {
    return new StatusMessage(Header.now(NOW), "hall-1", ScreenState.ONLINE, 1L, null, 10L);
  }
}
