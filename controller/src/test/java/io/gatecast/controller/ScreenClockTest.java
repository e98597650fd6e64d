package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch.Play;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A screen whose clock is years off: the controller measures the offset from its heartbeats, shows
 * a clock problem on the board, and files the plays the agent could not time right on the day they
 * really played. And a refusal repeated over and over is one row.
 */
@IntegrationTest
class ScreenClockTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  /** What the kiosk's clock said when it sent its heartbeat: its RTC battery is dead. */
  private static final Instant KIOSK_CLOCK = Instant.parse("2000-01-01T00:00:00Z");

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void aClockYearsOffIsAProblemOnTheBoardAndItsPlaysLandOnTheRightDay() throws Exception {
    String password = register("clock-hall");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Instant noon = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
    try (FakeAgent agent = new FakeAgent(RUNNING.controller().brokerUrl(), "clock-hall", password)) {
      Instant heartbeatAt = Instant.now();
      agent.heartbeatStamped(KIOSK_CLOCK);
      JsonNode clock = await().atMost(DEADLINE).until(() -> RUNNING.api().get("/api/v1/screens/clock-hall").body()
          .path("health").path("clock"), c -> c.isObject());
      assertThat(clock.get("problem").asBoolean()).isTrue();
      assertThat(clock.get("offsetMillis").asLong()).isGreaterThan(Duration.ofDays(365 * 20).toMillis());

      // Played at noon today by the controller's clock; the agent knew no offset, so it timed the
      // play by its own clock and flagged it. Another play came already corrected.
      Instant kioskNoon = KIOSK_CLOCK.plus(Duration.between(heartbeatAt, noon));
      agent.plays(List.of(new Play("k-1", "cl-item", null, "vi", kioskNoon, kioskNoon.plusSeconds(10), true),
          new Play("k-2", "cl-item", null, "vi", noon.plusSeconds(3600), noon.plusSeconds(3610))));
      String period = "from=" + today.atStartOfDay(ZoneOffset.UTC).toInstant() + "&to="
          + today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "&groupBy=day&zone=UTC&screenId=clock-hall";
      JsonNode report = await().atMost(DEADLINE).until(() -> RUNNING.api().get("/api/v1/reports/plays?" + period).body(),
          r -> r.path("totalPlays").asLong() == 2);
      assertThat(report.get("rows")).singleElement().satisfies(row -> {
        assertThat(row.get("key").asText()).isEqualTo(today.toString());
        assertThat(row.get("plays").asLong()).isEqualTo(2);
      });
      Answer year2000 = RUNNING.api().get("/api/v1/reports/plays?from=1999-12-01T00:00:00Z&to=2000-12-31T00:00:00Z"
          + "&groupBy=day&zone=UTC&screenId=clock-hall");
      assertThat(year2000.body().get("totalPlays").asLong()).isZero();

      // The clock is set right: the problem clears.
      agent.heartbeat();
      await().atMost(DEADLINE).until(() -> !RUNNING.api().get("/api/v1/screens/clock-hall").body()
          .path("health").path("clock").path("problem").asBoolean(true));
    }
  }

  @Test
  void aRefusalRepeatedManyTimesIsStoredOnce() throws Exception {
    String password = register("repeat-hall");
    try (ScreenClient screen = new ScreenClient(RUNNING.controller().brokerUrl(), "repeat-hall", password)) {
      for (int i = 0; i < 20; i++) { // one command refused again and again (a misbehaving clock, re-deliveries)
        screen.publish(Topics.events("repeat-hall"), Codec.encode(new RejectionEvent(Header.now(Instant.now()),
            "repeat-hall", Topics.commands("repeat-hall"), Rejection.EXPIRED, "expired", "command-7")));
      }
      screen.publish(Topics.events("repeat-hall"), Codec.encode(new RejectionEvent(Header.now(Instant.now()),
          "repeat-hall", Topics.schedule("repeat-hall"), Rejection.BAD_SIGNATURE, "forged", "schedule-9")));
    }
    // One connection, one database thread: once the last one is in, all are.
    JsonNode rejections = await().atMost(DEADLINE).until(() -> RUNNING.api().get("/api/v1/screens/repeat-hall").body()
        .get("recentRejections"), r -> r.size() >= 1 && r.get(0).get("messageId").asText().equals("schedule-9"));
    assertThat(rejections).hasSize(2);
    assertThat(rejections.get(1).get("messageId").asText()).isEqualTo("command-7");
  }

  private static String register(String id) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"" + id + "\"}");
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }
}
