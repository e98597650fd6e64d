package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Mosquitto;
import io.gatecast.testkit.Ports;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The controller judges a screen silent only for silence it could have heard. Its broker (a real
 * Mosquitto, with the files of {@code export-mosquitto}) stops for longer than the heartbeat
 * timeout while a screen keeps beating: the screen stays ONLINE, with no OFFLINE in its history,
 * before and after the broker is back. A screen that then really goes quiet is still marked
 * offline, one timeout after its last heartbeat.
 *
 * <p>The screen here has no last-will: a Mosquitto that stops sends the wills of the clients it
 * drops before the controller's connection, and that OFFLINE is the broker's word, not silence.
 */
@IntegrationTest
class BrokerOutageTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SCREEN = "outage-1";

  @TempDir Path tmp;
  private Mosquitto mosquitto;
  private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() throws InterruptedException {
    beats.shutdownNow();
    if (mosquitto != null && mosquitto.isAlive()) {
      mosquitto.kill(10);
    }
  }

  @Test
  void aScreenBeatingThroughABrokerOutageLongerThanTheTimeoutIsNeverMarkedOffline() throws Exception {
    Mosquitto.require("the broker outage test is");
    Path dataDir = tmp.resolve("controller");
    Vertx vertx = Vertx.vertx();
    String password;
    Controller registering = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0),
        Clock.systemUTC()).await();
    try {
      Answer registered = TestUsers.admin(registering.httpPort(), dataDir).postJson("/api/v1/screens",
          java.util.Map.of("id", SCREEN));
      assertThat(registered.status()).isEqualTo(201);
      password = registered.body().get("mqttPassword").asText();
    } finally {
      registering.close();
    }
    Path out = tmp.resolve("mosquitto");
    assertThat(new CommandLine(new Main()).execute("export-mosquitto", "--data-dir", dataDir.toString(),
        "--out", out.toString())).isZero();
    int port = Ports.free();
    Path conf = Mosquitto.writeConf(out.resolve("mosquitto.conf"), port,
        Files.readString(out.resolve(io.gatecast.controller.broker.MosquittoExport.CONF)));
    mosquitto = Mosquitto.start(conf, port);
    String broker = "tcp://127.0.0.1:" + port;

    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0)
        .withExternalBroker(broker).withHeartbeatTimeout(TIMEOUT, Duration.ofMillis(200)), Clock.systemUTC()).await();
    try {
      ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
      ScreenClient agent = beating(broker, password);
      await().atMost(DEADLINE).until(() -> agentState(admin).equals("ONLINE"));

      assertThat(mosquitto.stop(30)).isTrue();
      // The controller hears nothing for twice the timeout: it judges nothing either.
      await().during(TIMEOUT.multipliedBy(2)).atMost(DEADLINE).until(() -> agentState(admin).equals("ONLINE"));

      mosquitto = Mosquitto.start(conf, port);
      await().atMost(DEADLINE).until(() -> controllerHealth(controller) == 200);
      // The screen's agent reconnects and beats on (its old connection died with the broker).
      closeQuietly(agent);
      ScreenClient back = beating(broker, password);
      await().during(TIMEOUT.multipliedBy(2)).atMost(DEADLINE).until(() -> agentState(admin).equals("ONLINE"));
      assertThat(agentChanges(admin)).as("the screen's history").containsExactly("ONLINE");

      // Now it really goes quiet (a clean stop sends no last-will): offline after the timeout.
      beats.shutdownNow();
      beats.awaitTermination(10, TimeUnit.SECONDS);
      back.close();
      await().atMost(DEADLINE).until(() -> agentState(admin).equals("OFFLINE"));
      assertThat(agentChanges(admin)).containsExactly("ONLINE", "OFFLINE");
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  /** The screen, sending a heartbeat every 300 ms until the broker is gone or the test stops it. */
  private ScreenClient beating(String broker, String password) throws Exception {
    ScreenClient agent = new ScreenClient(broker, SCREEN, password);
    beats.scheduleAtFixedRate(() -> {
      try {
        agent.publish(Topics.status(SCREEN), Codec.encode(new StatusMessage(Header.now(Instant.now()), SCREEN,
            ScreenState.ONLINE, null, null, 10L, null)));
      } catch (Exception e) {
        // the broker is down: this agent's connection is gone, a new one takes over when it is back
      }
    }, 0, 300, TimeUnit.MILLISECONDS);
    return agent;
  }

  private static void closeQuietly(ScreenClient agent) {
    try {
      agent.close();
    } catch (Exception e) {
      // its connection died with the broker
    }
  }

  private static String agentState(ApiClient admin) {
    Answer answer = admin.get("/api/v1/screens/" + SCREEN);
    assertThat(answer.status()).isEqualTo(200);
    return answer.body().get("health").get("agent").asText();
  }

  private static List<String> agentChanges(ApiClient admin) {
    Answer answer = admin.get("/api/v1/screens/" + SCREEN + "/history");
    assertThat(answer.status()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    for (JsonNode change : answer.body().get("changes")) {
      if (change.get("aspect").asText().equals("AGENT")) {
        values.add(change.get("value").asText());
      }
    }
    return values;
  }

  private static int controllerHealth(Controller controller) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + controller.httpPort() + "/health")).build();
    return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
