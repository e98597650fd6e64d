package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.Verified;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Urgent alerts end to end: the operator's call, the store, the signed retained message on the
 * cluster's topic, read by a real MQTT client logged in as a screen of the cluster (the embedded
 * broker holds it to AccessRules) and opened with the key the API publishes. Time is a clock the
 * test moves; the expiry check is run on demand instead of waiting for its timer.
 */
@IntegrationTest
class AlertsTest {
  static final MovableClock CLOCK = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

  @RegisterExtension static final RunningController RUNNING = new RunningController(config -> config, CLOCK);

  static final String CLUSTER = "default";
  static String screenPassword;
  static PinnedKey key;

  @BeforeAll
  static void registerAScreenOfTheCluster() {
    Answer registered = RUNNING.api().postJson("/api/v1/screens", Map.of("id", "alert-hall-1", "name", "Sảnh chờ 1"));
    assertThat(registered.status()).isEqualTo(201);
    screenPassword = registered.body().get("mqttPassword").asText();
    key = SignedAlerts.publishedKey(RUNNING.api());
  }

  @Test
  void anAlertTakesOverAtOnceAndEndsWhenClearedOrExpired() throws Exception {
    try (ScreenClient screen = new ScreenClient(RUNNING.controller().brokerUrl(), "alert-hall-1", screenPassword)) {
      screen.subscribe(Topics.alert(CLUSTER));

      // Takeover: a flood closes the bridge for two hours.
      Map<String, String> flood = new LinkedHashMap<>();
      flood.put("vi", "Cầu Kim Thành tạm đóng do lũ. Vui lòng chờ hướng dẫn.");
      flood.put("zh-Hans", "金城桥因洪水暂时关闭，请等候指示。");
      flood.put("en", "Kim Thanh bridge is closed by flooding. Please wait for instructions.");
      Instant floodEnds = CLOCK.instant().plus(Duration.ofHours(2));
      Answer created = createAlert(List.of(CLUSTER), flood, floodEnds);
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      String floodId = created.body().get("alert").get("id").asText();
      assertThat(created.body().get("alert").get("status").asText()).isEqualTo("ACTIVE");
      assertThat(created.body().get("screenCounts").get(CLUSTER).asInt()).as("the gate's one screen").isEqualTo(1);
      JsonNode publication = created.body().get("publications").get(0);
      assertThat(publication.get("error").isNull()).isTrue();

      Verified<AlertMessage> first = next(screen, 1);
      assertThat(first.keyId()).isEqualTo(key.keyId());
      assertThat(first.message().clusterId()).isEqualTo(CLUSTER);
      assertThat(first.message().version()).isEqualTo(publication.get("version").asLong());
      assertThat(first.expiresAt()).isEqualTo(floodEnds);
      AlertSpec sent = first.message().alerts().get(0);
      assertThat(first.message().alerts()).hasSize(1);
      assertThat(sent.id()).isEqualTo(floodId);
      assertThat(sent.expires()).isEqualTo(floodEnds);
      // Entry order does not survive signing: the canonical form sorts object members by name.
      assertThat(sent.text()).containsExactlyInAnyOrderEntriesOf(flood);

      // A second, shorter notice joins the first: both are in force, the envelope lasts as long as the longer.
      Instant healthEnds = CLOCK.instant().plus(Duration.ofMinutes(30));
      Answer health = createAlert(List.of(CLUSTER), Map.of("vi", "Kiểm tra y tế tại cửa số 2.", "en",
          "Health check at gate 2."), healthEnds);
      assertThat(health.status()).isEqualTo(201);
      String healthId = health.body().get("alert").get("id").asText();
      Verified<AlertMessage> second = next(screen, 2);
      assertThat(second.message().version()).isGreaterThan(first.message().version());
      assertThat(second.message().alerts()).extracting(AlertSpec::id).containsExactly(floodId, healthId);
      assertThat(second.expiresAt()).isEqualTo(floodEnds);

      // Cleared: the flood notice leaves the screens at once.
      Answer cleared = RUNNING.api().post("/api/v1/alerts/" + floodId + "/clear");
      assertThat(cleared.status()).isEqualTo(200);
      assertThat(cleared.body().get("alert").get("status").asText()).isEqualTo("CLEARED");
      Verified<AlertMessage> third = next(screen, 3);
      assertThat(third.message().version()).isGreaterThan(second.message().version());
      assertThat(third.message().alerts()).extracting(AlertSpec::id).containsExactly(healthId);
      assertThat(third.expiresAt()).isEqualTo(healthEnds);
      Answer clearedAgain = RUNNING.api().post("/api/v1/alerts/" + floodId + "/clear");
      assertThat(clearedAgain.status()).as("clearing twice changes nothing").isEqualTo(200);
      assertThat(clearedAgain.body().get("publications")).isEmpty();

      // Expired: the clock passes the health notice's end; the check sends the cluster an empty list.
      CLOCK.advance(Duration.ofMinutes(31));
      List<?> sentByCheck = RUNNING.controller().checkAlerts().await();
      assertThat(sentByCheck).hasSize(1);
      Verified<AlertMessage> fourth = next(screen, 4);
      assertThat(fourth.message().version()).isGreaterThan(third.message().version());
      assertThat(fourth.message().alerts()).isEmpty();
      assertThat(fourth.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(7)));
      assertThat(RUNNING.controller().checkAlerts().await()).as("nothing changed since").isEmpty();

      Map<String, String> statuses = new LinkedHashMap<>();
      for (JsonNode alert : RUNNING.api().get("/api/v1/alerts").body()) {
        statuses.put(alert.get("id").asText(), alert.get("status").asText());
      }
      assertThat(statuses).containsEntry(floodId, "CLEARED").containsEntry(healthId, "EXPIRED");
      assertThat(RUNNING.api().get("/api/v1/alerts/" + healthId).body().get("status").asText()).isEqualTo("EXPIRED");
    }

