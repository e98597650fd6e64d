package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.enrollment.Identity;
import io.gatecast.protocol.enrollment.PairingCode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollment as the controller sees it, spoken to over HTTP as an agent and an operator would. The
 * agent side (pairing page, identity on disk) is in the demo module's end-to-end test.
 */
@IntegrationTest
class EnrollmentTest {
  @TempDir Path dataDir;
  final MovableClock clock = new MovableClock(Instant.parse("2026-03-15T01:00:00Z"));
  Vertx vertx;
  Controller controller;
  ApiClient api;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0), clock).await();
    api = TestUsers.admin(controller.httpPort(), dataDir);
  }

  @AfterEach
  void stop() {
    controller.close();
    vertx.close().await();
  }

  @Test
  void anAssignedCodeGivesTheAgentWithTheSecretItsIdentityOnce() throws Exception {
    String code = PairingCode.newCode();
    String secret = PairingCode.newSecret();
    Answer registered = api.postJson("/api/v1/enrollments", Map.of("code", PairingCode.display(code), "secret", secret));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.body().toString()).doesNotContain(secret);
    JsonNode listed = api.get("/api/v1/enrollments").body().get(0);
    assertThat(listed.get("displayCode").asText()).isEqualTo(PairingCode.display(code));
    assertThat(listed.get("state").asText()).isEqualTo("WAITING");
    assertThat(listed.toString()).doesNotContain("secret");

    // Before an operator acts, the agent is told to wait; a wrong secret learns nothing at all
    assertThat(pickup(code, secret).status()).isEqualTo(202);
    Answer wrongSecret = pickup(code, PairingCode.newSecret());
    Answer unknownCode = pickup(otherCode(code), secret);
    assertThat(wrongSecret.status()).isEqualTo(404);
    assertThat(unknownCode.status()).isEqualTo(404);
    assertThat(wrongSecret.error()).isEqualTo(unknownCode.error());

    // The operator's bad input stores nothing
    Answer badCluster = assign(code, "en-hall-1", "nowhere");
    assertThat(badCluster.status()).isEqualTo(400);
    assertThat(badCluster.error()).contains("clusterId");
    assertThat(api.get("/api/v1/screens/en-hall-1").status()).isEqualTo(404);
    Answer badScreen = api.postJson("/api/v1/enrollments/" + code + "/assign", Map.of("screenId", "a/b", "clusterId", "default"));
    assertThat(badScreen.status()).isEqualTo(400);
    assertThat(badScreen.error()).contains("screenId");
    assertThat(api.postJson("/api/v1/enrollments/O0I1L5/assign", Map.of("screenId", "x", "clusterId", "default")).error())
        .contains("code must be");

    // The operator assigns the code (typed in lower case); it cannot be assigned twice
    Answer assigned = assign(code.toLowerCase(), "en-hall-1", "default");
    assertThat(assigned.status()).isEqualTo(200);
    assertThat(assigned.body().get("state").asText()).isEqualTo("ASSIGNED");
    assertThat(assign(code, "en-hall-2", "default").status()).isEqualTo(409);
    assertThat(api.get("/api/v1/screens/en-hall-2").status()).isEqualTo(404);

    // The wrong secret still gets nothing; the right one gets the identity
    assertThat(pickup(code, PairingCode.newSecret()).status()).isEqualTo(404);
    Answer picked = pickup(code, secret);
    assertThat(picked.status()).isEqualTo(200);
    Identity identity = Codec.mapper().treeToValue(picked.body(), Identity.class);
    assertThat(identity.screenId()).isEqualTo("en-hall-1");
    assertThat(identity.brokerUrl()).isEqualTo(controller.brokerUrl());
    assertThat(identity.keyId()).isEqualTo(controller.signingKey().keyId());
    assertThat(identity.publicKey()).isEqualTo(controller.signingKey().publicKey());
    assertThat(api.get("/api/v1/enrollments").body().get(0).get("state").asText()).isEqualTo("PICKED_UP");

    // The credentials work at the broker
    MqttClient client = new MqttClient(identity.brokerUrl(), identity.mqttUsername(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(identity.mqttUsername());
    options.setPassword(identity.mqttPassword().toCharArray());
    client.connect(options);
    client.disconnect();
    client.close();

    // The screen exists, in its cluster; a code cannot take over an enrolled screen
    assertThat(api.get("/api/v1/screens/en-hall-1").body().get("clusterId").asText()).isEqualTo("default");
    String second = registerCode(PairingCode.newSecret());
    Answer takeover = assign(second, "en-hall-1", "default");
    assertThat(takeover.status()).isEqualTo(409);
    assertThat(takeover.error()).contains("revoke it first");
    // ... until it is revoked: then a new kiosk may replace it
    assertThat(api.post("/api/v1/screens/en-hall-1/revoke").status()).isEqualTo(200);
    assertThat(assign(second, "en-hall-1", "default").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/screens/en-hall-1").body().get("revokedAt").isNull()).isTrue();
  }

  @Test
  void codesExpire() {
    String secret = PairingCode.newSecret();
    String code = registerCode(secret);
    clock.advance(Duration.ofMinutes(16));
    assertThat(assign(code, "late-hall", "default").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/screens/late-hall").status()).isEqualTo(404);
    Answer expired = pickup(code, secret);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(api.get("/api/v1/enrollments").body()).isEmpty();

    // An assigned code not picked up in time expires too
    String secret2 = PairingCode.newSecret();
    String code2 = registerCode(secret2);
    assertThat(assign(code2, "slow-hall", "default").status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(16));
    assertThat(pickup(code2, secret2).status()).isEqualTo(410);
  }

  @Test
  void badOrTakenCodesAreRefused() {
    String secret = PairingCode.newSecret();
    String code = registerCode(secret);
    Answer taken = api.postJson("/api/v1/enrollments", Map.of("code", code, "secret", PairingCode.newSecret()));
    assertThat(taken.status()).isEqualTo(409);
    Answer ambiguous = api.postJson("/api/v1/enrollments", Map.of("code", "ABC10O", "secret", secret));
    assertThat(ambiguous.status()).isEqualTo(400);
    assertThat(ambiguous.error()).contains("code must be 6 characters");
    Answer shortSecret = api.postJson("/api/v1/enrollments", Map.of("code", otherCode(code), "secret", "short"));
    assertThat(shortSecret.status()).isEqualTo(400);
    assertThat(shortSecret.error()).contains("secret must be");
    Answer noSecret = api.postJson("/api/v1/enrollments/" + code + "/pickup", Map.of());
    assertThat(noSecret.status()).isEqualTo(400);
    assertThat(noSecret.error()).contains("secret is required");
    assertThat(api.get("/api/v1/enrollments").body()).hasSize(1);
  }

  private String registerCode(String secret) {
    String code = PairingCode.newCode();
    assertThat(api.postJson("/api/v1/enrollments", Map.of("code", code, "secret", secret)).status()).isEqualTo(201);
    return code;
  }

  private Answer assign(String code, String screenId, String clusterId) {
    return api.postJson("/api/v1/enrollments/" + code + "/assign",
        Map.of("screenId", screenId, "name", "Hall " + screenId, "clusterId", clusterId));
  }

  private Answer pickup(String code, String secret) {
    return api.postJson("/api/v1/enrollments/" + code + "/pickup", Map.of("secret", secret));
  }

  /** A valid code other than {@code code}. */
  private static String otherCode(String code) {
    String other;
    do {
      other = PairingCode.newCode();
    } while (other.equals(code));
    return other;
  }
}
