package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole road on loopback: controller with its embedded broker, two agents in their own JVMs.
 * Upload, schedule, publish; both agents verify, cache and show the item; an agent killed is shown
 * offline at once (last-will), a frozen one after the heartbeat timeout; an agent restarted with
 * controller and broker gone shows its cached item.
 */
@IntegrationTest
class EndToEndTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir Path tmp;
  Vertx vertx;
  Controller controller;
  ApiClient api;

  @BeforeEach
  void startController() {
    vertx = Vertx.vertx();
    ControllerConfig config = ControllerConfig.defaults(tmp.resolve("controller")).withPorts(0, 0)
        .withHeartbeatTimeout(Duration.ofSeconds(3), Duration.ofMillis(500));
    controller = Controller.start(vertx, config, Clock.systemUTC()).await();
    api = Accounts.admin(controller.httpPort(), tmp.resolve("controller"));
  }

  @AfterEach
  void stopController() {
    if (controller != null) {
      controller.close();
    }
    vertx.close().await();
  }

  @Test
  void aPublishedItemReachesBothScreensAndDeadAgentsAreShownOffline() throws Exception {
    byte[] slide = Files.readAllBytes(Path.of(getClass().getResource("/demo-content/election.svg").toURI()));
    String sha = sha256(slide);
    // Given two registered screens, whose agents log in with the passwords registration returned,
    String passwordA = register("gate-a");
    String passwordB = register("gate-b");
    try (AgentProcess a = agent("gate-a", passwordA); AgentProcess b = agent("gate-b", passwordB)) {
      // a slide uploaded and a content item
      assertThat(api.upload(slide, "image/svg+xml", sha).status()).isEqualTo(201);
      assertThat(api.postJson("/api/v1/content", Map.of("id", "election-2026", "title", "Bầu cử 15/3/2026 · 选举",
          "mediaSha256", sha, "durationSeconds", 10)).status()).isEqualTo(201);
      Accounts.approve(api, controller.httpPort(), "election-2026");

      // When the item is scheduled on both and published
      assertThat(api.postJson("/api/v1/schedule", Map.of("contentId", "election-2026",
          "screenIds", List.of("gate-a", "gate-b"))).status()).isEqualTo(200);
      Answer published = api.publishAndAwait();
      assertThat(published.status()).isEqualTo(200);
      assertThat(published.body().get("sent")).hasSize(2);

      // Then both agents verify and cache the file and show the item, and the controller sees it applied
      for (AgentProcess agent : List.of(a, b)) {
        await().atMost(DEADLINE).until(() -> agent.showing().equals("election-2026"));
        Path cached = agent.dataDir.resolve("media").resolve(sha);
        assertThat(sha256(Files.readAllBytes(cached))).isEqualTo(sha);
        await().atMost(DEADLINE).untilAsserted(() -> {
          JsonNode screen = api.get("/api/v1/screens/" + agent.screenId).body();
          assertThat(screen.get("state").asText()).isEqualTo("ONLINE");
          assertThat(screen.get("appliedVersion").asLong()).isEqualTo(1);
          assertThat(screen.get("latestDelivery").get("outcome").asText()).isEqualTo("APPLIED");
        });
      }
      assertThat(api.publishAndAwait().body().get("sent")).as("nothing changed, nothing sent").isEmpty();
      // and the rollout view of that publish shows both screens applied
      JsonNode rollout = api.get("/api/v1/publishes/" + published.body().get("publishId").asLong()).body();
      assertThat(rollout.get("counts").get("applied").asInt()).isEqualTo(2);
      assertThat(rollout.get("screens")).allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("APPLIED"));

      // When agent a dies abruptly, its last-will shows it offline while b stays online
      a.kill();
      await().atMost(DEADLINE).until(() -> state("gate-a").equals("OFFLINE"));
      assertThat(state("gate-b")).isEqualTo("ONLINE");

      // When agent b freezes (no last-will: its connection stays open) the heartbeat timeout shows it offline
      b.signal("STOP");
      await().atMost(DEADLINE).until(() -> state("gate-b").equals("OFFLINE"));
      b.signal("CONT");
      await().atMost(DEADLINE).until(() -> state("gate-b").equals("ONLINE"));
    }
  }

  @Test
  void anAgentRestartedWithControllerAndBrokerGoneShowsItsCachedItem() throws Exception {
    byte[] slide = Files.readAllBytes(Path.of(getClass().getResource("/demo-content/welcome.svg").toURI()));
    String sha = sha256(slide);
    String brokerUrl = controller.brokerUrl();
    PinnedKey controllerKey = controller.signingKey();
    String passwordC = register("gate-c");
    try (AgentProcess first = agent("gate-c", passwordC)) {
      api.upload(slide, "image/svg+xml", sha);
      api.postJson("/api/v1/content", Map.of("id", "welcome", "title", "Chào mừng", "mediaSha256", sha, "durationSeconds", 5));
      Accounts.approve(api, controller.httpPort(), "welcome");
      api.postJson("/api/v1/schedule", Map.of("contentId", "welcome", "screenIds", List.of("gate-c")));
      api.publishAndAwait();
      await().atMost(DEADLINE).until(() -> first.showing().equals("welcome"));
      first.kill();
    }
    controller.close();
    controller = null;

    try (AgentProcess restarted = AgentProcess.start("gate-c", brokerUrl, tmp.resolve("agents/gate-c"), 1, controllerKey,
        passwordC)) {
      await().atMost(DEADLINE).until(() -> restarted.showing().equals("welcome"));
      assertThat(restarted.now().orElseThrow().get("appliedVersion").asLong()).isEqualTo(1);
    }
  }

  /** Registers a screen; returns the MQTT password its agent logs in with. */
  private String register(String screenId) {
    Answer registered = api.postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(registered.status()).isEqualTo(201);
    return registered.body().get("mqttPassword").asText();
  }

  private AgentProcess agent(String screenId, String mqttPassword) throws Exception {
    Path dataDir = tmp.resolve("agents").resolve(screenId);
    Files.createDirectories(dataDir);
    return AgentProcess.started(screenId, controller.brokerUrl(), dataDir, 1, controller.signingKey(), mqttPassword);
  }

  private String state(String screenId) {
    return api.get("/api/v1/screens/" + screenId).body().get("state").asText();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
