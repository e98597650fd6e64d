package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.publish.ScheduleSender;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller that stops in the middle of a publish loses nothing and half-applies nothing: the
 * publish was recorded whole before anything was sent, and the restarted controller sends what
 * the broker had not confirmed, byte for byte; a screen that already had it ignores the repeat.
 */
@IntegrationTest
class PublishRestartTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path dataDir;

  @Test
  void aPublishInterruptedBeforeTheBrokerConfirmedIsFinishedByTheNextStart() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      // The first run "crashes" mid-send: hall 1's schedule reaches the broker but its confirmation
      // is never recorded; hall 2's never leaves.
      Controller first = Controller.start(vertx, config(), Clock.systemUTC(), stopsMidSend()).await();
      ApiClient admin = TestUsers.admin(first.httpPort(), dataDir);
      String password1 = register(admin, "restart-hall-1");
      String password2 = register(admin, "restart-hall-2");
      admin.postJson("/api/v1/content", Map.of("id", "restart-notice", "title", "Thông báo",
          "variants", List.of(Map.of("language", "vi", "text", "Cửa khẩu mở cửa 7:00", "seconds", 10))));
      TestUsers.approve(TestUsers.user(admin, first.httpPort(), "restart-approver", "approver"), "restart-notice");
      admin.postJson("/api/v1/schedule", Map.of("contentId", "restart-notice",
          "screenIds", List.of("restart-hall-1", "restart-hall-2")));
      List<ScheduleMessage> beforeRestart;
      try (AckingScreen early = new AckingScreen(first.brokerUrl(), first.signingKey(), "restart-hall-1", password1)) {
        // The publish call never answers (its sends never complete); the record of it is already whole.
        CompletableFuture.runAsync(() -> admin.post("/api/v1/publish"));
        JsonNode rollout = await().atMost(DEADLINE).until(() -> admin.get("/api/v1/publishes").body(),
            list -> list.size() == 1 && list.get(0).get("counts").get("screens").asInt() == 2);
        // Hall 1 may already have answered (its schedule got through); nothing failed and hall 2 waits.
        JsonNode counts = rollout.get(0).get("counts");
        assertThat(counts.get("pending").asInt() + counts.get("applied").asInt()).isEqualTo(2);
        assertThat(counts.get("pending").asInt()).isGreaterThanOrEqualTo(1);
        await().atMost(DEADLINE).until(() -> !early.applied.isEmpty());
        beforeRestart = List.copyOf(early.applied);
        // Its answer is stored before the controller stops (the end of this test expects it): the ack
        // leaves the screen on its own thread, so stopping at once could lose it on a loaded machine.
        await().atMost(DEADLINE).until(() -> admin.get("/api/v1/publishes").body().get(0).get("counts")
            .get("applied").asInt() == 1);
      }
      first.close();

      Controller second = Controller.start(vertx, config(), Clock.systemUTC()).await();
      // Hall 1 plays what it applied before the controller stopped.
      try (AckingScreen hall1 = new AckingScreen(second.brokerUrl(), second.signingKey(), "restart-hall-1", password1,
              beforeRestart);
          AckingScreen hall2 = new AckingScreen(second.brokerUrl(), second.signingKey(), "restart-hall-2", password2)) {
        // As an agent does on every connect, hall 1 says what it plays: if its APPLIED reached the broker
        // but not the first controller's store before the stop (the embedded broker keeps no session
        // for the controller across a restart), this is how the second one learns it.
        hall1.reportStatus();
        ApiClient api = TestUsers.admin(second.httpPort(), dataDir);

        await().atMost(DEADLINE).until(() -> !hall2.applied.isEmpty() && hall1.received.size() >= 1);
        assertThat(hall2.latest().orElseThrow().version()).isEqualTo(1);
        assertThat(hall2.itemsOnAir()).containsExactly("restart-notice");
        assertThat(hall1.received).as("hall 1 gets version 1 again").allSatisfy(m -> assertThat(m.version()).isEqualTo(1));
        assertThat(hall1.received.get(0).header().messageId()).isEqualTo(beforeRestart.get(0).header().messageId());
        assertThat(hall1.applied).as("the repeat is ignored").hasSize(1);

        // Hall 2's answer lands on the interrupted publish; nothing new was needed.
        JsonNode publishes = api.get("/api/v1/publishes").body();
        assertThat(publishes).hasSize(1);
        long id = publishes.get(0).get("id").asLong();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(api.get("/api/v1/publishes/" + id).body()
            .get("screens")).hasSize(2).allSatisfy(s -> {
              assertThat(s.get("status").asText()).isEqualTo("APPLIED");
              assertThat(s.get("version").asLong()).isEqualTo(1);
              assertThat(s.get("handedAt").isNull()).as("resent and confirmed by the broker this time").isFalse();
            }));
        Answer again = api.publishAndAwait();
        assertThat(again.body().get("sent")).as("the rules were recorded whole: nothing left to send").isEmpty();
      } finally {
        second.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  private ControllerConfig config() {
    return ControllerConfig.defaults(dataDir).withPorts(0, 0);
  }

  /** Hall 1: sent, but the confirmation never comes back. Hall 2: never sent. */
  private static UnaryOperator<ScheduleSender> stopsMidSend() {
    return real -> (screenId, envelope) -> {
      if (screenId.equals("restart-hall-1")) {
        real.send(screenId, envelope);
      }
      return Promise.<Void>promise().future();
    };
  }

  private static String register(ApiClient admin, String screenId) {
    Answer answer = admin.postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }
}
