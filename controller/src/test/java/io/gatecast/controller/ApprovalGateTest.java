package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An item nobody approved never reaches a screen, whatever the road: a screen's own playlist, a
 * campaign's playlist, a rejection, an edit after approval, a stale or self approval. Each test
 * has its own screen, listening as its agent would, and looks at what the screen was sent.
 */
@IntegrationTest
class ApprovalGateTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @RegisterExtension static final RunningController RUNNING = new RunningController();
  static ApiClient contributor;
  static ApiClient otherContributor;
  static ApiClient approver;
  static ApiClient operator;

  @BeforeAll
  static void people() {
    contributor = RUNNING.user("gate-contrib", "contributor");
    otherContributor = RUNNING.user("gate-contrib-2", "contributor");
    approver = RUNNING.user("gate-approver", "approver");
    operator = RUNNING.user("gate-operator", "operator");
  }

  @Test
  void aPendingItemOnAScreensPlaylistIsWithheldFromPublishAndPreview() throws Exception {
    submit("pending-notice", "Chưa duyệt");
    try (AckingScreen screen = screen("gate-pending")) {
      schedule("pending-notice", "gate-pending");

      Answer published = operator.publishAndAwait();

      assertThat(published.body().get("sent")).as("nothing approved to send").isEmpty();
      assertThat(published.body().get("withheld").get("gate-pending")).extracting(JsonNode::asText)
          .containsExactly("pending-notice");
      JsonNode preview = operator.get("/api/v1/screens/gate-pending/preview?from=2026-03-15T00:00:00Z&to=2026-03-15T00:05:00Z")
          .body();
      assertThat(preview.get("slots")).allSatisfy(s -> assertThat(s.get("kind").asText()).isEqualTo("IDLE"));

      // Once approved, the same publish call sends it.
      RUNNING.approve("pending-notice");
      assertThat(operator.publishAndAwait().body().get("sent")).hasSize(1);
      await().atMost(DEADLINE).until(() -> screen.itemsOnAir().equals(List.of("pending-notice")));
      assertThat(screen.received).hasSize(1);
    }
  }

  @Test
  void aRejectedItemInACampaignPlaylistNeverAirsAndTheCampaignIsLeftOut() throws Exception {
    submit("rejected-claim", "Tin sai sự thật");
    submit("approved-welcome", "Chào mừng");
    RUNNING.approve("approved-welcome");
    Answer rejected = approver.postJson("/api/v1/content/rejected-claim/reject",
        Map.of("revision", 1, "reason", "Thông tin chưa được kiểm chứng"));
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.body().get("reviewReason").asText()).isEqualTo("Thông tin chưa được kiểm chứng");
    try (AckingScreen screen = screen("gate-rejected")) {
      operator.postJson("/api/v1/playlists", Map.of("id", "only-rejected", "entries",
          List.of(Map.of("contentId", "rejected-claim"))));
      operator.postJson("/api/v1/playlists", Map.of("id", "mixed", "entries",
          List.of(Map.of("contentId", "rejected-claim"), Map.of("contentId", "approved-welcome"))));
      campaign("c-only-rejected", "only-rejected", "gate-rejected");
      campaign("c-mixed", "mixed", "gate-rejected");

      assertThat(operator.publishAndAwait().body().get("withheld").get("gate-rejected"))
          .extracting(JsonNode::asText).containsExactly("rejected-claim");

      await().atMost(DEADLINE).until(() -> screen.latest().isPresent());
      var rules = screen.latest().orElseThrow().rules();
      assertThat(rules.campaigns()).extracting(c -> c.id()).containsExactly("c-mixed");
      assertThat(screen.itemsOnAir()).containsExactly("approved-welcome");
    }
  }

  @Test
  void anEditAfterApprovalSendsTheItemBackToReviewAndOffTheScreens() throws Exception {
    submit("edited-notice", "Thông báo");
    RUNNING.approve("edited-notice");
    try (AckingScreen screen = screen("gate-edited")) {
      schedule("edited-notice", "gate-edited");
      operator.publishAndAwait();
      await().atMost(DEADLINE).until(() -> screen.itemsOnAir().equals(List.of("edited-notice")));

      Answer edited = contributor.putJson("/api/v1/content/edited-notice", Map.of("title", "Thông báo (sửa)",
          "variants", List.of(Map.of("language", "vi", "text", "Nội dung chưa duyệt", "seconds", 10))));
      assertThat(edited.status()).isEqualTo(200);
      assertThat(edited.body().get("status").asText()).isEqualTo("PENDING");
      assertThat(edited.body().get("revision").asLong()).isEqualTo(2);

      operator.publishAndAwait();
      await().atMost(DEADLINE).until(() -> screen.latest().orElseThrow().version() == 2);
      assertThat(screen.itemsOnAir()).as("the unreviewed revision is not sent").isEmpty();
      assertThat(screen.received).noneMatch(s -> s.rules().items().stream()
          .anyMatch(i -> i.variants().stream().anyMatch(v -> "Nội dung chưa duyệt".equals(v.text()))));
    }
  }

  @Test
  void approvalsMustComeFromSomeoneElseForTheRevisionTheySaw() {
    submit("self-approved", "Tự duyệt");
    ApiClient writerApprover = RUNNING.user("writer-approver", "contributor", "approver");
    Answer own = writerApprover.postJson("/api/v1/content", Map.of("id", "own-item", "title", "Của tôi",
        "variants", List.of(Map.of("language", "vi", "text", "x", "seconds", 5))));
    assertThat(own.status()).isEqualTo(201);

    Answer self = writerApprover.postJson("/api/v1/content/own-item/approve", Map.of("revision", 1));
    assertThat(self.status()).isEqualTo(403);
    assertThat(self.error()).contains("another approver must approve it");

    Answer stale = approver.postJson("/api/v1/content/self-approved/approve", Map.of("revision", 7));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.error()).contains("revision is 7", "revision 1");

    Answer notTheirs = otherContributor.putJson("/api/v1/content/self-approved", Map.of("title", "x",
        "variants", List.of(Map.of("language", "vi", "text", "x", "seconds", 5))));
    assertThat(notTheirs.status()).isEqualTo(403);
    assertThat(notTheirs.error()).contains("a contributor edits only their own items");

    Answer noReason = approver.postJson("/api/v1/content/self-approved/reject", Map.of("revision", 1));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.error()).contains("reason is required");

    JsonNode item = approver.get("/api/v1/content/self-approved").body();
    assertThat(item.get("status").asText()).isEqualTo("PENDING");
    assertThat(RUNNING.api().get("/api/v1/content/own-item").body().get("status").asText()).isEqualTo("PENDING");
  }

  private static void submit(String id, String title) {
    Answer answer = contributor.postJson("/api/v1/content", Map.of("id", id, "title", title,
        "variants", List.of(Map.of("language", "vi", "text", title, "seconds", 10))));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
  }

  private static void schedule(String contentId, String screenId) {
    assertThat(operator.postJson("/api/v1/schedule", Map.of("contentId", contentId, "screenIds", List.of(screenId)))
        .status()).isEqualTo(200);
  }

  private static void campaign(String id, String playlistId, String screenId) {
    Answer answer = operator.postJson("/api/v1/campaigns", Map.of("id", id, "playlistId", playlistId,
        "targets", Map.of("screens", List.of(screenId)), "start", "2026-01-01T00:00", "end", "2027-01-01T00:00"));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
  }

  private static AckingScreen screen(String screenId) throws Exception {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    return new AckingScreen(RUNNING.controller().brokerUrl(), RUNNING.controller().signingKey(), screenId,
        answer.body().get("mqttPassword").asText());
  }
}
