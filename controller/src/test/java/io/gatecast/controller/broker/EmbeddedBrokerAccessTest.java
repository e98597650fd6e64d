package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.controller.RunningController;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded broker holds every client to its login and to AccessRules: screens registered over
 * the API, real Paho clients logged in as them.
 */
@IntegrationTest
class EmbeddedBrokerAccessTest {

  @RegisterExtension static RunningController running = new RunningController();

  static String broker;
  static String passwordA;
  static String passwordB;

  @BeforeAll
  static void registerTwoScreens() {
    broker = running.controller().brokerUrl();
    passwordA = register("acc-a");
    passwordB = register("acc-b");
  }

  @Test
  void aScreenCannotTakeAnothersSessionByItsClientId() throws Exception {
    BrokerChecks.clientIdTakeoverFails(broker, ControllerCredentials.loadOrCreate(running.dataDir()), "acc-a", passwordA,
        "acc-b", passwordB, true);
  }

  @Test
  void aWrongOrMissingPasswordIsRefused() {
    assertThatThrownBy(() -> MqttProbe.connect(broker, "acc-a", passwordB)).isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> MqttProbe.connect(broker, "acc-a", "")).isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> MqttProbe.connect(broker, null, null)).as("anonymous").isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> MqttProbe.connect(broker, ControllerCredentials.USERNAME, passwordA))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> MqttProbe.connect(broker, "nobody", passwordA)).isInstanceOf(MqttException.class);
  }

  @Test
  void aScreenSubscribesToItsOwnTopicsOnly() throws Exception {
    try (MqttProbe a = MqttProbe.connect(broker, "acc-a", passwordA)) {
      assertThat(a.subscribe(Topics.schedule("acc-a"))).isEqualTo(1);
      assertThat(a.subscribe(Topics.commands("acc-a"))).isEqualTo(1);
      assertThat(a.subscribe(Topics.schedule("acc-b"))).isEqualTo(MqttProbe.REFUSED);
      assertThat(a.subscribe(Topics.commands("acc-b"))).isEqualTo(MqttProbe.REFUSED);
      assertThat(a.subscribe(Topics.status("acc-b"))).isEqualTo(MqttProbe.REFUSED);
      assertThat(a.subscribe("gatecast/v1/screens/+/schedule")).isEqualTo(MqttProbe.REFUSED);
    }
  }

  @Test
  void aScreenReceivesNothingOfAnothersTopics() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(running.dataDir());
    try (MqttProbe publisher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe a = MqttProbe.connect(broker, "acc-a", passwordA);
        MqttProbe b = MqttProbe.connect(broker, "acc-b", passwordB)) {
      int granted = BrokerChecks.screenCannotReadAnothers(publisher, a, "acc-a", b, "acc-b");
      assertThat(granted).as("the embedded broker refuses the SUBSCRIBE").isEqualTo(MqttProbe.REFUSED);
    }
  }

  @Test
  void aScreenReadsItsOwnGatesScheduleOnly() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(running.dataDir());
    try (MqttProbe publisher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe a = MqttProbe.connect(broker, "acc-a", passwordA)) {
      int granted = BrokerChecks.screenReadsOnlyItsOwnGatesSchedule(publisher, a, "default", "another-gate");
      assertThat(granted).as("the embedded broker refuses the SUBSCRIBE").isEqualTo(MqttProbe.REFUSED);
    }
  }

  /**
   * How a refusal shows depends on the broker: Moquette drops the publish and keeps the connection;
   * HiveMQ closes the connection of an MQTT 3.1.1 client whose publish it refuses (as 3.1.1 allows).
   * Asked of the running controller, so {@code -Dgatecast.embeddedBroker=hivemq} runs this class too.
   */
  @Test
  void aScreenCannotPublishAsAnother() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(running.dataDir());
    try (MqttProbe watcher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe b = MqttProbe.connect(broker, "acc-b", passwordB)) {
      assertThat(watcher.subscribe("gatecast/v1/screens/+/status")).isEqualTo(1);
      assertThat(watcher.subscribe("gatecast/v1/screens/+/events")).isEqualTo(1);
      if (running.embeddedBroker() == EmbeddedBroker.Kind.HIVEMQ) {
        BrokerChecks.screenCannotPublishAsAnotherClosing(watcher, broker, "acc-a", passwordA, b, "acc-b");
      } else {
        try (MqttProbe a = MqttProbe.connect(broker, "acc-a", passwordA)) {
          BrokerChecks.screenCannotPublishAsAnother(watcher, a, "acc-a", b, "acc-b");
        }
      }
    }
  }

  @Test
  void aRotatedPasswordReplacesTheOldOne() throws Exception {
    String before = register("acc-rotated");
    Answer rotated = running.api().post("/api/v1/screens/acc-rotated/mqtt-password");
    assertThat(rotated.status()).isEqualTo(200);
    String after = rotated.body().get("mqttPassword").asText();
    assertThat(after).isNotEqualTo(before);
    assertThatThrownBy(() -> MqttProbe.connect(broker, "acc-rotated", before)).isInstanceOf(MqttException.class);
    MqttProbe.connect(broker, "acc-rotated", after).close();
    assertThat(running.api().post("/api/v1/screens/no-such-screen/mqtt-password").status()).isEqualTo(404);
  }

  @Test
  void theControllersUsernameCannotBeAScreen() {
    Answer answer = running.api().postJson("/api/v1/screens", Map.of("id", ControllerCredentials.USERNAME));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains("controller's MQTT username");
  }

  @Test
  void thePasswordIsShownOnceAndNeverListed() {
    assertThat(running.api().get("/api/v1/screens/acc-a").body().has("mqttPassword")).isFalse();
    assertThat(running.api().get("/api/v1/screens").body().toString()).doesNotContain(passwordA);
  }

  static String register(String screenId) {
    Answer answer = running.api().postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    String password = answer.body().path("mqttPassword").asText();
    assertThat(password).hasSize(32);
    return password;
  }
}
