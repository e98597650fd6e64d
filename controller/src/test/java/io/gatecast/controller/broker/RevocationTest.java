package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.Main;
import io.gatecast.controller.RunningController;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A revoked screen is cut off: its open session dropped, its login refused, nothing published to it, out of the export. */
@IntegrationTest
class RevocationTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @TempDir Path exportDir;

  @Test
  void aRevokedScreenCanNoLongerConnectOrReadItsTopics() throws Exception {
    String broker = RUNNING.controller().brokerUrl();
    String password = register("rv-hall");
    String neighbour = register("rv-neighbour");
    givenOnItsPlaylist("rv-hall");
    MqttClient session = connect(broker, "rv-hall", password);
    AtomicBoolean lost = new AtomicBoolean();
    session.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        lost.set(true);
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {}

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    session.subscribe(Topics.schedule("rv-hall"), 1);
    try {
      Answer revoked = RUNNING.api().post("/api/v1/screens/rv-hall/revoke");
      assertThat(revoked.status()).isEqualTo(200);
      assertThat(revoked.body().get("revokedAt").isNull()).isFalse();

      // Its open session is dropped at once, and it cannot log in again
      await().atMost(DEADLINE).untilTrue(lost);
      assertThatThrownBy(() -> connect(broker, "rv-hall", password)).isInstanceOf(MqttException.class);
      // Nor can it be given a new password behind the revocation's back
      assertThat(RUNNING.api().post("/api/v1/screens/rv-hall/mqtt-password").status()).isEqualTo(409);
      // Its neighbour is untouched
      connect(broker, "rv-neighbour", neighbour).disconnect();

      // Nothing is published to it, even with content on its playlist
      assertThat(RUNNING.api().publishAndAwait().body().get("sent").toString()).doesNotContain("rv-hall");

      // An exported Mosquitto no longer knows it
      int exit = new CommandLine(new Main()).execute("export-mosquitto", "--data-dir", RUNNING.dataDir().toString(),
          "--out", exportDir.toString());
      assertThat(exit).isZero();
      assertThat(Files.readString(exportDir.resolve("passwd"))).doesNotContain("rv-hall:").contains("rv-neighbour:");
      assertThat(Files.readString(exportDir.resolve("acl"))).doesNotContain("rv-hall").contains("user rv-neighbour");

      // DELETE is the same cut, and a second revocation changes nothing
      assertThat(RUNNING.api().delete("/api/v1/screens/rv-hall").status()).isEqualTo(200);
      assertThat(RUNNING.api().post("/api/v1/screens/ghost/revoke").status()).isEqualTo(404);
    } finally {
      session.close(true);
    }
  }

  /** Puts an item on the screen's playlist, so a publish would have something to send it. */
  private static void givenOnItsPlaylist(String screenId) throws Exception {
    byte[] slide = "<svg xmlns='http://www.w3.org/2000/svg'><text>revoked</text></svg>".getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(slide));
    assertThat(RUNNING.api().upload(slide, "image/svg+xml", sha).status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/content", Map.of("id", "rv-item", "title", "t", "mediaSha256", sha,
        "durationSeconds", 5)).status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/schedule", Map.of("contentId", "rv-item", "screenIds", List.of(screenId)))
        .status()).isEqualTo(200);
  }

  private static MqttClient connect(String broker, String user, String password) throws MqttException {
    MqttClient client = new MqttClient(broker, user, // a screen connects with its id as client id
        new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setUserName(user);
    options.setPassword(password.toCharArray());
    try {
      client.connect(options);
    } catch (MqttException e) {
      client.close(true);
      throw e;
    }
    return client;
  }

  private static String register(String screenId) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }
}
