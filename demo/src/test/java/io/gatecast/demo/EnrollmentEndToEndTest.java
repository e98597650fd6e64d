package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.enroll.IdentityStore;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.enrollment.Identity;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * A new kiosk enrolled by pairing code, with a real agent in its own JVM: it shows a code on its
 * page, an operator assigns the code, the agent receives its identity, logs in, plays what is
 * published to it, and after a restart is the same screen without pairing again.
 */
@IntegrationTest
class EnrollmentEndToEndTest {
  private static final Duration DEADLINE = Duration.ofSeconds(40);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path tmp;
  Vertx vertx;
  Controller controller;
  ApiClient api;

  @BeforeEach
  void startController() {
    vertx = Vertx.vertx();
    controller = Controller.start(vertx, ControllerConfig.defaults(tmp.resolve("controller")).withPorts(0, 0),
        Clock.systemUTC()).await();
    api = Accounts.admin(controller.httpPort(), tmp.resolve("controller"));
  }

  @AfterEach
  void stopController() {
    controller.close();
    vertx.close().await();
  }

  @Test
  void aNewAgentShowsACodeIsAssignedPlaysAndKeepsItsIdentityAcrossARestart() throws Exception {
    assertThat(api.postJson("/api/v1/clusters", Map.of("id", "lao-cai", "name", "Lào Cai", "province", "Lào Cai",
        "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans"))).status()).isEqualTo(201);
    String controllerUrl = "http://127.0.0.1:" + controller.httpPort();
    Path dataDir = Files.createDirectories(tmp.resolve("kiosk"));
    int pagePort = AgentProcess.freePort();

