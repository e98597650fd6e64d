package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.AgentConfig;
import io.gatecast.agent.PlayerAgent;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.EventKind;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.Closer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Mosquitto;
import io.gatecast.testkit.Ports;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof of play is a department's evidence, so none may be lost between a kiosk and the controller's
 * database. Here the broker loses what it held for the controller: the controller is away, the agent's
 * batches reach a real Mosquitto (which acknowledges them and queues them for the controller's session),
 * and that Mosquitto is killed and started again with nothing kept — as an embedded broker dies with its
 * controller. The agent kept those plays until the controller's signed receipt, so once both are back
 * every play it ever sent is stored.
 */
@IntegrationTest
class PlaysKeptUntilStoredTest {
  private static final String SCREEN = "plays-kept-1";
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path tmp;
  private final Closer closer = new Closer();

  @AfterEach
  void closeAll() throws Exception {
    closer.close();
  }

  @Test
  void playsTheBrokerLostWhileTheControllerWasAwayAreStoredOnceItIsBack() throws Exception {
    Mosquitto.require("the proof-of-play receipt story is");
    int port = Ports.free();
    Mosquitto mosquitto = closer.add(Mosquitto.anonymous(tmp, port));
    String broker = mosquitto.url();
    Path dataDir = tmp.resolve("controller");

    Vertx vertx = Vertx.vertx();
    AutoCloseable closingVertx = closer.add(() -> vertx.close().await());
    Controller controller = closer.add(Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0)
        .withExternalBroker(broker), Clock.systemUTC()).await());
    ApiClient api = Accounts.admin(controller.httpPort(), dataDir);
    assertThat(api.postJson("/api/v1/screens", Map.of("id", SCREEN)).status()).isEqualTo(201);
    ApprovedSlide.scheduledOn(api, controller.httpPort(), 2, List.of(SCREEN));
    assertThat(api.publishAndAwait().body().get("sent")).hasSize(1);

    // What the agent sends, as it leaves it (the broker admits anyone: this is a test's own).
    List<PlayBatch> sent = new CopyOnWriteArrayList<>();
    MqttClient watcher = new MqttClient(broker, "plays-watcher", new MemoryPersistence());
    closer.add(watcher::close);
    watcher.connect();
    watcher.subscribe(Topics.events(SCREEN), 1, (topic, message) -> {
      if (EventKind.of(Codec.mapper().readTree(message.getPayload())).orElse(null) == EventKind.PLAY_BATCH) {
        sent.add(Codec.decode(message.getPayload(), PlayBatch.class));
      }
    });

    PlayerAgent agent = closer.add(PlayerAgent.start(AgentConfig.of(SCREEN, broker, tmp.resolve("agent"))
        .withPagePort(0).withHeartbeatSeconds(1).withPlayBatchSeconds(1).withControllerKey(controller.signingKey()),
        Clock.systemUTC()));
    await().atMost(DEADLINE).until(() -> agent.appliedVersion().orElse(0L) == 1L);
    await().atMost(DEADLINE).until(() -> !storedPlayIds(dataDir).isEmpty());

    // The controller goes away; the agent's next batches are acknowledged by Mosquitto and queued for it.
    closer.closeNow(controller);
    closer.closeNow(closingVertx);
    int beforeAway = sent.size();
    await().atMost(DEADLINE).until(() -> sent.size() >= beforeAway + 2);
    Set<String> sentWhileAway = playIds(sent.subList(beforeAway, sent.size()));
    assertThat(storedPlayIds(dataDir)).doesNotContainAnyElementsOf(sentWhileAway);

    // The broker loses everything it held: killed, and started again on the same address with nothing kept.
    watcher.disconnectForcibly(0, 0, false);
    assertThat(mosquitto.kill(10)).isTrue();
    Set<String> sentBeforeTheLoss = playIds(sent);
    closer.add(Mosquitto.anonymous(tmp, port));

    Vertx vertxAgain = Vertx.vertx();
    closer.add(() -> vertxAgain.close().await());
    closer.add(Controller.start(vertxAgain, ControllerConfig.defaults(dataDir).withPorts(0, 0)
        .withExternalBroker(broker), Clock.systemUTC()).await());

    // Every play the agent sent before the broker lost them is stored: the agent sent them again.
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(storedPlayIds(dataDir)).containsAll(sentBeforeTheLoss));
    closer.closeNow(agent); // before its broker and controller, so it stops as a kiosk does
  }

  private static Set<String> playIds(List<PlayBatch> batches) {
    Set<String> ids = new HashSet<>();
    batches.forEach(b -> b.plays().forEach(p -> ids.add(p.playId())));
    return ids;
  }

  /** The plays stored for the screen, read from the controller's database beside it. */
  private static Set<String> storedPlayIds(Path dataDir) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gatecast.db")
        + "?open_mode=1&busy_timeout=5000");
        var statement = c.prepareStatement("SELECT play_id FROM plays WHERE screen_id = ?")) {
      statement.setString(1, SCREEN);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }
}
