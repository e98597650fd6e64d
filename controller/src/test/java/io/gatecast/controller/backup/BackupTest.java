package io.gatecast.controller.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.RunningController;
import io.gatecast.controller.TestUsers;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while the controller runs starts as a controller with the same data and key. */
@IntegrationTest
class BackupTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();
  @TempDir Path out;

  @Test
  void aBackupTakenWhileRunningIsRestoredAndOpened() throws Exception {
    ApiClient api = RUNNING.api();
    String sha = api.upload(png(), "image/png", null).body().get("sha256").asText();
    assertThat(api.postJson("/api/v1/screens", Map.of("id", "backup-hall-1", "name", "Hall 1")).status()).isEqualTo(201);

    Backup.Result result = Backup.write(RUNNING.dataDir(), out, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    assertThat(result.folder().getFileName().toString()).isEqualTo("gatecast-backup-20261123T100000Z");
    assertThat(result.mediaFiles()).isGreaterThanOrEqualTo(1);
    assertThat(out.resolve("gatecast-backup-20261123T100000Z.partial")).doesNotExist();
    Vertx vertx = Vertx.vertx();
    try {
      Controller restored = Controller.start(vertx, ControllerConfig.defaults(result.folder()).withPorts(0, 0), Clock.systemUTC()).await();
      try {
        ApiClient restoredApi = TestUsers.admin(restored.httpPort(), RUNNING.dataDir());
        assertThat(restoredApi.get("/api/v1/screens/backup-hall-1").status()).isEqualTo(200);
        assertThat(restoredApi.get("/api/v1/media/" + sha).status()).isEqualTo(200);
        // the same signing key: agents that pinned it accept the restored controller's schedules
        assertThat(restored.signingKey()).isEqualTo(RUNNING.controller().signingKey());
      } finally {
        restored.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aFolderWithoutADatabaseIsRefusedWithASentence() {
    assertThatThrownBy(() -> Backup.write(out, out.resolve("b"), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no controller database");
    assertThat(out.resolve("b")).doesNotExist();
  }

  @Test
  void aDamagedCopyIsNotCalledABackup() throws Exception {
    Path broken = out.resolve("broken.db");
    Files.write(broken, new byte[8192]);
    assertThatThrownBy(() -> Backup.check(broken)).hasMessageContaining("broken.db");
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xffcc00);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }
}
