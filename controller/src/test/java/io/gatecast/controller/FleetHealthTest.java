package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.notices.NoticeSettings;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.protocol.ScreenHealth;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.time.ZoneId;
import java.time.LocalTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fleet health as separate truths, with real agents' messages over the embedded broker and a
 * clock the test moves: offline both ways (last-will at once, silence after the timeout) and back,
 * the heartbeat's figures and autonomy, content freshness, the history, and alerts to a real webhook.
 */
@IntegrationTest
class FleetHealthTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration GRACE = Duration.ofSeconds(60);
  static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-16T01:00:00Z"));
  static final WebhookReceiver WEBHOOK = new WebhookReceiver();

  @RegisterExtension static final RunningController RUNNING = new RunningController(config -> config
      .withHeartbeatTimeout(TIMEOUT, Duration.ofSeconds(5))
      .withAlerts(new NoticeSettings(WEBHOOK.url(), GRACE, 5, Duration.ofMinutes(10))), CLOCK);

  @AfterAll
  static void stopWebhook() {
    WEBHOOK.close();
  }

  @Test
  void aLastWillShowsTheScreenOfflineAtOnceAndAHeartbeatBringsItBack() throws Exception {
    String password = register("fh-will");
    try (FakeAgent agent = new FakeAgent(broker(), "fh-will", password)) {
      agent.heartbeat();
      awaitAgent("fh-will", "ONLINE");
      agent.dropConnection();
      // The clock does not move: the last-will alone marks it offline.
      awaitAgent("fh-will", "OFFLINE");
    }
    try (FakeAgent back = new FakeAgent(broker(), "fh-will", password)) {
      back.heartbeat();
      awaitAgent("fh-will", "ONLINE");
    }
    List<JsonNode> agentChanges = changes("fh-will", "AGENT");
    assertThat(agentChanges).extracting(c -> c.get("value").asText()).containsExactly("ONLINE", "OFFLINE", "ONLINE");
    assertThat(agentChanges.get(1).get("detail").asText()).isEqualTo("last-will");
    assertThat(agentChanges.get(1).get("detailCoded").get("code").asText()).as("for the console's words").isEqualTo("lastWill");
  }

  @Test
  void anAgentThatStopsOnPurposeIsOfflineAsStoppedNotAsALastWill() throws Exception {
    String password = register("fh-stop");
    try (FakeAgent agent = new FakeAgent(broker(), "fh-stop", password)) {
      agent.heartbeat();
      awaitAgent("fh-stop", "ONLINE");
      agent.stopping();
      awaitAgent("fh-stop", "OFFLINE");
    }
    List<JsonNode> agentChanges = changes("fh-stop", "AGENT");
    assertThat(agentChanges).extracting(c -> c.get("value").asText()).containsExactly("ONLINE", "OFFLINE");
    assertThat(agentChanges.get(1).get("detail").asText()).isEqualTo("stopped");
    assertThat(agentChanges.get(1).get("detailCoded").get("code").asText()).isEqualTo("stopped");
  }

  @Test
  void aSilentAgentIsOfflineOnlyAfterTheHeartbeatTimeoutAndBackWithItsNextHeartbeat() throws Exception {
    String password = register("fh-silent");
    try (FakeAgent agent = new FakeAgent(broker(), "fh-silent", password)) {
      agent.heartbeat();
      awaitAgent("fh-silent", "ONLINE");

      CLOCK.advance(TIMEOUT.minusSeconds(1));
      assertThat(RUNNING.controller().sweepSilentScreens().await()).doesNotContain("fh-silent");
      assertThat(screen("fh-silent").get("state").asText()).isEqualTo("ONLINE");

      CLOCK.advance(Duration.ofSeconds(2));
      assertThat(RUNNING.controller().sweepSilentScreens().await()).contains("fh-silent");
      assertThat(screen("fh-silent").get("health").get("agent").asText()).isEqualTo("OFFLINE");
      assertThat(changes("fh-silent", "AGENT")).last()
          .satisfies(c -> {
            assertThat(c.get("detail").asText()).isEqualTo("no heartbeat for 30 s");
            assertThat(c.get("detailCoded").get("code").asText()).isEqualTo("silent");
            assertThat(c.get("detailCoded").get("args").get("seconds").asText()).isEqualTo("30");
          });

      agent.heartbeat();
      awaitAgent("fh-silent", "ONLINE");
    }
  }

  @Test
  void theHeartbeatsFiguresDisplayAndAutonomyAreShownAndTheDisplayHasItsOwnHistory() throws Exception {
    String password = register("fh-figures");
    Instant autonomyUntil = CLOCK.instant().plus(Duration.ofDays(3));
    try (FakeAgent agent = new FakeAgent(broker(), "fh-figures", password)) {
      agent.heartbeat(null, health(ScreenHealth.Display.SHOWING, null, autonomyUntil));
      await().atMost(DEADLINE).until(() -> screen("fh-figures").get("health").path("figures").has("cacheBytes"));

      JsonNode health = screen("fh-figures").get("health");
      assertThat(health.get("agent").asText()).isEqualTo("ONLINE");
      assertThat(health.get("display").asText()).isEqualTo("SHOWING");
      assertThat(health.get("up").asBoolean()).isTrue();
      assertThat(health.get("contentUpToDate").asBoolean()).isTrue();
      JsonNode figures = health.get("figures");
      assertThat(figures.get("currentLanguage").asText()).isEqualTo("zh-Hans");
      assertThat(figures.get("cacheBytes").asLong()).isEqualTo(123_456_789L);
      assertThat(figures.get("freeDiskBytes").asLong()).isEqualTo(9_876_543_210L);
      assertThat(figures.get("uptimeSeconds").asLong()).isEqualTo(86_400L);
      assertThat(figures.get("clockOffsetMillis").asLong()).isEqualTo(-250L);
      assertThat(figures.get("agentVersion").asText()).isEqualTo("1.4.2");
      assertThat(Instant.parse(health.get("autonomyUntil").asText())).isEqualTo(autonomyUntil);
      assertThat(health.get("autonomyLeftSeconds").asLong()).isEqualTo(Duration.ofDays(3).toSeconds());

      // The browser dies: the agent is alive but the screen is dark.
      agent.heartbeat(null, health(ScreenHealth.Display.NOT_SHOWING, "chromium exited", autonomyUntil));
      await().atMost(DEADLINE).until(() -> screen("fh-figures").get("health").get("display").asText().equals("NOT_SHOWING"));
      assertThat(screen("fh-figures").get("health").get("up").asBoolean()).isFalse();
      assertThat(changes("fh-figures", "DISPLAY")).extracting(c -> c.get("value").asText())
          .containsExactly("SHOWING", "NOT_SHOWING");
      assertThat(changes("fh-figures", "DISPLAY").get(1).get("detail").asText()).isEqualTo("chromium exited");
      assertThat(changes("fh-figures", "DISPLAY").get(1).path("detailCoded").isNull())
          .as("words no code names: the console shows them as they are").isTrue();
    }
  }

  @Test
  void contentIsStaleFromPublishUntilTheScreenReportsThePublishedVersion() throws Exception {
    String password = register("fh-content");
    byte[] slide = "<svg xmlns='http://www.w3.org/2000/svg'><text>fh</text></svg>".getBytes(StandardCharsets.UTF_8);
    String sha = ApiBadInputTest.sha256(slide);
    RUNNING.api().upload(slide, "image/svg+xml", sha);
    assertThat(RUNNING.api().postJson("/api/v1/content", "{\"id\":\"fh-slide\",\"title\":\"FH\",\"mediaSha256\":\"" + sha
        + "\",\"durationSeconds\":10}").status()).isEqualTo(201);
    RUNNING.approve("fh-slide");
    assertThat(RUNNING.api().postJson("/api/v1/schedule", "{\"contentId\":\"fh-slide\",\"screenIds\":[\"fh-content\"]}")
        .status()).isEqualTo(200);
    assertThat(RUNNING.api().publishAndAwait().status()).isEqualTo(200);
    long published = screen("fh-content").get("publishedVersion").asLong();

    try (FakeAgent agent = new FakeAgent(broker(), "fh-content", password)) {
      agent.heartbeat(null, null);
      awaitAgent("fh-content", "ONLINE");
      assertThat(screen("fh-content").get("health").get("contentUpToDate").asBoolean()).isFalse();

      agent.heartbeat(published, null);
      await().atMost(DEADLINE).until(() -> screen("fh-content").get("health").get("contentUpToDate").asBoolean());
    }
    List<JsonNode> content = changes("fh-content", "CONTENT");
    assertThat(content).extracting(c -> c.get("value").asText()).containsExactly("STALE", "UP_TO_DATE");
    // Coded for the console: nothing applied yet (no "applied" value), then the published version.
    assertThat(content).extracting(c -> c.get("detailCoded").get("code").asText()).containsExactly("versions", "versions");
    assertThat(content.get(0).get("detailCoded").get("args").has("applied")).isFalse();
    assertThat(content.get(0).get("detailCoded").get("args").get("published").asLong()).isEqualTo(published);
    assertThat(content.get(1).get("detailCoded").get("args").get("applied").asLong()).isEqualTo(published);
  }

  @Test
  void theWebhookHearsOfAScreenDownPastTheGraceAndOfItsReturnButNotOfABlip() throws Exception {
    String password = register("fh-alert");
    try (FakeAgent agent = new FakeAgent(broker(), "fh-alert", password)) {
      agent.heartbeat();
      awaitAgent("fh-alert", "ONLINE");
      agent.dropConnection();
      awaitAgent("fh-alert", "OFFLINE");
    }
    // Within the grace: nothing.
    CLOCK.advance(GRACE.minusSeconds(1));
    RUNNING.controller().sweepSilentScreens().await();
    assertThat(WEBHOOK.kindsFor("fh-alert")).isEmpty();

    CLOCK.advance(Duration.ofSeconds(1));
    RUNNING.controller().sweepSilentScreens().await();
    await().atMost(DEADLINE).until(() -> WEBHOOK.kindsFor("fh-alert").size() == 1);
    JsonNode down = WEBHOOK.received.stream().filter(n -> n.path("screenId").asText().equals("fh-alert")).findFirst()
        .orElseThrow();
    assertThat(down.get("kind").asText()).isEqualTo("DOWN");
    assertThat(down.get("clusterId").asText()).isEqualTo("default");
    assertThat(down.get("reason").asText()).isEqualTo("agent offline (last-will)");
    assertThat(down.get("text").asText()).contains("fh-alert");

    try (FakeAgent back = new FakeAgent(broker(), "fh-alert", password)) {
      back.heartbeat();
      await().atMost(DEADLINE).until(() -> WEBHOOK.kindsFor("fh-alert").size() == 2);
      assertThat(WEBHOOK.kindsFor("fh-alert")).containsExactly("DOWN", "BACK_ONLINE");

      // A blip shorter than the grace is never reported, nor its end.
      back.dropConnection();
      awaitAgent("fh-alert", "OFFLINE");
    }
    CLOCK.advance(GRACE.minusSeconds(1));
    RUNNING.controller().sweepSilentScreens().await();
    try (FakeAgent again = new FakeAgent(broker(), "fh-alert", password)) {
      again.heartbeat();
      awaitAgent("fh-alert", "ONLINE");
      CLOCK.advance(TIMEOUT.minusSeconds(10));
      RUNNING.controller().sweepSilentScreens().await();
    }
    assertThat(WEBHOOK.kindsFor("fh-alert")).containsExactly("DOWN", "BACK_ONLINE");
  }

  @Test
  void aGateOutsideItsOperatingHoursWakesNoOneAndItsOpeningBringsOneSummary() throws Exception {
    // The clock says 08:00 in Hanoi; this gate opens at 09:00.
    assertThat(RUNNING.api().postJson("/api/v1/clusters", Map.of("id", "fh-night-gate", "name", "Cửa khẩu Chi Ma",
        "province", "Lạng Sơn", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi"))).status()).isEqualTo(201);
    LocalTime now = CLOCK.instant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalTime();
    LocalTime opens = now.plusHours(1).withMinute(0).withSecond(0).withNano(0);
    assertThat(RUNNING.api().putJson("/api/v1/clusters/fh-night-gate/operating-hours",
        Map.of("opens", opens.toString(), "closes", opens.plusHours(8).toString())).status()).isEqualTo(200);
    Answer registered = RUNNING.api().postJson("/api/v1/screens", Map.of("id", "fh-night", "clusterId", "fh-night-gate"));
    assertThat(registered.status()).isEqualTo(201);
    try (FakeAgent agent = new FakeAgent(broker(), "fh-night", registered.body().get("mqttPassword").asText())) {
      agent.heartbeat();
      awaitAgent("fh-night", "ONLINE");
      agent.dropConnection();
      awaitAgent("fh-night", "OFFLINE");
    }
    // Down far past the grace, but the gate is closed: nothing.
    CLOCK.advance(GRACE.multipliedBy(3));
    RUNNING.controller().sweepSilentScreens().await();
    assertThat(WEBHOOK.kindsFor("fh-night")).isEmpty();
    assertThat(summariesFor("fh-night-gate")).isEmpty();

    // The gate opens with the screen still down: one summary naming it.
    CLOCK.advance(Duration.between(CLOCK.instant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalTime(), opens).plusMinutes(1));
    RUNNING.controller().sweepSilentScreens().await();
    await().atMost(DEADLINE).until(() -> summariesFor("fh-night-gate").size() == 1);
    assertThat(summariesFor("fh-night-gate").get(0).get("down").toString()).contains("fh-night");
  }

  private static List<JsonNode> summariesFor(String clusterId) {
    return WEBHOOK.received.stream()
        .filter(n -> n.path("kind").asText().equals("SUMMARY") && n.path("clusterId").asText().equals(clusterId))
        .toList();
  }

  @Test
  void aCommandUnansweredPastItsExpiryIsShownExpiredAndALateAnswerIsStillRecorded() throws Exception {
    String password = register("fh-command");
    try (FakeAgent agent = new FakeAgent(broker(), "fh-command", password).listenForCommands(RUNNING.controller().signingKey())) {
      Answer issued = RUNNING.api().postJson("/api/v1/screens/fh-command/commands", "{\"kind\":\"RELOAD\"}");
      assertThat(issued.status()).isEqualTo(202);
      assertThat(Instant.parse(issued.body().get("expiresAt").asText())).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(5)));
      await().atMost(DEADLINE).until(() -> agent.commands.size() == 1);

      CLOCK.advance(Duration.ofMinutes(5));
      assertThat(RUNNING.api().get("/api/v1/screens/fh-command/commands").body().get(0).get("status").asText())
          .isEqualTo("PENDING");
      CLOCK.advance(Duration.ofSeconds(1));
      assertThat(RUNNING.api().get("/api/v1/screens/fh-command/commands").body().get(0).get("status").asText())
          .isEqualTo("EXPIRED");

      agent.answer(agent.commands.get(0), io.gatecast.protocol.CommandResult.Outcome.DONE, "reloaded late", null);
      await().atMost(DEADLINE).until(() -> RUNNING.api().get("/api/v1/screens/fh-command/commands").body().get(0)
          .get("status").asText().equals("DONE"));
    }
  }

  @Test
  void historyOfAnUnknownScreenIs404() {
    Answer answer = RUNNING.api().get("/api/v1/screens/nobody/history");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.error()).contains("no screen nobody");
  }

  static ScreenHealth health(ScreenHealth.Display display, String detail, Instant autonomyUntil) {
    return new ScreenHealth("zh-Hans", display, detail, 123_456_789L, 9_876_543_210L, 86_400L, -250L, "1.4.2", autonomyUntil);
  }

  private static String register(String id) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"" + id + "\"}");
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }

  private static String broker() {
    return RUNNING.controller().brokerUrl();
  }

  private static JsonNode screen(String id) {
    Answer answer = RUNNING.api().get("/api/v1/screens/" + id);
    assertThat(answer.status()).isEqualTo(200);
    return answer.body();
  }

  private static void awaitAgent(String id, String state) {
    await().atMost(DEADLINE).until(() -> screen(id).get("health").get("agent").asText().equals(state));
  }

  private static List<JsonNode> changes(String id, String aspect) {
    Answer answer = RUNNING.api().get("/api/v1/screens/" + id + "/history");
    assertThat(answer.status()).isEqualTo(200);
    List<JsonNode> changes = new ArrayList<>();
    answer.body().get("changes").forEach(c -> {
      if (c.get("aspect").asText().equals(aspect)) {
        changes.add(c);
      }
    });
    return changes;
  }
}
