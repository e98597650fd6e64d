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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish is planned a page of screens at a time (issue 21): its first screens are handed to the
 * broker before the rest of the fleet is read and compared. Shown with a broker that never confirms:
 * two batches are in flight at once and the stream plans and records two more beyond them, no more,
 * so part of the fleet is planned and recorded, the rest not yet, and nothing is sent that was not
 * recorded first.
 */
@IntegrationTest
class PagedPublishTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  /** More than the first page and the three after it (50 and 500 screens a page today: four batches ahead). */
  private static final int SCREENS = 1_600;
  private static final int FIRST_PAGE = 50;

  @TempDir Path dataDir;

  @Test
  void theFirstScreensAreSentBeforeTheWholeFleetIsPlanned() throws Exception {
    Set<String> handed = ConcurrentHashMap.newKeySet();
    Vertx vertx = Vertx.vertx();
    try {
      // A send deadline far beyond the test: the stream is seen held where the broker stopped confirming.
      Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0)
          .withSendDeadline(Duration.ofHours(1)), Clock.systemUTC(), neverConfirms(handed)).await();
      try {
        ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= SCREENS; i++) {
          String id = String.format("paged-%04d", i);
          assertThat(admin.postJson("/api/v1/screens", Map.of("id", id)).status()).isEqualTo(201);
          ids.add(id);
        }
        assertThat(admin.postJson("/api/v1/content", Map.of("id", "paged-notice", "title", "Thông báo", "variants",
            List.of(Map.of("language", "vi", "text", "Cửa khẩu mở cửa 7:00", "seconds", 10)))).status()).isEqualTo(201);
        TestUsers.approve(TestUsers.user(admin, controller.httpPort(), "paged-approver", "approver"), "paged-notice");
        assertThat(admin.postJson("/api/v1/schedule", Map.of("contentId", "paged-notice", "screenIds", ids))
            .status()).isLessThan(300);

        long publishId = admin.post("/api/v1/publish").body().get("publishId").asLong();
        // The first screens reach the broker (which never confirms them) ...
        await().atMost(DEADLINE).until(() -> !handed.isEmpty());
        // ... the second batch too, before the first is confirmed (two windows in flight) ...
        await().atMost(DEADLINE).until(() -> handed.size() > FIRST_PAGE);
        // ... and the stream stops two batches beyond them: the rest of the fleet is neither planned nor recorded.
        JsonNode rollout = await().atMost(DEADLINE).until(() -> admin.get("/api/v1/publishes/" + publishId).body(),
            r -> r.get("planned").asInt() > handed.size() && r.get("screens").size() == r.get("planned").asInt());
        assertThat(rollout.get("state").asText()).isEqualTo("SENDING");
        int planned = rollout.get("planned").asInt();
        assertThat(planned).as("part of the fleet is planned, not all of it").isLessThan(SCREENS);
        assertThat(handed).as("only recorded screens were sent, the first of the fleet in id order")
            .hasSizeLessThan(planned).allSatisfy(id -> assertThat(id).isLessThan(ids.get(planned)));
        List<String> recorded = new ArrayList<>();
        rollout.get("screens").forEach(s -> recorded.add(s.get("screenId").asText()));
        assertThat(recorded).containsExactlyElementsOf(ids.subList(0, planned));
        assertThat(recorded).containsAll(handed);
      } finally {
        controller.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  /** Hands nothing on to the broker and never confirms: notes the screens it was given. */
  private static UnaryOperator<ScheduleSender> neverConfirms(Set<String> handed) {
    return real -> (screenId, envelope) -> {
      handed.add(screenId);
      return Promise.<Void>promise().future();
    };
  }
}
