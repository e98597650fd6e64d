package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.publish.ScheduleSender;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A screen that reports it does not play the schedule it was sent (an agent still fetching its files says so in
 * every heartbeat) is not sent it again until two quiet minutes have passed since the broker took it: a re-send
 * then would only push an agent at work. Past them, its next report has it sent again, once. Counted at the
 * controller's sender, each step of the re-assertion taken and awaited on a clock the test moves.
 */
@IntegrationTest
class ReassertionQuietTest {
  private static final String SCREEN = "rq-hall";
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path dataDir;
  private final MovableClock clock = new MovableClock(Instant.now());
  /** The screen's schedule sends, as the controller makes them. */
  private final AtomicInteger sends = new AtomicInteger();

  @Test
  void aScreenReportingItIsBehindIsSentItsScheduleAgainOnlyOnceQuietHasPassed() throws Exception {
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0), clock,
        countingSends()).await();
    try {
      ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
      String password = publishedToTheScreen(admin, controller.httpPort());
      try (FakeAgent screen = new FakeAgent(controller.brokerUrl(), SCREEN, password)) {
        int published = sends.get();
        assertThat(published).as("the publish sent it").isPositive();

        clock.advance(Duration.ofMinutes(1)); // within QUIET (2 minutes) since the broker took it
        reportsItIsBehind(screen, admin);
        controller.reassertNow().await();
        assertThat(sends.get()).as("not sent again within QUIET").isEqualTo(published);

        clock.advance(Duration.ofMinutes(2)); // past QUIET
        reportsItIsBehind(screen, admin);
        controller.reassertNow().await();
        assertThat(sends.get()).as("sent again once QUIET has passed").isEqualTo(published + 1);
      }
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  /** A heartbeat that names no applied version; returns once the controller has it. */
  private void reportsItIsBehind(FakeAgent screen, ApiClient admin) throws Exception {
    Instant now = clock.instant();
    screen.heartbeat();
    await().atMost(DEADLINE).until(() -> {
      JsonNode seen = admin.get("/api/v1/screens/" + SCREEN).body().get("lastSeenAt");
      return seen.isTextual() && !Instant.parse(seen.asText()).isBefore(now.minusSeconds(1)); // null: never seen yet
    });
  }

  /** Registers the screen, puts an approved notice on it and publishes; its MQTT password. */
  private String publishedToTheScreen(ApiClient admin, int httpPort) {
    Answer registered = admin.postJson("/api/v1/screens", Map.of("id", SCREEN));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/content", Map.of("id", "rq-notice", "title", "Thông báo", "variants",
        List.of(Map.of("language", "vi", "text", "Cửa khẩu mở cửa 7:00", "seconds", 10)))).status()).isEqualTo(201);
    TestUsers.approve(TestUsers.user(admin, httpPort, "rq-approver", "approver"), "rq-notice");
    assertThat(admin.postJson("/api/v1/schedule", Map.of("contentId", "rq-notice", "screenIds", List.of(SCREEN)))
        .status()).isEqualTo(200);
    assertThat(admin.publishAndAwait().status()).isEqualTo(200);
    return registered.body().get("mqttPassword").asText();
  }

  /** The real sender, counting the screen's schedule sends. */
  private UnaryOperator<ScheduleSender> countingSends() {
    return real -> new ScheduleSender() {
      @Override
      public Future<Void> send(String screenId, byte[] envelope) {
        if (SCREEN.equals(screenId)) {
          sends.incrementAndGet();
        }
        return real.send(screenId, envelope);
      }

      @Override
      public Future<Void> sendToCluster(String clusterId, byte[] envelope) {
        return real.sendToCluster(clusterId, envelope);
      }
    };
  }
}
