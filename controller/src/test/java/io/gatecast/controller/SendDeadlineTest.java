package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.publish.ScheduleSender;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that never confirms a send must not hold the publish queue (issue 21; seen with Moquette
 * losing a PUBACK): after the send deadline the publish ends INTERRUPTED with its reason, the next
 * publish is served, and what was recorded but not confirmed is sent again once the broker confirms.
 */
@IntegrationTest
class SendDeadlineTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> FIRST = List.of("deadline-a1", "deadline-a2", "deadline-a3");
  private static final List<String> SECOND = List.of("deadline-b1", "deadline-b2");

  @TempDir Path dataDir;

  @Test
  void aPublishTheBrokerNeverConfirmsStopsTheNextIsServedAndItsScreensAreSentAgainOnceTheBrokerConfirms()
      throws Exception {
    AtomicBoolean confirming = new AtomicBoolean(false);
    Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    Vertx vertx = Vertx.vertx();
    try {
      Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0)
          .withSendDeadline(Duration.ofSeconds(1)), Clock.systemUTC(), muteUntil(confirming, sends)).await();
      try {
        ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
        ApiClient approver = TestUsers.user(admin, controller.httpPort(), "deadline-approver", "approver");
        long first = publish(admin, approver, "deadline-first", FIRST);

        JsonNode stopped = await().atMost(WAIT).until(() -> rollout(admin, first),
            r -> "INTERRUPTED".equals(r.get("state").asText()));
        assertThat(stopped.get("stoppedReason").asText()).contains("did not confirm 3 of 3");
        assertThat(stopped.get("screens")).hasSize(3).allSatisfy(s -> {
          assertThat(s.get("status").asText()).isEqualTo("PENDING");
          assertThat(s.hasNonNull("handedAt")).as("not confirmed: not handed").isFalse();
        });
        assertThat(sends.keySet()).containsAll(FIRST);

        // The queue moved on: the next publish is planned and its screens reach the (still mute) broker.
        long second = publish(admin, approver, "deadline-second", SECOND);
        JsonNode served = await().atMost(WAIT).until(() -> rollout(admin, second),
            r -> "INTERRUPTED".equals(r.get("state").asText()));
        assertThat(served.get("planned").asInt()).isEqualTo(SECOND.size());
        assertThat(sends.keySet()).containsAll(SECOND);

        // The broker confirms again: what was recorded and not confirmed is sent again and handed.
        int firstTries = sends.get(FIRST.get(0)).get();
        confirming.set(true);
        for (long publishId : List.of(first, second)) {
          await().atMost(WAIT).until(() -> rollout(admin, publishId),
              r -> allHanded(r.get("screens")));
        }
        assertThat(sends.get(FIRST.get(0)).get()).isGreaterThan(firstTries);
        assertThat(rollout(admin, second).get("screens")).allSatisfy(s ->
            assertThat(s.get("version").asLong()).isEqualTo(1));
      } finally {
        controller.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aConfirmationThatComesAfterTheDeadlineStillMarksTheScheduleHanded() throws Exception {
    Map<String, Promise<Void>> firstSend = new ConcurrentHashMap<>();
    Vertx vertx = Vertx.vertx();
    try {
      // Holds every send; only the first send of each screen is ever confirmed, and late (the re-sends never are).
      Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0)
          .withSendDeadline(Duration.ofSeconds(1)), Clock.systemUTC(), real -> (screenId, envelope) -> {
            Promise<Void> held = Promise.promise();
            firstSend.putIfAbsent(screenId, held);
            return held.future();
          }).await();
      try {
        ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
        ApiClient approver = TestUsers.user(admin, controller.httpPort(), "late-approver", "approver");
        long publishId = publish(admin, approver, "deadline-late", FIRST);
        await().atMost(WAIT).until(() -> rollout(admin, publishId), r -> "INTERRUPTED".equals(r.get("state").asText()));
        assertThat(rollout(admin, publishId).get("screens")).noneMatch(s -> s.hasNonNull("handedAt"));

        firstSend.values().forEach(Promise::tryComplete);
        await().atMost(WAIT).until(() -> rollout(admin, publishId), r -> allHanded(r.get("screens")));
      } finally {
        controller.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  private static long publish(ApiClient admin, ApiClient approver, String contentId, List<String> screenIds) {
    for (String id : screenIds) {
      assertThat(admin.postJson("/api/v1/screens", Map.of("id", id)).status()).isEqualTo(201);
    }
    assertThat(admin.postJson("/api/v1/content", Map.of("id", contentId, "title", "Thông báo", "variants",
        List.of(Map.of("language", "vi", "text", "Cửa khẩu mở cửa 7:00", "seconds", 10)))).status()).isEqualTo(201);
    TestUsers.approve(approver, contentId);
    assertThat(admin.postJson("/api/v1/schedule", Map.of("contentId", contentId, "screenIds", screenIds))
        .status()).isLessThan(300);
    return admin.post("/api/v1/publish").body().get("publishId").asLong();
  }

  private static JsonNode rollout(ApiClient admin, long publishId) {
    return admin.get("/api/v1/publishes/" + publishId).body();
  }

  private static boolean allHanded(JsonNode screens) {
    for (JsonNode s : screens) {
      if (!s.hasNonNull("handedAt")) {
        return false;
      }
    }
    return !screens.isEmpty();
  }

  /** Counts every send; never confirms while {@code confirming} is false, then hands on to the real broker. */
  private static UnaryOperator<ScheduleSender> muteUntil(AtomicBoolean confirming, Map<String, AtomicInteger> sends) {
    return real -> (screenId, envelope) -> {
      sends.computeIfAbsent(screenId, id -> new AtomicInteger()).incrementAndGet();
      return confirming.get() ? real.send(screenId, envelope) : Promise.<Void>promise().future();
    };
  }
}
