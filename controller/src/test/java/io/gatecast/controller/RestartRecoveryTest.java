package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a controller restart must put right: retained alerts the broker may have lost, files a crash left behind. */
@IntegrationTest
class RestartRecoveryTest {
  @TempDir Path dataDir;

  @Test
  void everyClustersAlertsAreSentAgainWithAHigherVersionOnStart() throws Exception {
    String password;
    String alertId;
    long versionBefore;
    try (Running first = Running.on(dataDir)) {
      Answer screen = first.api.postJson("/api/v1/screens", Map.of("id", "restart-hall"));
      password = screen.body().get("mqttPassword").asText();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("clusterIds", List.of("default"));
      body.put("text", Map.of("vi", "Cửa khẩu tạm dừng thông quan.", "zh-Hans", "口岸暂停通关。"));
      body.put("expiresAt", Instant.now().plus(Duration.ofHours(3)).toString());
      Answer created = first.api.postJson("/api/v1/alerts", body);
      assertThat(created.status()).isEqualTo(201);
      alertId = created.body().get("alert").get("id").asText();
      versionBefore = created.body().get("publications").get(0).get("version").asLong();
    }

    try (Running second = Running.on(dataDir);
        ScreenClient screen = new ScreenClient(second.controller.brokerUrl(), "restart-hall", password)) {
      PinnedKey key = SignedAlerts.publishedKey(second.api);
      screen.subscribe(Topics.alert("default"));
      await().atMost(Duration.ofSeconds(10)).until(() -> !screen.received.isEmpty());
      AlertMessage retained = SignedAlerts.open(key, Clock.systemUTC(), screen.received.get(0)).message();
      assertThat(retained.version()).as("sent again at start, never reusing a version").isGreaterThan(versionBefore);
      assertThat(retained.alerts()).extracting(AlertSpec::id).containsExactly(alertId);
    }
  }

  @Test
  void mediaFilesWithoutARowAreRemovedAtStartAndStoredOnesKept() throws Exception {
    String kept;
    try (Running first = Running.on(dataDir)) {
      kept = first.api.upload(MediaFixtures.png(64, 32), null, null).body().get("sha256").asText();
    }
    // What a crash between a file step and its row step leaves: a file and a thumbnail nobody knows.
    String orphan = "ab".repeat(32);
    Files.write(dataDir.resolve("media").resolve(orphan), MediaFixtures.png(10, 10));
    Files.write(dataDir.resolve("media/.thumbnails").resolve(orphan + ".jpg"), new byte[] {1});
    String orphanThumbnail = "cd".repeat(32);
    Files.write(dataDir.resolve("media/.thumbnails").resolve(orphanThumbnail + ".jpg"), new byte[] {1});

    try (Running second = Running.on(dataDir)) {
      assertThat(dataDir.resolve("media").resolve(orphan)).doesNotExist();
      assertThat(dataDir.resolve("media/.thumbnails").resolve(orphan + ".jpg")).doesNotExist();
      assertThat(dataDir.resolve("media/.thumbnails").resolve(orphanThumbnail + ".jpg")).doesNotExist();
      assertThat(dataDir.resolve("media").resolve(kept)).exists();
      assertThat(dataDir.resolve("media/.thumbnails").resolve(kept + ".jpg")).exists();
      assertThat(second.api.get("/api/v1/media/" + kept).status()).isEqualTo(200);
    }
  }

  /** A controller on {@code dataDir} with free ports, closed with its Vert.x. */
  private record Running(Vertx vertx, Controller controller, ApiClient api) implements AutoCloseable {
    static Running on(Path dataDir) {
      Vertx vertx = Vertx.vertx();
      Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0),
          Clock.systemUTC()).await();
      return new Running(vertx, controller, TestUsers.admin(controller.httpPort(), dataDir));
    }

    @Override
    public void close() {
      controller.close();
      vertx.close().await();
    }
  }
}
