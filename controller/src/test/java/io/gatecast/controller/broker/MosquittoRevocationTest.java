package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.Main;
import io.gatecast.controller.TestUsers;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Mosquitto;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Revocation with a real Mosquitto 2 holding the exported files: after the export is redone and
 * Mosquitto reloaded (SIGHUP), the revoked screen's open session is closed and its login refused,
 * while the other screen stays connected. Skipped without Mosquitto, unless GATECAST_REQUIRE_MOSQUITTO=true.
 */
@IntegrationTest
class MosquittoRevocationTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @TempDir Path tmp;

  @Test
  void aRevokedScreenIsCutOffAtTheNextReload() throws Exception {
    Mosquitto.require("the real-Mosquitto revocation check is");
    Path dataDir = tmp.resolve("controller");
    Path out = tmp.resolve("mosquitto");
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0),
        Clock.systemUTC()).await();
    Mosquitto mosquitto = null;
    try {
      ApiClient api = TestUsers.admin(controller.httpPort(), dataDir);
      String revokedPassword = register(api, "mr-revoked");
      String keptPassword = register(api, "mr-kept");
      export(dataDir, out);
      mosquitto = Mosquitto.withLogins(out);
      String broker = mosquitto.url();

      try (MqttProbe revoked = MqttProbe.connect(broker, "mr-revoked", revokedPassword);
          MqttProbe kept = MqttProbe.connect(broker, "mr-kept", keptPassword)) {
        assertThat(api.post("/api/v1/screens/mr-revoked/revoke").status()).isEqualTo(200);
        export(dataDir, out);
        mosquitto.reload();

        await().atMost(DEADLINE).until(() -> !revoked.isConnected());
        assertThatThrownBy(() -> MqttProbe.connect(broker, "mr-revoked", revokedPassword))
            .isInstanceOf(MqttException.class);
        assertThat(kept.isConnected()).isTrue();
        MqttProbe.connect(broker, "mr-kept", keptPassword).close();
      }
    } finally {
      if (mosquitto != null) {
        mosquitto.close();
      }
      controller.close();
      vertx.close().await();
    }
  }

  private static void export(Path dataDir, Path out) {
    int exit = new CommandLine(new Main()).execute("export-mosquitto", "--data-dir", dataDir.toString(),
        "--out", out.toString());
    assertThat(exit).isZero();
  }

  private static String register(ApiClient api, String screenId) {
    Answer answer = api.postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }
}
