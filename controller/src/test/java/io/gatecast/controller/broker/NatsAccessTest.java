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
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.enrollment.Identity;
import io.gatecast.protocol.enrollment.PairingCode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Nats;
import io.gatecast.testkit.Ports;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
 * The file of {@code controller export-nats} makes a real nats-server (2.9, MQTT interface,
 * JetStream) hold clients to the same logins and rules as the embedded broker and the exported
 * Mosquitto files ({@link MosquittoAccessTest}: the same checks, from {@link BrokerChecks}). Starts
 * its own node from docs/nats/single.conf on free ports. Skipped when nats-server is not installed,
 * unless GATECAST_REQUIRE_NATS=true.
 */
@IntegrationTest
class NatsAccessTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final byte[] SLIDE =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"9\"/>".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path tmp;
  static Path dataDir;
  static Nats nats;
  static String broker;
  static String passwordA;
  static String passwordB;
  static String passwordOld;
  static String exportOutput;

  @BeforeAll
  static void exportTheControllersAccountsAndStartNats() throws Exception {
    Nats.require("the NATS checks are");
    dataDir = tmp.resolve("controller");
    // Registered as an operator would before moving to NATS: on a controller with its embedded broker.
    Vertx vertx = Vertx.vertx();
    Controller registering = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0),
        Clock.systemUTC()).await();
    try {
      ApiClient api = TestUsers.admin(registering.httpPort(), dataDir);
      passwordA = register(api, "nats-a");
      passwordB = register(api, "nats-b");
      passwordOld = register(api, "nats-old");
    } finally {
      registering.close();
      vertx.close().await();
    }
    // nats-old as a controller from before bcrypt hashes stored it: only the $7$ hash.
    try (Connection c = database()) {
      assertThat(new ScreenRepository().setPasswordHash(c, "nats-old", PasswordHash.hash(passwordOld))).isTrue();
    }

    Path out = tmp.resolve("nats");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = new CommandLine(new Main()).execute("export-nats", "--data-dir", dataDir.toString(), "--out", out.toString());
    } finally {
      System.setOut(stdout);
    }
    assertThat(exit).isZero();
    exportOutput = printed.toString(StandardCharsets.UTF_8);
    String accounts = Files.readString(out.resolve(NatsExport.FILE_NAME));
    assertThat(accounts).contains("\"nats-a\"", "\"nats-b\"", "\"gatecast-controller\"", "\"$2a$04$")
        .doesNotContain("\"nats-old\"", "$7$", passwordA, passwordB);

    nats = Nats.single(out);
    broker = nats.url();
  }

  @AfterAll
  static void stopNats() {
    if (nats != null) {
      nats.close();
    }
  }

  @Test
  void aWrongOrMissingPasswordIsRefused() throws Exception {
    assertThatThrownBy(() -> MqttProbe.connect(broker, "nats-a", passwordB)).isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> MqttProbe.connect(broker, null, null)).as("anonymous").isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> MqttProbe.connect(broker, "nobody", passwordA)).isInstanceOf(MqttException.class);
    MqttProbe.connect(broker, "nats-a", passwordA).close();
  }

  @Test
  void aScreenWhosePasswordPredatesBcryptHasNoLoginAndTheExportSaysWhatToDo() {
    assertThatThrownBy(() -> MqttProbe.connect(broker, "nats-old", passwordOld)).isInstanceOf(MqttException.class);
    assertThat(exportOutput).contains("nats-old").contains("mqtt-password").contains("bcrypt");
  }

  @Test
  void aScreenReceivesNothingOfAnothersTopics() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(dataDir);
    try (MqttProbe publisher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe a = MqttProbe.connect(broker, "nats-a", passwordA);
        MqttProbe b = MqttProbe.connect(broker, "nats-b", passwordB)) {
      int granted = BrokerChecks.screenCannotReadAnothers(publisher, a, "nats-a", b, "nats-b");
      assertThat(granted).as("NATS refuses the SUBSCRIBE itself").isEqualTo(MqttProbe.REFUSED);
    }
  }

  @Test
  void aScreenReadsItsOwnGatesScheduleOnly() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(dataDir);
    try (MqttProbe publisher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe a = MqttProbe.connect(broker, "nats-a", passwordA)) {
      int granted = BrokerChecks.screenReadsOnlyItsOwnGatesSchedule(publisher, a, "default", "another-gate");
      assertThat(granted).as("NATS refuses the SUBSCRIBE itself").isEqualTo(MqttProbe.REFUSED);
    }
  }

  @Test
  void theSubjectsNatsDeliversQos1OnCannotBeSubscribedToAsTopics() throws Exception {
    // Every client may subscribe to $MQTT.sub.> (NATS serves QoS 1 subscriptions there); as an MQTT
    // topic that would read every screen's deliveries, so the broker must refuse it.
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(dataDir);
    try (MqttProbe publisher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe a = MqttProbe.connect(broker, "nats-a", passwordA);
        MqttProbe b = MqttProbe.connect(broker, "nats-b", passwordB)) {
      assertThat(a.subscribe("$MQTT/sub/#")).isEqualTo(MqttProbe.REFUSED);
      assertThat(a.subscribe("$MQTT/sub/+")).isEqualTo(MqttProbe.REFUSED);
      assertThat(a.subscribe("#")).isEqualTo(MqttProbe.REFUSED);
      assertThat(b.subscribe(Topics.commands("nats-b"))).isEqualTo(1);
      assertThat(a.subscribe(Topics.commands("nats-a"))).isEqualTo(1);
      publisher.publish(Topics.commands("nats-b"), "for-nats-b");
      publisher.publish(Topics.commands("nats-a"), "for-nats-a");
      await().atMost(DEADLINE).until(() -> a.received().contains(Topics.commands("nats-a") + " for-nats-a"));
      await().atMost(DEADLINE).until(() -> b.received().contains(Topics.commands("nats-b") + " for-nats-b"));
      assertThat(a.received()).noneMatch(message -> message.contains("for-nats-b"));
    }
  }

  @Test
  void aScreenCannotPublishAsAnother() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(dataDir);
    try (MqttProbe watcher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe a = MqttProbe.connect(broker, "nats-a", passwordA);
        MqttProbe b = MqttProbe.connect(broker, "nats-b", passwordB)) {
      assertThat(watcher.subscribe("gatecast/v1/screens/+/status")).isEqualTo(1);
      assertThat(watcher.subscribe("gatecast/v1/screens/+/events")).isEqualTo(1);
      BrokerChecks.screenCannotPublishAsAnother(watcher, a, "nats-a", b, "nats-b");
    }
  }

  @Test
  void theControllerLogsInWithItsExportedCredentialsAndItsScheduleReachesTheRightScreen() throws Exception {
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx,
        ControllerConfig.defaults(dataDir).withPorts(0, 0).withExternalBroker(broker), Clock.systemUTC()).await();
    try (MqttProbe a = MqttProbe.connect(broker, "nats-a", passwordA);
        MqttProbe b = MqttProbe.connect(broker, "nats-b", passwordB)) {
      assertThat(a.subscribe(Topics.schedule("nats-a"))).isEqualTo(1);
      assertThat(b.subscribe(Topics.schedule("nats-b"))).isEqualTo(1);
      ApiClient api = TestUsers.admin(controller.httpPort(), dataDir);
      String sha = api.upload(SLIDE, "image/svg+xml", null).body().get("sha256").asText();
      assertThat(api.postJson("/api/v1/content", Map.of("id", "notice", "title", "Notice", "mediaSha256", sha,
          "durationSeconds", 5)).status()).isEqualTo(201);
      TestUsers.approve(TestUsers.user(api, controller.httpPort(), "nats-approver", "approver"), "notice");
      assertThat(api.postJson("/api/v1/schedule", Map.of("contentId", "notice", "screenIds", List.of("nats-a")))
          .status()).isEqualTo(200);
      assertThat(api.publishAndAwait().body().get("sent")).hasSize(1);

      await().atMost(DEADLINE).until(() -> a.received().stream()
          .anyMatch(m -> m.startsWith(Topics.schedule("nats-a") + " ") && m.contains("notice")));
      assertThat(b.received()).isEmpty();
      // Retained: a screen that subscribes later still gets it, from JetStream.
      try (MqttProbe late = MqttProbe.connect(broker, "nats-a", passwordA)) {
        assertThat(late.subscribe(Topics.schedule("nats-a"))).isEqualTo(1);
        await().atMost(DEADLINE).until(() -> late.received().stream()
            .anyMatch(m -> m.startsWith(Topics.schedule("nats-a") + " ") && m.contains("notice")));
      }
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  @Test
  void aControllerGivenSeveralAddressesUsesOneThatAnswersAndTellsEnrollingAgentsEveryOne() throws Exception {
    String dead = "tcp://127.0.0.1:" + Ports.free();
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx,
        ControllerConfig.defaults(dataDir).withPorts(0, 0).withExternalBroker(dead + "," + broker), Clock.systemUTC())
        .await();
    try {
      ApiClient api = TestUsers.admin(controller.httpPort(), dataDir);
      String code = PairingCode.newCode();
      String secret = PairingCode.newSecret();
      assertThat(api.postJson("/api/v1/enrollments", Map.of("code", PairingCode.display(code), "secret", secret))
          .status()).isEqualTo(201);
      assertThat(api.postJson("/api/v1/enrollments/" + code + "/assign",
          Map.of("screenId", "nats-enrolled", "name", "Enrolled", "clusterId", "default")).status()).isEqualTo(200);
      Answer picked = api.postJson("/api/v1/enrollments/" + code + "/pickup", Map.of("secret", secret));
      assertThat(picked.status()).isEqualTo(200);
      Identity identity = Codec.mapper().treeToValue(picked.body(), Identity.class);
      assertThat(identity.brokerUrls()).containsExactly(dead, broker);
      assertThat(picked.body().get("brokerUrl").asText()).as("for agents that know one address").isEqualTo(dead);
      // The password it was given is stored in the form NATS reads, for the next export-nats.
      try (Connection c = database()) {
        assertThat(new ScreenRepository().bcryptHash(c, "nats-enrolled"))
            .hasValueSatisfying(hash -> assertThat(BcryptHash.matches(identity.mqttPassword(), hash)).isTrue());
      }
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

  private static Connection database() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gatecast.db") + "?busy_timeout=5000");
  }
}
