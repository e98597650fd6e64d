package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import io.gatecast.agent.AgentConfig;
import io.gatecast.agent.PlayerAgent;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish → apply path through a real Mosquitto at 127.0.0.1:1883 instead of the embedded
 * broker. Skipped when none is reachable, unless GATECAST_REQUIRE_MOSQUITTO=true (as .ci/run sets it).
 */
@IntegrationTest
class MosquittoInteropTest {
  private static final String MOSQUITTO = "tcp://127.0.0.1:1883";

  @TempDir Path tmp;

  @BeforeAll
  static void requireMosquitto() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 1883), 2000);
    } catch (IOException e) {
      String why = "no MQTT broker at 127.0.0.1:1883 (" + e.getMessage() + "); start one with"
          + " 'mosquitto -d -c /etc/mosquitto/mosquitto.conf'";
      if ("true".equals(System.getenv("GATECAST_REQUIRE_MOSQUITTO"))) {
        fail(why);
      }
      abort(why);
    }
  }

  @Test
  void aScheduleTravelsThroughMosquittoAndIsApplied() throws Exception {
    // The broker is shared with whatever else runs on this machine: ids unique to this run.
    String screenId = "mosq-" + UUID.randomUUID().toString().substring(0, 8);
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx,
        ControllerConfig.defaults(tmp.resolve("controller")).withPorts(0, 0).withExternalBroker(MOSQUITTO),
        Clock.systemUTC()).await();
    PlayerAgent agent = null;
    try {
      assertThat(controller.brokerUrl()).isEqualTo(MOSQUITTO);
      ApiClient api = Accounts.admin(controller.httpPort(), tmp.resolve("controller"));
      // This shared Mosquitto is anonymous; it accepts the screen's login all the same (checked with 2.0.11).
      String mqttPassword = api.postJson("/api/v1/screens", Map.of("id", screenId)).body().get("mqttPassword").asText();
      String sha = ApprovedSlide.scheduledOn(api, controller.httpPort(), 8, List.of(screenId));

      agent = PlayerAgent.start(AgentConfig.of(screenId, MOSQUITTO, tmp.resolve("agent")).withPagePort(0)
          .withHeartbeatSeconds(1).withControllerKey(controller.signingKey()).withCredentials(screenId, mqttPassword),
          Clock.systemUTC());
      assertThat(api.publishAndAwait().body().get("sent")).hasSize(1);

      PlayerAgent started = agent;
      await().atMost(Duration.ofSeconds(30)).until(() -> started.appliedVersion().orElse(0L) == 1L);
      assertThat(Files.exists(tmp.resolve("agent/media").resolve(sha))).isTrue();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var screen = api.get("/api/v1/screens/" + screenId).body();
        assertThat(screen.get("state").asText()).isEqualTo("ONLINE");
        assertThat(screen.get("latestDelivery").get("outcome").asText()).isEqualTo("APPLIED");
      });
    } finally {
      if (agent != null) {
        agent.close();
      }
      controller.close();
      vertx.close().await();
      clearRetained(screenId);
    }
  }

  /** Leaves the shared broker as it was found: no retained schedule or status of this run. */
  private static void clearRetained(String screenId) throws Exception {
    MqttClient client = new MqttClient(MOSQUITTO, "cleanup-" + screenId, new MemoryPersistence());
    client.connect();
    for (String topic : List.of(Topics.schedule(screenId), Topics.status(screenId))) {
      client.publish(topic, new byte[0], 1, true);
    }
    client.disconnect();
    client.close();
  }
}
