package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.TestUsers;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.PrivateMosquitto;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.Topics;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a screen sends while the controller is away is not lost: on an external broker the
 * controller keeps its session (clean session off, the same client id on every start), so the
 * broker holds the screen's events for it. Here the controller is stopped, a screen sends a
 * proof-of-play batch, and the controller started again stores it. Mosquitto (anonymous, no
 * persistence, on a free port of its own) keeps running throughout.
 */
@IntegrationTest
class ControllerAwayTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SCREEN = "away-hall";
  private static final String PERIOD = "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

  @TempDir Path tmp;
  @RegisterExtension final PrivateMosquitto mosquitto = new PrivateMosquitto();

  @Test
  void proofOfPlaySentWhileTheControllerWasStoppedIsStoredWhenItIsBack() throws Exception {
    String broker = mosquitto.url();
    Path dataDir = tmp.resolve("controller");
    Vertx vertx = Vertx.vertx();
    try {
      Controller first = start(vertx, dataDir, broker);
      try {
        ApiClient admin = TestUsers.admin(first.httpPort(), dataDir);
        assertThat(admin.postJson("/api/v1/screens", Map.of("id", SCREEN)).status()).isEqualTo(201);
        assertThat(admin.postJson("/api/v1/content", Map.of("id", "away-item", "title", "away-item",
            "variants", List.of(Map.of("language", "vi", "text", "Cửa khẩu", "seconds", 10)))).status()).isEqualTo(201);
      } finally {
        first.close();
      }

      // The controller is away: the screen's proof of play goes to the broker all the same.
      MqttClient screen = new MqttClient(broker, SCREEN, new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setUserName(SCREEN);
      options.setPassword("anonymous broker".toCharArray());
      screen.connect(options);
      PlayBatch.Play play = new PlayBatch.Play("away-1", "away-item", null, "vi",
          Instant.parse("2026-03-16T02:00:00Z"), Instant.parse("2026-03-16T02:00:10Z"));
      screen.publish(Topics.events(SCREEN), Codec.encode(new PlayBatch(Header.now(Instant.now()), SCREEN, List.of(play))),
          1, false);
      screen.disconnect();
      screen.close();

      Controller second = start(vertx, dataDir, broker);
      try {
        ApiClient admin = TestUsers.admin(second.httpPort(), dataDir);
        await().atMost(DEADLINE).until(() -> admin.get("/api/v1/reports/plays?" + PERIOD + "&groupBy=screen").body()
            .get("totalPlays").asLong() == 1);
      } finally {
        second.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  private static Controller start(Vertx vertx, Path dataDir, String broker) {
    return Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0).withExternalBroker(broker),
        Clock.systemUTC()).await();
  }
}
