package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.ScreenHealth;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uptime over a period with known outages, per screen and per cluster, from the history that real
 * agents' messages wrote. The clock is moved by the test; the heartbeat timeout is a day, so only
 * the outages the test makes happen.
 */
@IntegrationTest
class UptimeTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final Instant T0 = Instant.parse("2026-05-19T00:00:00Z");
  static final MovableClock CLOCK = new MovableClock(T0);

  @RegisterExtension static final RunningController RUNNING = new RunningController(
      config -> config.withHeartbeatTimeout(Duration.ofDays(1), Duration.ofSeconds(5)), CLOCK);

  @Test
  void uptimeCountsOutagesOfTheAgentAndOfTheDisplayPerScreenAndPerCluster() throws Exception {
    String passwordA = register("up-a");
    String passwordB = register("up-b");
    FakeAgent a = new FakeAgent(broker(), "up-a", passwordA);
    FakeAgent b = new FakeAgent(broker(), "up-b", passwordB);
    try {
      // T0: both up.
      a.heartbeat(null, showing(ScreenHealth.Display.SHOWING));
      b.heartbeat(null, showing(ScreenHealth.Display.SHOWING));
      awaitChanges("up-a", 3);
      awaitChanges("up-b", 3);

      // T0+30 min: B's browser dies (agent alive, screen dark).
      CLOCK.set(T0.plus(Duration.ofMinutes(30)));
      b.heartbeat(null, showing(ScreenHealth.Display.NOT_SHOWING));
      awaitChanges("up-b", 4);

      // T0+60 min: A's link drops (last-will).
      CLOCK.set(T0.plus(Duration.ofMinutes(60)));
      a.dropConnection();
      awaitChanges("up-a", 4);

      // T0+90 min: A is back; B's agent goes away.
      CLOCK.set(T0.plus(Duration.ofMinutes(90)));
      a.close();
      a = new FakeAgent(broker(), "up-a", passwordA);
      a.heartbeat(null, showing(ScreenHealth.Display.SHOWING));
      awaitChanges("up-a", 5);
      b.dropConnection();
      awaitChanges("up-b", 5);

      CLOCK.set(T0.plus(Duration.ofMinutes(120)));
    } finally {
      a.close();
      b.close();
    }

    JsonNode period = uptime("from=" + T0 + "&to=" + T0.plus(Duration.ofMinutes(120)));
    // A: down 60..90 of 120 minutes. B: up only 0..30.
    assertThat(screenRow(period, "up-a").get("uptimePercent").asDouble()).isEqualTo(75.0);
    assertThat(screenRow(period, "up-a").get("upSeconds").asLong()).isEqualTo(90 * 60);
    assertThat(screenRow(period, "up-b").get("uptimePercent").asDouble()).isEqualTo(25.0);
    JsonNode cluster = period.get("clusters").get(0);
    assertThat(cluster.get("clusterId").asText()).isEqualTo("default");
    assertThat(cluster.get("uptimePercent").asDouble()).isEqualTo(50.0);
    assertThat(cluster.get("measuredSeconds").asLong()).isEqualTo(2 * 120 * 60);

    // A period reaching into the future counts only up to now: A down 60..90, up 90..120.
    JsonNode future = uptime("from=" + T0.plus(Duration.ofMinutes(60)) + "&to=" + T0.plus(Duration.ofHours(5))
        + "&clusterId=default");
    assertThat(screenRow(future, "up-a").get("uptimePercent").asDouble()).isEqualTo(50.0);
    assertThat(screenRow(future, "up-a").get("measuredSeconds").asLong()).isEqualTo(60 * 60);

    // A period starting before the screens were registered counts from their registration.
    JsonNode before = uptime("from=" + T0.minus(Duration.ofHours(1)) + "&to=" + T0.plus(Duration.ofMinutes(60)));
    assertThat(screenRow(before, "up-a").get("uptimePercent").asDouble()).isEqualTo(100.0);
    assertThat(screenRow(before, "up-a").get("measuredSeconds").asLong()).isEqualTo(60 * 60);
  }

  @Test
  void badUptimeQueriesAreRefusedNamingTheParameter() {
    assertThat(RUNNING.api().get("/api/v1/uptime?to=2026-05-19T00:00:00Z").error()).contains("from is required");
    assertThat(RUNNING.api().get("/api/v1/uptime?from=2026-05-19T00:00:00Z&to=2026-05-18T00:00:00Z").error())
        .contains("to (2026-05-18T00:00:00Z) must be after from");
    Answer unknown = RUNNING.api().get("/api/v1/uptime?from=2026-05-18T00:00:00Z&to=2026-05-19T00:00:00Z&clusterId=nowhere");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).contains("no cluster nowhere");
  }

  private static ScreenHealth showing(ScreenHealth.Display display) {
    return new ScreenHealth("vi", display, null, null, null, null, null, null, null);
  }

  private static JsonNode uptime(String query) {
    Answer answer = RUNNING.api().get("/api/v1/uptime?" + query);
    assertThat(answer.status()).isEqualTo(200);
    return answer.body();
  }

  private static JsonNode screenRow(JsonNode report, String screenId) {
    for (JsonNode row : report.get("screens")) {
      if (row.get("screenId").asText().equals(screenId)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + screenId + " in " + report);
  }

  /** Waits until the screen's history holds {@code count} changes (the controller has handled the message). */
  private static void awaitChanges(String screenId, int count) {
    await().atMost(DEADLINE).until(() -> RUNNING.api().get("/api/v1/screens/" + screenId + "/history").body()
        .get("changes").size() == count);
  }

  private static String register(String id) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"" + id + "\"}");
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }

  private static String broker() {
    return RUNNING.controller().brokerUrl();
  }
}
