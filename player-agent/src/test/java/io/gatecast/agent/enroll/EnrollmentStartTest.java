package io.gatecast.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.protocol.Keys;
import io.gatecast.protocol.enrollment.Identity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an agent without --screen-id starts: from its saved identity, never pairing over one it cannot read. */
class EnrollmentStartTest {
  @TempDir Path dataDir;

  @Test
  void aSavedIdentityIsUsedWithoutContactingAnyController() throws Exception {
    Identity identity = Identity.of("hall-7", "hall-7", "s3cret-password", List.of("tcp://10.0.0.5:1883"), "ctl-2026",
        Keys.encodePublic(Keys.generate().getPublic()));
    new IdentityStore(dataDir).save(identity);

    Path file = dataDir.resolve(IdentityStore.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    // No controller URL: it must not be needed once enrolled
    assertThat(Enrollment.savedOrPaired(dataDir, null, 0, Duration.ofSeconds(1))).isEqualTo(identity);
    assertThat(identity.toString()).doesNotContain("s3cret-password");
  }

  @Test
  void withoutIdentityOrControllerTheAgentSaysWhatToPass() {
    assertThatThrownBy(() -> Enrollment.savedOrPaired(dataDir, null, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--controller-url")
        .hasMessageContaining("--screen-id");
  }

  @Test
  void anUnreadableIdentityStopsTheAgentInsteadOfPairingAgain() throws Exception {
    Files.writeString(dataDir.resolve(IdentityStore.FILE_NAME), "{\"screenId\":");
    assertThatThrownBy(() -> Enrollment.savedOrPaired(dataDir, URI.create("http://127.0.0.1:9"), 0,
        Duration.ofSeconds(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(IdentityStore.FILE_NAME)
        .hasMessageContaining("delete it to pair the screen again");
  }
}
