package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.Main;
import io.gatecast.controller.TestUsers;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Mosquitto;
import io.gatecast.testkit.Ports;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The files of {@code controller export-mosquitto} make a real Mosquitto 2 hold clients to the same
 * logins and rules as the embedded broker. Starts its own Mosquitto on a free port (never the shared
 * one on 1883). Skipped when Mosquitto is not installed, unless GATECAST_REQUIRE_MOSQUITTO=true.
 */
@IntegrationTest
class MosquittoAccessTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final byte[] SLIDE =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"9\"/>".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path tmp;
  static Path dataDir;
  static Mosquitto mosquitto;
  static String broker;
  static String passwordA;
  static String passwordB;

  @BeforeAll
  static void exportTheControllersFilesAndStartMosquitto() throws Exception {
    Mosquitto.require("the real-Mosquitto access checks are");
    dataDir = tmp.resolve("controller");
    // Screens are registered as an operator would before moving to Mosquitto: on a controller with its embedded broker.
    Vertx vertx = Vertx.vertx();
    Controller registering = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0),
        Clock.systemUTC()).await();
    try {
      ApiClient api = TestUsers.admin(registering.httpPort(), dataDir);
      passwordA = register(api, "mosq-a");
      passwordB = register(api, "mosq-b");
      // mosq-b as a controller that hashed with 10,000 iterations stored it: one login to the
      // embedded broker stores it again at today's count, which the export then carries.
      setHash("mosq-b", PasswordHash.hash(passwordB, 10_000));
      MqttProbe.connect(registering.brokerUrl(), "mosq-b", passwordB).close();
      await().atMost(DEADLINE).until(() -> PasswordHash.isCurrent(storedHash("mosq-b")));
    } finally {
      registering.close();
      vertx.close().await();
    }

    Path out = tmp.resolve("mosquitto");
    int exit = new CommandLine(new Main())
        .execute("export-mosquitto", "--data-dir", dataDir.toString(), "--out", out.toString());
    assertThat(exit).isZero();
    String current = "$7$" + PasswordHash.RANDOM_PASSWORD_ITERATIONS + "$";
    assertThat(Files.readString(out.resolve("passwd")))
        .contains("mosq-a:" + current, "mosq-b:" + current, "gatecast-controller:" + current);

    int port = Ports.free();
    Path conf = out.resolve("mosquitto.conf");
    // The exported settings as they are (logins, ACL, use_username_as_clientid), after this test's listener.
    String exported = Files.readString(out.resolve(MosquittoExport.CONF));
    assertThat(exported).contains("use_username_as_clientid true", "allow_anonymous false");
    mosquitto = Mosquitto.start(Mosquitto.writeConf(conf, port, exported, "persistence false"), port);
    broker = mosquitto.url();
  }

  @AfterAll
  static void stopMosquitto() throws InterruptedException {
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @Test
  void aScreenCannotTakeAnothersSessionByItsClientId() throws Exception {
    // Mosquitto replaces the impostor's client id by its username: it gets a session of its own.
    BrokerChecks.clientIdTakeoverFails(broker, ControllerCredentials.loadOrCreate(dataDir), "mosq-a", passwordA,
        "mosq-b", passwordB, false);
  }

  @Test
  void aWrongOrMissingPasswordIsRefused() throws Exception {
    assertThatThrownBy(() -> MqttProbe.connect(broker, "mosq-a", passwordB)).isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> MqttProbe.connect(broker, null, null)).as("anonymous").isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> MqttProbe.connect(broker, "nobody", passwordA)).isInstanceOf(MqttException.class);
    MqttProbe.connect(broker, "mosq-a", passwordA).close();
  }

  @Test
  void aScreenReceivesNothingOfAnothersTopics() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(dataDir);
    try (MqttProbe publisher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe a = MqttProbe.connect(broker, "mosq-a", passwordA);
        MqttProbe b = MqttProbe.connect(broker, "mosq-b", passwordB)) {
      int granted = BrokerChecks.screenCannotReadAnothers(publisher, a, "mosq-a", b, "mosq-b");
      assertThat(granted).as("Mosquitto 2.0 grants it but delivers nothing").isIn(1, MqttProbe.REFUSED);
    }
  }

  @Test
  void aScreenReadsItsOwnGatesScheduleOnly() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(dataDir);
    try (MqttProbe publisher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe a = MqttProbe.connect(broker, "mosq-a", passwordA)) {
      int granted = BrokerChecks.screenReadsOnlyItsOwnGatesSchedule(publisher, a, "default", "another-gate");
      assertThat(granted).as("Mosquitto 2.0 grants it but delivers nothing").isIn(1, MqttProbe.REFUSED);
    }
  }

  @Test
  void aScreenCannotPublishAsAnother() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(dataDir);
    try (MqttProbe watcher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe a = MqttProbe.connect(broker, "mosq-a", passwordA);
        MqttProbe b = MqttProbe.connect(broker, "mosq-b", passwordB)) {
      assertThat(watcher.subscribe("gatecast/v1/screens/+/status")).isEqualTo(1);
      assertThat(watcher.subscribe("gatecast/v1/screens/+/events")).isEqualTo(1);
      BrokerChecks.screenCannotPublishAsAnother(watcher, a, "mosq-a", b, "mosq-b");
    }
  }

  @Test
  void theControllerLogsInWithItsExportedCredentialsAndItsScheduleReachesTheRightScreen() throws Exception {
    Vertx vertx = Vertx.vertx();
    // No --broker-username/--broker-password: the generated login, which export-mosquitto wrote.
    Controller controller = Controller.start(vertx,
        ControllerConfig.defaults(dataDir).withPorts(0, 0).withExternalBroker(broker), Clock.systemUTC()).await();
    try (MqttProbe a = MqttProbe.connect(broker, "mosq-a", passwordA);
        MqttProbe b = MqttProbe.connect(broker, "mosq-b", passwordB)) {
      assertThat(a.subscribe(Topics.schedule("mosq-a"))).isEqualTo(1);
      assertThat(b.subscribe(Topics.schedule("mosq-b"))).isEqualTo(1);
      ApiClient api = TestUsers.admin(controller.httpPort(), dataDir);
      String sha = api.upload(SLIDE, "image/svg+xml", null).body().get("sha256").asText();
      assertThat(api.postJson("/api/v1/content", Map.of("id", "notice", "title", "Notice", "mediaSha256", sha,
          "durationSeconds", 5)).status()).isEqualTo(201);
      TestUsers.approve(TestUsers.user(api, controller.httpPort(), "mosq-approver", "approver"), "notice");
      assertThat(api.postJson("/api/v1/schedule", Map.of("contentId", "notice", "screenIds", List.of("mosq-a")))
          .status()).isEqualTo(200);
      assertThat(api.publishAndAwait().body().get("sent")).hasSize(1);

      await().atMost(DEADLINE).until(() -> a.received().stream()
          .anyMatch(m -> m.startsWith(Topics.schedule("mosq-a") + " ") && m.contains("notice")));
      assertThat(b.received()).isEmpty();
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  private static String register(ApiClient api, String screenId) {
    Answer answer = api.postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }

  private static void setHash(String screenId, String hash) throws SQLException {
    try (Connection c = database()) {
      assertThat(new ScreenRepository().setPasswordHash(c, screenId, hash)).isTrue();
    }
  }

  private static String storedHash(String screenId) throws SQLException {
    try (Connection c = database()) {
      return new ScreenRepository().passwordHash(c, screenId).orElse(null);
    }
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gatecast.db") + "?busy_timeout=5000");
  }
}
