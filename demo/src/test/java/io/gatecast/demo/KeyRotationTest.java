package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.AgentConfig;
import io.gatecast.agent.PlayerAgent;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.keyrotation.KeyRotations;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import io.gatecast.testkit.Ports;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the controller's signing key with a fleet in the field: a real controller (SQLite file,
 * embedded broker) and real agents in this JVM, sharing one clock the test moves to reach
 * {@code validFrom} instead of waiting an hour. The screen online during the announcement learns
 * the key at once; the one offline through the announcement and the switch catches up from its
 * retained schedule when it returns; a controller restart in between changes nothing; and no
 * screen reports a single refusal on the way.
 *
 * <p>A rotation signed by a stranger key stays refused: protocol's
 * {@code SignatureTest.aRotationSignedByAStrangerIsRefused} and
 * {@code aCarriedRotationFromAStrangerIsIgnoredAndTheMessageStillRefused}, and the agent's
 * {@code SignedSchedulesTest.aRotationSignedByAnUnpinnedKeyIsRefused}.
 */
@IntegrationTest
class KeyRotationTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path tmp;
  private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  private final List<PlayerAgent> agents = new ArrayList<>();
  private Vertx vertx;
  private Controller controller;
  private ApiClient api;
  private int httpPort;
  private int brokerPort;

  @BeforeEach
  void startController() throws IOException {
    vertx = Vertx.vertx();
    // Fixed for this test's controller, so its agents find it again after the restart (as in the field).
    httpPort = Ports.free();
    brokerPort = Ports.free();
    startControllerAgain();
  }

  private void startControllerAgain() {
    ControllerConfig config = ControllerConfig.defaults(tmp.resolve("controller")).withPorts(httpPort, brokerPort)
        .withHeartbeatTimeout(Duration.ofDays(1), Duration.ofMillis(200));
    controller = Controller.start(vertx, config, clock).await();
    api = Accounts.admin(controller.httpPort(), tmp.resolve("controller"));
  }

  @AfterEach
  void stopAll() {
    agents.forEach(PlayerAgent::close);
    if (controller != null) {
      controller.close();
    }
    vertx.close().await();
  }

  @Test
  void bothTheOnlineAndTheOfflineScreenEndUpOnTheNewKeyAcrossAControllerRestart() throws Exception {
    // Given two screens playing the welcome slide, signed with the first key
    PinnedKey firstKey = controller.signingKey();
    String onlinePassword = register("online-hall");
    String offlinePassword = register("offline-hall");
    publishSlide("welcome", List.of("online-hall", "offline-hall"));
    PlayerAgent online = agent("online-hall", onlinePassword, firstKey);
    PlayerAgent offline = agent("offline-hall", offlinePassword, firstKey);
    await().atMost(DEADLINE).until(() -> online.appliedVersion().orElse(0L) == 1 && offline.appliedVersion().orElse(0L) == 1);
    // and one of them switched off before the rotation
    offline.close();
    await().atMost(DEADLINE).until(() -> state("offline-hall").equals("OFFLINE"));

    // When the administrator announces a new key, valid in an hour
    Answer rotated = api.postJson("/api/v1/signing-key/rotations", Map.of("graceSeconds", 3600));

    assertThat(rotated.status()).as(rotated.body().toString()).isEqualTo(202);
    String nextKeyId = rotated.body().get("keyId").asText();
    Instant validFrom = Instant.parse(rotated.body().get("validFrom").asText());
    assertThat(rotated.body().get("signedBy").asText()).isEqualTo(firstKey.keyId());
    assertThat(validFrom).isEqualTo(clock.instant().plusSeconds(3600));
    assertThat(rotated.body().get("schedulesResigned").asInt()).isEqualTo(2);
    JsonNode advertised = api.get("/api/v1/signing-key").body();
    assertThat(advertised.get("keyId").asText()).as("the first key still signs").isEqualTo(firstKey.keyId());
    assertThat(advertised.get("next").get("keyId").asText()).isEqualTo(nextKeyId);
    // A second rotation waits for this one, and a bad grace is refused naming the field
    assertThat(api.postJson("/api/v1/signing-key/rotations", Map.of()).status()).isEqualTo(409);
    Answer negative = api.postJson("/api/v1/signing-key/rotations", Map.of("graceSeconds", -1));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.error()).contains("graceSeconds");

    // Then the online screen trusts the new key before the controller signs with it
    await().atMost(DEADLINE).until(() -> pinnedKeys("online-hall").contains(nextKeyId));
    await().atMost(DEADLINE).until(() -> online.appliedVersion().orElse(0L) == 2); // re-signed, carrying the rotation

    // When the controller restarts between the announcement and the switch
    controller.close();
    startControllerAgain();

    // Then it still signs with the first key and still announces the same next one
    JsonNode afterRestart = api.get("/api/v1/signing-key").body();
    assertThat(afterRestart.get("keyId").asText()).isEqualTo(firstKey.keyId());
    assertThat(afterRestart.get("next").get("keyId").asText()).isEqualTo(nextKeyId);
    await().atMost(DEADLINE).until(() -> state("online-hall").equals("ONLINE"));

    // When validFrom is less than the controller's switch lead away
    clock.set(validFrom.minus(KeyRotations.SWITCH_LEAD).plusSeconds(1));

    // Then the controller signs with the new key and re-signs what is retained
    await().atMost(DEADLINE).until(() -> api.get("/api/v1/signing-key").body().get("keyId").asText().equals(nextKeyId));
    assertThat(api.get("/api/v1/signing-key").body().get("next").isNull()).isTrue();
    assertThat(controller.signingKey().keyId()).isEqualTo(nextKeyId);
    await().atMost(DEADLINE).until(() -> online.appliedVersion().orElse(0L) == 3);
    assertThat(pinnedKeys("online-hall")).as("the first key retires at validFrom")
        .contains("\"retiredAt\" : \"" + validFrom + "\"");

    // and, once the first key has retired, the online screen keeps playing what the new key signs
    clock.set(validFrom.plusSeconds(1));
    publishSlide("election", List.of("online-hall"));
    await().atMost(DEADLINE).until(() -> online.appliedVersion().orElse(0L) == 4);
    await().atMost(DEADLINE).until(() -> latestOutcome("online-hall", 4).equals("APPLIED"));

    // When the screen that missed announcement and switch comes back, still configured with the first key
    PlayerAgent returned = agent("offline-hall", offlinePassword, firstKey);

    // Then it learns the new key from its retained schedule and plays the re-signed version
    await().atMost(DEADLINE).until(() -> returned.appliedVersion().orElse(0L) == 3);
    await().atMost(DEADLINE).until(() -> showing(returned).equals("welcome"));
    assertThat(pinnedKeys("offline-hall")).contains(nextKeyId);
    await().atMost(DEADLINE).until(() -> latestOutcome("offline-hall", 3).equals("APPLIED"));

    // and the online screen refused nothing on the way (repeated announcements are no news to an agent).
    assertThat(api.get("/api/v1/screens/online-hall").body().get("recentRejections")).isEmpty();
    // The returning screen's persistent session may still hold messages queued while it was away and
    // signed with the retired key (the announcement, the re-signed version 2): it refuses those, and
    // only those, and says why.
    assertThat(api.get("/api/v1/screens/offline-hall").body().get("recentRejections")).allSatisfy(r -> {
      assertThat(r.get("reason").asText()).isEqualTo("UNKNOWN_KEY");
      assertThat(r.get("detail").asText()).contains(firstKey.keyId()).contains("retired");
    });
  }

  private String register(String screenId) {
    Answer registered = api.postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(registered.status()).isEqualTo(201);
    return registered.body().get("mqttPassword").asText();
  }

  /** Uploads a demo slide as content {@code id}, puts it on the screens' playlists and publishes. */
  private void publishSlide(String id, List<String> screenIds) throws Exception {
    byte[] slide = Files.readAllBytes(Path.of(getClass().getResource("/demo-content/" + id + ".svg").toURI()));
    String sha = api.upload(slide, "image/svg+xml", null).body().get("sha256").asText();
    assertThat(api.postJson("/api/v1/content", Map.of("id", id, "title", id, "mediaSha256", sha, "durationSeconds", 10))
        .status()).isEqualTo(201);
    Accounts.approve(api, controller.httpPort(), id);
    assertThat(api.postJson("/api/v1/schedule", Map.of("contentId", id, "screenIds", screenIds)).status()).isEqualTo(200);
    assertThat(api.publishAndAwait().body().get("sent")).hasSize(screenIds.size());
  }

  private PlayerAgent agent(String screenId, String password, PinnedKey configuredKey) {
    AgentConfig config = AgentConfig.of(screenId, "tcp://127.0.0.1:" + brokerPort, tmp.resolve("agents").resolve(screenId))
        .withPagePort(0).withHeartbeatSeconds(1).withControllerKey(configuredKey).withCredentials(screenId, password);
    PlayerAgent agent = PlayerAgent.start(config, clock);
    agents.add(agent);
    return agent;
  }

  private String pinnedKeys(String screenId) throws IOException {
    Path file = tmp.resolve("agents").resolve(screenId).resolve(ControllerTrust.FILE_NAME);
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private String state(String screenId) {
    return api.get("/api/v1/screens/" + screenId).body().path("state").asText();
  }

  private String latestOutcome(String screenId, long version) {
    JsonNode delivery = api.get("/api/v1/screens/" + screenId).body().path("latestDelivery");
    return delivery.path("version").asLong() == version ? delivery.path("outcome").asText("") : "";
  }

  private static String showing(PlayerAgent agent) throws IOException, InterruptedException {
    var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.pagePort() + "/now")).build(),
        BodyHandlers.ofByteArray());
    return response.statusCode() == 200
        ? Codec.mapper().readTree(response.body()).path("item").path("contentId").asText("")
        : "";
  }
}