    String code;
    try (AgentProcess agent = AgentProcess.startEnrolling("kiosk", controllerUrl, dataDir, pagePort)) {
      // Given a new agent: it shows a pairing code on its page and is listed as waiting
      await().atMost(DEADLINE).until(() -> agent.now().map(now -> !now.path("pairingCode").isNull()
          && now.has("pairingCode")).orElse(false));
      code = agent.now().orElseThrow().get("pairingCode").asText();
      assertThat(code).matches("[A-Z2-9]{3}-[A-Z2-9]{3}");
      assertThat(page(pagePort)).contains("Pairing code");
      JsonNode waiting = api.get("/api/v1/enrollments").body().get(0);
      assertThat(waiting.get("displayCode").asText()).isEqualTo(code);
      assertThat(waiting.get("state").asText()).isEqualTo("WAITING");
      assertThat(dataDir.resolve(IdentityStore.FILE_NAME)).doesNotExist();

      // When an operator assigns the code to a screen in a cluster
      assertThat(api.postJson("/api/v1/enrollments/" + code + "/assign", Map.of("screenId", "lc-hall-1",
          "name", "Lào Cai entry hall", "clusterId", "lao-cai")).status()).isEqualTo(200);

      // Then the agent saves its identity (owner-only), logs in and reports in
      Path identityFile = dataDir.resolve(IdentityStore.FILE_NAME);
      await().atMost(DEADLINE).until(() -> Files.exists(identityFile));
      Identity identity = Codec.mapper().readValue(identityFile.toFile(), Identity.class);
      assertThat(identity.screenId()).isEqualTo("lc-hall-1");
      assertThat(identity.keyId()).isEqualTo(controller.signingKey().keyId());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identityFile))).isEqualTo("rw-------");
      await().atMost(DEADLINE).until(() -> state("lc-hall-1").equals("ONLINE"));
      assertThat(agent.now().orElseThrow().get("screenId").asText()).isEqualTo("lc-hall-1");

      // And plays what is published to it, signed by the key it received
      publish("welcome", "welcome.svg");
      await().atMost(DEADLINE).until(() -> agent.showing().equals("welcome"));
      agent.kill();
    }

    // After a restart it is the same screen, without pairing again, and still takes new schedules
    try (AgentProcess again = AgentProcess.startEnrolling("kiosk-again", controllerUrl, dataDir, pagePort)) {
      await().atMost(DEADLINE).until(() -> again.showing().equals("welcome"));
      assertThat(again.now().orElseThrow().has("pairingCode")).isFalse();
      long election = publish("election", "election.svg");
      // Which of the two hour-long items plays depends on the hour; the screen's answer to this publish
      // proves the link (its agent plays placements: the new content came in its gate's schedule).
      await().atMost(DEADLINE).until(() -> api.get("/api/v1/publishes/" + election).body().path("counts")
          .path("applied").asInt() == 1);
      await().atMost(DEADLINE).until(() -> api.get("/api/v1/screens/lc-hall-1").body().path("latestDelivery")
          .path("outcome").asText().equals("APPLIED"));
      assertThat(api.get("/api/v1/enrollments").body()).singleElement()
          .satisfies(e -> assertThat(e.get("state").asText()).isEqualTo("PICKED_UP"));
    }
  }

  /**
   * A kiosk paired at a gate whose programme is on air plays it at once, without waiting for an operator's
   * next publish: the controller places it in its gate's schedule, which holds exactly what a publish would
   * give it. Two real agents, each in its own JVM.
   */
  @Test
  void aKioskPairedAtAGateWithItsProgrammeOnAirPlaysItWithoutAPublish() throws Exception {
    assertThat(api.postJson("/api/v1/clusters", Map.of("id", "lao-cai", "name", "Lào Cai", "province", "Lào Cai",
        "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans"))).status()).isEqualTo(201);
    try (AgentProcess first = pairedAtLaoCai("kiosk-1", "lc-hall-1")) {
      String sha = uploaded("welcome.svg");
      assertThat(api.postJson("/api/v1/content", Map.of("id", "welcome", "title", "welcome", "mediaSha256", sha,
          "durationSeconds", 3600)).status()).isEqualTo(201);
      Accounts.approve(api, controller.httpPort(), "welcome");
      assertThat(api.postJson("/api/v1/playlists", Map.of("id", "hall", "entries",
          List.of(Map.of("contentId", "welcome")))).status()).isEqualTo(201);
      assertThat(api.postJson("/api/v1/campaigns", Map.of("id", "hall-welcome", "playlistId", "hall",
          "targets", Map.of("clusters", List.of("lao-cai")), "start", "2026-01-01T00:00", "end", "2099-01-01T00:00"))
          .status()).isEqualTo(201);
      assertThat(api.publishAndAwait().body().get("sent")).hasSize(1);
      await().atMost(DEADLINE).until(() -> first.showing().equals("welcome"));

      try (AgentProcess second = pairedAtLaoCai("kiosk-2", "lc-hall-2")) {
        await().atMost(DEADLINE).until(() -> second.showing().equals("welcome"));
        assertThat(api.get("/api/v1/publishes").body()).as("no publish was made for it").hasSize(1);
        await().atMost(DEADLINE).until(() -> api.get("/api/v1/screens/lc-hall-2").body().path("latestDelivery")
            .path("outcome").asText().equals("APPLIED"));
      }
    }
  }

  /** A new agent in its own JVM, paired by the code it shows as screen {@code screenId} at Lào Cai, and online. */
  private AgentProcess pairedAtLaoCai(String label, String screenId) throws Exception {
    Path dataDir = Files.createDirectories(tmp.resolve(label));
    AgentProcess agent = AgentProcess.startEnrolling(label, "http://127.0.0.1:" + controller.httpPort(), dataDir,
        AgentProcess.freePort());
    try {
      await().atMost(DEADLINE).until(() -> agent.now().map(now -> now.hasNonNull("pairingCode")).orElse(false));
      String code = agent.now().orElseThrow().get("pairingCode").asText();
      assertThat(api.postJson("/api/v1/enrollments/" + code + "/assign", Map.of("screenId", screenId,
          "name", screenId, "clusterId", "lao-cai")).status()).isEqualTo(200);
      await().atMost(DEADLINE).until(() -> state(screenId).equals("ONLINE"));
      return agent;
    } catch (RuntimeException | Error e) {
      agent.close();
      throw e;
    }
  }

  /** Uploads demo slide {@code file} as {@code contentId}, lc-hall-1's hour-long item, and publishes; the publish id. */
  private long publish(String contentId, String file) throws Exception {
    String sha = uploaded(file);
    assertThat(api.postJson("/api/v1/content", Map.of("id", contentId, "title", contentId, "mediaSha256", sha,
        "durationSeconds", 3600)).status()).isEqualTo(201);
    Accounts.approve(api, controller.httpPort(), contentId);
    assertThat(api.postJson("/api/v1/schedule", Map.of("contentId", contentId, "screenIds", List.of("lc-hall-1")))
        .status()).isEqualTo(200);
    Answer published = api.publishAndAwait();
    assertThat(published.body().get("sent")).hasSize(1);
    return published.body().get("publishId").asLong();
  }

  /** Uploads the demo slide {@code file}; its SHA-256. */
  private String uploaded(String file) throws Exception {
    byte[] slide = Files.readAllBytes(Path.of(getClass().getResource("/demo-content/" + file).toURI()));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(slide));
    assertThat(api.upload(slide, "image/svg+xml", sha).status()).isEqualTo(201);
    return sha;
  }

  private String state(String screenId) {
    return api.get("/api/v1/screens/" + screenId).body().path("state").asText();
  }

  private static String page(int port) throws Exception {
    return new String(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
        BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
  }
}
