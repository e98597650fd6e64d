package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.AgentConfig;
import io.gatecast.agent.PlayerAgent;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.Main;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Mosquitto;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole path on a real Mosquitto that enforces the exported password and ACL files: publish →
 * a real agent applies → its proof of play reaches the controller's reports.
 *
 * <p>Which broker does what: the screen is registered on a controller with its <b>embedded</b>
 * broker (as an operator does before moving to Mosquitto); {@code export-mosquitto} writes
 * {@code passwd} and {@code acl}; then a <b>Mosquitto of this test's own</b> ({@link Mosquitto},
 * on a free port, {@code allow_anonymous false}, those two files) carries everything else — the
 * controller logs in there with its exported credentials ({@code --broker}), the agent with its
 * screen's. The shared Mosquitto at 127.0.0.1:1883 is anonymous (see {@link MosquittoInteropTest},
 * which runs publish → apply through it), so it cannot check the files.
 */
@IntegrationTest
class MosquittoFullPathTest {
  private static final String SCREEN = "mosq-full-1";

  @TempDir Path tmp;

  @Test
  void publishApplyAndProofOfPlayThroughMosquittoWithTheExportedFiles() throws Exception {
    Mosquitto.require("the real-Mosquitto test is");
    Path dataDir = tmp.resolve("controller");
    String mqttPassword = registerOnTheEmbeddedBroker(dataDir);

    Path files = tmp.resolve("mosquitto");
    assertThat(new CommandLine(new Main()).execute("export-mosquitto", "--data-dir", dataDir.toString(),
        "--out", files.toString())).isZero();
    assertThat(Files.readString(files.resolve("acl"))).contains("user " + SCREEN);

    Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS);
    try (Mosquitto mosquitto = Mosquitto.withLogins(files)) {
      // It does check logins: an anonymous client is turned away.
      assertThatThrownBy(() -> new MqttClient(mosquitto.url(), "anonymous-probe", new MemoryPersistence()).connect())
          .isInstanceOf(MqttException.class);
      Vertx vertx = Vertx.vertx();
      Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0)
          .withExternalBroker(mosquitto.url()), Clock.systemUTC()).await();
      PlayerAgent agent = null;
      try {
        assertThat(controller.brokerUrl()).isEqualTo(mosquitto.url());
        ApiClient api = Accounts.admin(controller.httpPort(), dataDir);
        ApprovedSlide.scheduledOn(api, controller.httpPort(), 2, List.of(SCREEN));

        agent = PlayerAgent.start(AgentConfig.of(SCREEN, mosquitto.url(), tmp.resolve("agent")).withPagePort(0)
            .withHeartbeatSeconds(1).withPlayBatchSeconds(1).withControllerKey(controller.signingKey())
            .withCredentials(SCREEN, mqttPassword), Clock.systemUTC());
        assertThat(api.publishAndAwait().body().get("sent")).hasSize(1);

        PlayerAgent started = agent;
        await().atMost(Duration.ofSeconds(30)).until(() -> started.appliedVersion().orElse(0L) == 1L);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(api.get("/api/v1/screens/" + SCREEN).body().get("latestDelivery").get("outcome").asText())
                .isEqualTo("APPLIED"));

        String period = "from=" + from + "&to=" + from.plus(2, ChronoUnit.HOURS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
          JsonNode byItem = api.get("/api/v1/reports/plays?" + period + "&groupBy=item").body();
          assertThat(byItem.get("totalPlays").asLong()).isPositive();
          assertThat(byItem.get("rows").get(0).get("key").asText()).isEqualTo("anti-smuggling");
        });
        JsonNode byScreen = api.get("/api/v1/reports/plays?" + period + "&groupBy=screen").body();
        assertThat(byScreen.get("rows")).hasSize(1);
        assertThat(byScreen.get("rows").get(0).get("key").asText()).isEqualTo(SCREEN);
        assertThat(byScreen.get("rows").get(0).get("airtimeSeconds").asDouble()).isPositive();
      } finally {
        if (agent != null) {
          agent.close();
        }
        controller.close();
        vertx.close().await();
      }
    }
  }

  /** The screen's password hash must be in the database before the export: register it first. */
  private static String registerOnTheEmbeddedBroker(Path dataDir) {
    Vertx vertx = Vertx.vertx();
    Controller registering = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0),
        Clock.systemUTC()).await();
    try {
      ApiClient api = Accounts.admin(registering.httpPort(), dataDir);
      return api.postJson("/api/v1/screens", Map.of("id", SCREEN)).body().get("mqttPassword").asText();
    } finally {
      registering.close();
      vertx.close().await();
    }
  }
}