    // A screen that connects now gets the retained all-clear, not a stale notice.
    try (ScreenClient late = new ScreenClient(RUNNING.controller().brokerUrl(), "alert-hall-1", screenPassword)) {
      late.subscribe(Topics.alert(CLUSTER));
      assertThat(next(late, 1).message().alerts()).isEmpty();
    }
  }

  @Test
  void anAlertToSeveralGatesIsSignedOnceAndOpensAtEachOfThem() throws Exception {
    // Two gates, a screen in each: each may read its own gate's alert topic only.
    Map<String, String> passwords = new LinkedHashMap<>();
    for (String gate : List.of("mong-cai", "huu-nghi")) {
      assertThat(RUNNING.api().postJson("/api/v1/clusters", Map.of("id", gate, "name", gate, "province", "Quảng Ninh",
          "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans", "en"))).status()).isEqualTo(201);
      Answer screen = RUNNING.api().postJson("/api/v1/screens", Map.of("id", gate + "-hall", "clusterId", gate));
      assertThat(screen.status()).isEqualTo(201);
      passwords.put(gate, screen.body().get("mqttPassword").asText());
    }
    Answer created = createAlert(List.copyOf(passwords.keySet()), Map.of("vi", "Đóng cửa khẩu do bão.", "en",
        "The border gate is closed by the storm."), CLOCK.instant().plus(Duration.ofHours(3)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    String alertId = created.body().get("alert").get("id").asText();

    Map<String, JsonNode> envelopes = new LinkedHashMap<>();
    for (Map.Entry<String, String> gate : passwords.entrySet()) {
      try (ScreenClient screen = new ScreenClient(RUNNING.controller().brokerUrl(), gate.getKey() + "-hall",
          gate.getValue())) {
        screen.subscribe(Topics.alert(gate.getKey()));
        Verified<AlertMessage> opened = next(screen, 1); // as an agent opens it: the batch's proof and signature
        assertThat(opened.message().clusterId()).isEqualTo(gate.getKey());
        assertThat(opened.message().alerts()).extracting(AlertSpec::id).containsExactly(alertId);
        envelopes.put(gate.getKey(), io.gatecast.protocol.Codec.mapper().readTree(screen.received.get(0)));
      }
    }
    // One signature for both gates' messages, each with its own proof of being in the signed batch.
    assertThat(envelopes.values()).allSatisfy(e -> assertThat(e.has("batchProof")).as(e.toString()).isTrue());
    assertThat(envelopes.get("mong-cai").get("signature")).isEqualTo(envelopes.get("huu-nghi").get("signature"));
    assertThat(envelopes.get("mong-cai").get("batchProof")).isNotEqualTo(envelopes.get("huu-nghi").get("batchProof"));
  }

  @Test
  void aScreenCannotReadAnotherClustersAlertsAndUnknownClustersAreRefused() throws Exception {
    try (ScreenClient screen = new ScreenClient(RUNNING.controller().brokerUrl(), "alert-hall-1", screenPassword)) {
      assertThatThrownBy(() -> screen.subscribe(Topics.alert("lao-cai")))
          .as("the broker refuses the subscription").isInstanceOf(MqttException.class);
    }
    int before = RUNNING.api().get("/api/v1/alerts").body().size();
    Answer unknown = createAlert(List.of(CLUSTER, "lao-cai"), Map.of("vi", "Thông báo"),
        CLOCK.instant().plus(Duration.ofHours(1)));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error()).contains("lao-cai").contains("nothing was stored");
    assertThat(RUNNING.api().get("/api/v1/alerts").body().size()).isEqualTo(before);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
    int before = RUNNING.api().get("/api/v1/alerts").body().size();
    String soon = CLOCK.instant().plus(Duration.ofHours(1)).toString();
    assertBad("{\"text\":{\"vi\":\"x\"},\"expiresAt\":\"" + soon + "\"}", "clusterIds");
    assertBad("{\"clusterIds\":[],\"text\":{\"vi\":\"x\"},\"expiresAt\":\"" + soon + "\"}", "clusterIds");
    assertBad("{\"clusterIds\":[\"a/b\"],\"text\":{\"vi\":\"x\"},\"expiresAt\":\"" + soon + "\"}", "clusterIds[0]");
    assertBad("{\"clusterIds\":[\"default\"],\"expiresAt\":\"" + soon + "\"}", "text");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{},\"expiresAt\":\"" + soon + "\"}", "text");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{\"en\":\"Closed\"},\"expiresAt\":\"" + soon + "\"}", "vi");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{\"vi\":\"x\",\"not a tag\":\"y\"},\"expiresAt\":\"" + soon + "\"}",
        "text key");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{\"vi\":\"  \"},\"expiresAt\":\"" + soon + "\"}", "text.vi");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{\"vi\":\"" + "a".repeat(1001) + "\"},\"expiresAt\":\"" + soon
        + "\"}", "text.vi");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{\"vi\":\"x\"}}", "expiresAt");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{\"vi\":\"x\"},\"expiresAt\":\"tomorrow\"}", "expiresAt");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{\"vi\":\"x\"},\"expiresAt\":\""
        + CLOCK.instant().minusSeconds(1) + "\"}", "expiresAt must be in the future");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{\"vi\":\"x\"},\"expiresAt\":\""
        + CLOCK.instant().plus(Duration.ofDays(8)) + "\"}", "expiresAt must be at most 7 days");
    assertBad("{\"clusterIds\":[\"default\"],\"text\":{\"vi\":\"x\"},\"expiresAt\":\"" + soon + "\",\"urgent\":true}",
        "urgent");
    assertThat(RUNNING.api().get("/api/v1/alerts").body().size()).isEqualTo(before);

    assertThat(RUNNING.api().post("/api/v1/alerts/no-such-alert/clear").status()).isEqualTo(404);
    assertThat(RUNNING.api().get("/api/v1/alerts/no-such-alert").status()).isEqualTo(404);
  }

  private static void assertBad(String json, String phrase) {
    Answer answer = RUNNING.api().postJson("/api/v1/alerts", json);
    assertThat(answer.status()).as(json).isEqualTo(400);
    assertThat(answer.error()).as(json).contains(phrase);
  }

  static Answer createAlert(List<String> clusterIds, Map<String, String> text, Instant expiresAt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clusterIds", clusterIds);
    body.put("text", text);
    body.put("expiresAt", expiresAt.toString());
    return RUNNING.api().postJson("/api/v1/alerts", body);
  }

  /** The {@code count}th message the screen received on its alert topic, verified as an agent would. */
  static Verified<AlertMessage> next(ScreenClient screen, int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> screen.received.size() >= count);
    assertThat(screen.received).as("no unexpected extra message").hasSize(count);
    return SignedAlerts.open(key, CLOCK, screen.received.get(count - 1));
  }
}
