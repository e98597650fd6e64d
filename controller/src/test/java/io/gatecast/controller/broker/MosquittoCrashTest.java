package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.Main;
import io.gatecast.controller.SignedSchedules;
import io.gatecast.controller.TestUsers;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Mosquitto;
import io.gatecast.testkit.Ports;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real Mosquitto 2 with persistence on (default autosave) is a cache that rolls back: killed
 * with -9 it comes back with what it last saved — here version 1 of every schedule, where version 2
 * was published since. The controller re-asserts what it published when its link reconnects, so
 * every screen ends on version 2, and a wiped kiosk that logs in right after the restart may see
 * version 1 for a moment but ends on version 2. Mosquitto runs with the files and settings of
 * {@code export-mosquitto}, on a free port of its own.
 */
@IntegrationTest
class MosquittoCrashTest {
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final long READ_WAIT_MS = 5_000;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path tmp;
  private Mosquitto mosquitto;
  private Path conf;
  private int port;

  @AfterEach
  void stopMosquitto() throws InterruptedException {
    if (mosquitto != null && mosquitto.isAlive()) {
      mosquitto.kill(10);
    }
  }

  @Test
  void afterAKill9EveryScreenAndAWipedKioskEndOnTheLastPublishedVersion() throws Exception {
    Mosquitto.require("the Mosquitto crash test is");
    Path dataDir = tmp.resolve("controller");
    Map<String, String> passwords = new LinkedHashMap<>();
    Vertx vertx = Vertx.vertx();
    // Screens and content are made as an operator would before moving to Mosquitto.
    Controller registering = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0),
        Clock.systemUTC()).await();
    try {
      ApiClient admin = TestUsers.admin(registering.httpPort(), dataDir);
      for (String id : List.of("crash-1", "crash-2", "crash-3")) {
        Answer registered = admin.postJson("/api/v1/screens", Map.of("id", id));
        assertThat(registered.status()).isEqualTo(201);
        passwords.put(id, registered.body().get("mqttPassword").asText());
      }
      ApiClient approver = TestUsers.user(admin, registering.httpPort(), "crash-approver", "approver");
      for (String content : List.of("crash-v1", "crash-v2")) {
        assertThat(admin.postJson("/api/v1/content", Map.of("id", content, "title", content, "variants",
            List.of(Map.of("language", "vi", "text", content, "seconds", 10)))).status()).isEqualTo(201);
        TestUsers.approve(approver, content);
      }
    } finally {
      registering.close();
    }
    Path out = tmp.resolve("mosquitto");
    assertThat(new CommandLine(new Main()).execute("export-mosquitto", "--data-dir", dataDir.toString(),
        "--out", out.toString())).isZero();
    port = Ports.free();
    Path store = Files.createDirectories(tmp.resolve("mosquitto-store"));
    conf = out.resolve("mosquitto.conf");
    Mosquitto.writeConf(conf, port, Files.readString(out.resolve(MosquittoExport.CONF)),
        "persistence true",
        "persistence_location " + store.toAbsolutePath() + "/");
    startMosquitto();
    String broker = "tcp://127.0.0.1:" + port;

    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0)
        .withExternalBroker(broker), Clock.systemUTC()).await();
    try {
      ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
      PinnedKey key = controller.signingKey();
      publish(admin, "crash-v1", passwords);
      everyScreenEndsOn(broker, key, passwords, 1);
      // A clean stop makes Mosquitto save: version 1 is what its store holds from now on.
      assertThat(mosquitto.stop(30)).isTrue();
      startMosquitto();
      await().atMost(DEADLINE).until(() -> healthStatus(controller) == 200);

      publish(admin, "crash-v2", passwords);
      everyScreenEndsOn(broker, key, passwords, 2);
      // kill -9: what came after the last save (version 2) is gone
      assertThat(mosquitto.kill(30)).isTrue();
      startMosquitto();

      // A wiped kiosk (nothing of its own) logs in right after the restart.
      List<Long> kioskSaw = new CopyOnWriteArrayList<>();
      MqttClient kiosk = new MqttClient(broker, "crash-1", new MemoryPersistence());
      kiosk.setCallback(new MqttCallback() {
        @Override
        public void connectionLost(Throwable cause) {}

        @Override
        public void messageArrived(String topic, MqttMessage message) {
          kioskSaw.add(SignedSchedules.open(key, message.getPayload()).version());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
      });
      await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> kiosk.connect(options("crash-1",
          passwords.get("crash-1"), false)));
      try {
        kiosk.subscribe(Topics.schedule("crash-1"), 1);
        await().atMost(DEADLINE).until(() -> !kioskSaw.isEmpty() && kioskSaw.get(kioskSaw.size() - 1) == 2L);
      } finally {
        kiosk.disconnect();
        kiosk.close();
      }
      everyScreenEndsOn(broker, key, passwords, 2);
      await().atMost(DEADLINE).until(() -> healthStatus(controller) == 200);
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  private static void publish(ApiClient admin, String content, Map<String, String> passwords) {
    assertThat(admin.postJson("/api/v1/schedule", Map.of("contentId", content,
        "screenIds", List.copyOf(passwords.keySet()))).status()).isEqualTo(200);
    assertThat(admin.publishAndAwait().body().get("sent")).hasSize(passwords.size());
  }

  /** Every screen's retained schedule, read logged in as it, is {@code version} — awaited. */
  private static void everyScreenEndsOn(String broker, PinnedKey key, Map<String, String> passwords, long version) {
    List<String> pending = new ArrayList<>(passwords.keySet());
    await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      pending.removeIf(screen -> Long.valueOf(version).equals(retained(broker, key, screen, passwords.get(screen))));
      assertThat(pending).as("screens whose retained schedule is not version " + version).isEmpty();
    });
  }

  private static Long retained(String broker, PinnedKey key, String screen, String password) {
    try {
      MqttClient client = new MqttClient(broker, screen, new MemoryPersistence());
      client.connect(options(screen, password, true));
      try {
        CompletableFuture<Long> version = new CompletableFuture<>();
        // QoS 0: the retained message comes without a PUBACK to answer, so leaving at once races nothing
        // (Moquette 0.17 can release a QoS 1 message twice when its PUBACK meets the disconnect).
        client.subscribe(Topics.schedule(screen), 0,
            (topic, message) -> version.complete(SignedSchedules.open(key, message.getPayload()).version()));
        return version.get(READ_WAIT_MS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return null;
      } finally {
        client.disconnect();
        client.close();
      }
    } catch (MqttException | java.util.concurrent.ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static MqttConnectOptions options(String screen, String password, boolean clean) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(clean);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setUserName(screen);
    options.setPassword(password.toCharArray());
    return options;
  }

  private static int healthStatus(Controller controller) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controller.httpPort() + "/health"))
        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void startMosquitto() {
    mosquitto = Mosquitto.start(conf, port);
  }
}
