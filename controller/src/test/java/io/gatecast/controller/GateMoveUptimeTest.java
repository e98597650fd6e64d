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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A screen moved to another gate counts at each gate for the time it was there, in the uptime report and a
 * gate's year-end summary, not its whole period at the gate it is at today. The clock is moved by the test;
 * the heartbeat timeout is a day, so only the outage the test makes happens.
 */
@IntegrationTest
class GateMoveUptimeTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final Instant T0 = Instant.parse("2026-05-19T00:00:00Z");
  static final MovableClock CLOCK = new MovableClock(T0);

  @RegisterExtension static final RunningController RUNNING = new RunningController(
      config -> config.withHeartbeatTimeout(Duration.ofDays(1), Duration.ofSeconds(5)), CLOCK);

  @Test
  void aMovedScreenCountsAtEachGateForItsTimeThere() throws Exception {
    assertThat(RUNNING.api().postJson("/api/v1/clusters", Map.of("id", "mong-cai", "name", "Cửa khẩu Móng Cái",
        "province", "Quảng Ninh", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans"))).status())
        .isEqualTo(201);
    Answer registered = RUNNING.api().postJson("/api/v1/screens", Map.of("id", "move-a"));
    assertThat(registered.status()).isEqualTo(201);
    String password = registered.body().get("mqttPassword").asText();
    FakeAgent agent = new FakeAgent(RUNNING.controller().brokerUrl(), "move-a", password);
    try {
      // T0: up at the default gate. T0+30 min: its link drops. T0+60 min: moved to Móng Cái while down.
      agent.heartbeat(null, showing());
      awaitChanges(3);
      CLOCK.set(T0.plus(Duration.ofMinutes(30)));
      agent.dropConnection();
      awaitChanges(4);
      CLOCK.set(T0.plus(Duration.ofMinutes(60)));
      assertThat(RUNNING.api().putJson("/api/v1/screens/move-a", Map.of("clusterId", "mong-cai")).status())
          .isEqualTo(200);
      // T0+90 min: back, at Móng Cái; up to T0+120 min.
      CLOCK.set(T0.plus(Duration.ofMinutes(90)));
      agent.close();
      agent = new FakeAgent(RUNNING.controller().brokerUrl(), "move-a", password);
      agent.heartbeat(null, showing());
      awaitChanges(5);
      CLOCK.set(T0.plus(Duration.ofMinutes(120)));
    } finally {
      agent.close();
    }

    JsonNode period = uptime("from=" + T0 + "&to=" + T0.plus(Duration.ofMinutes(120)));
    // Default gate: its first hour, up half of it. Móng Cái: its second hour, up half of it.
    assertThat(rows(period.get("screens"))).containsExactlyInAnyOrder(
        "move-a default 50.0 1800/3600", "move-a mong-cai 50.0 1800/3600");
    assertThat(rows(period.get("clusters"))).containsExactlyInAnyOrder(
        "null default 50.0 1800/3600", "null mong-cai 50.0 1800/3600");
    assertThat(rows(uptime("from=" + T0 + "&to=" + T0.plus(Duration.ofMinutes(120)) + "&clusterId=mong-cai")
        .get("screens"))).containsExactly("move-a mong-cai 50.0 1800/3600");
    // A period after the move counts it at Móng Cái only.
    assertThat(rows(uptime("from=" + T0.plus(Duration.ofMinutes(60)) + "&to=" + T0.plus(Duration.ofMinutes(120)))
        .get("screens"))).containsExactly("move-a mong-cai 50.0 1800/3600");

    // The default gate's year: the screen, for its hour there.
    Answer year = RUNNING.api().get("/api/v1/reports/year-end?clusterId=default&year=2026");
    assertThat(year.status()).as(year.error()).isEqualTo(200);
    assertThat(rows(year.body().get("screens"))).containsExactly("move-a default 50.0 1800/3600");
    assertThat(year.body().get("uptimePercent").asDouble()).isEqualTo(50.0);
  }

  /** "screen gate percent up/measured" for each uptime row. */
  private static List<String> rows(JsonNode rows) {
    List<String> out = new ArrayList<>();
    for (JsonNode row : rows) {
      out.add(row.get("screenId").asText() + " " + row.get("clusterId").asText() + " "
          + row.get("uptimePercent").asDouble() + " " + row.get("upSeconds").asLong() + "/"
          + row.get("measuredSeconds").asLong());
    }
    return out;
  }

  private static ScreenHealth showing() {
    return new ScreenHealth("vi", ScreenHealth.Display.SHOWING, null, null, null, null, null, null, null);
  }

  private static JsonNode uptime(String query) {
    Answer answer = RUNNING.api().get("/api/v1/uptime?" + query);
    assertThat(answer.status()).as(answer.error()).isEqualTo(200);
    return answer.body();
  }

  /** Waits until the screen's history holds {@code count} changes (the controller has handled the message). */
  private static void awaitChanges(int count) {
    await().atMost(DEADLINE).until(() -> RUNNING.api().get("/api/v1/screens/move-a/history").body()
        .get("changes").size() == count);
  }
}
