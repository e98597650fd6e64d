package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the console's item card does: deleting an item is refused while a playlist (and the
 * campaigns playing it) or a screen's own playlist holds it, naming them, and nothing is deleted;
 * an unused item is deleted; retiring takes an approved item off the air and keeps it. All audited.
 */
@IntegrationTest
class ContentRemovalTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void anItemInUseIsKeptAndTheRefusalNamesWhatUsesItThenDeletedOnceFree() {
    ApiClient operator = RUNNING.user("content-removal-operator", "operator");
    create(operator, "welcome-item");
    assertThat(operator.postJson("/api/v1/playlists", Map.of("id", "welcome-list", "name", "Chào mừng",
        "entries", List.of(Map.of("contentId", "welcome-item")))).status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/screens", Map.of("id", "welcome-hall")).status()).isEqualTo(201);
    Answer campaign = operator.postJson("/api/v1/campaigns", Map.of("id", "welcome-campaign",
        "playlistId", "welcome-list", "targets", Map.of("screens", List.of("welcome-hall")),
        "start", "2026-01-01T00:00", "end", "2027-01-01T00:00"));
    assertThat(campaign.status()).as(campaign.error()).isEqualTo(201);
    assertThat(operator.postJson("/api/v1/schedule", Map.of("contentId", "welcome-item",
        "screenIds", List.of("welcome-hall"))).status()).isEqualTo(200);

    Answer refused = operator.delete("/api/v1/content/welcome-item");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("code").asText()).isEqualTo("CONTENT_IN_USE");
    JsonNode details = refused.body().path("details");
    assertThat(details.path("playlists").get(0).asText()).isEqualTo("welcome-list");
    assertThat(details.path("campaigns").get(0).asText()).isEqualTo("welcome-campaign");
    assertThat(details.path("screens").get(0).asText()).isEqualTo("welcome-hall");
    assertThat(details.path("names").path("playlists").path("welcome-list").asText()).as("for the console to say")
        .isEqualTo("Chào mừng");
    assertThat(details.path("names").path("screens").has("welcome-hall")).isTrue();
    assertThat(operator.get("/api/v1/content/welcome-item").status()).isEqualTo(200);

    assertThat(operator.delete("/api/v1/screens/welcome-hall/playlist/welcome-item").status()).isEqualTo(200);
    assertThat(operator.delete("/api/v1/campaigns/welcome-campaign").status()).isBetween(200, 204);
    assertThat(operator.delete("/api/v1/playlists/welcome-list").status()).isEqualTo(204);
    assertThat(operator.delete("/api/v1/content/welcome-item").status()).isEqualTo(204);
    assertThat(operator.get("/api/v1/content/welcome-item").status()).isEqualTo(404);
    assertThat(operator.delete("/api/v1/content/welcome-item").body().path("code").asText())
        .isEqualTo("NO_SUCH_CONTENT");
    JsonNode audit = RUNNING.api().get("/api/v1/audit?subjectType=content&subjectId=welcome-item").body();
    assertThat(audit.get(0).get("action").asText()).isEqualTo("delete");
  }

  @Test
  void anApprovedItemIsRetiredOffTheAirAndKeptButOnlyWhenApproved() {
    ApiClient operator = RUNNING.user("content-retire-operator", "operator");
    ApiClient approver = RUNNING.user("content-retire-approver", "approver");
    long revision = create(operator, "festival-item").path("revision").asLong();

    Answer notYet = operator.postJson("/api/v1/content/festival-item/retire",
        Map.of("revision", revision, "reason", "Hết lễ hội"));
    assertThat(notYet.status()).isEqualTo(409);
    assertThat(notYet.body().path("code").asText()).isEqualTo("CONTENT_NOT_ON_AIR");

    assertThat(approver.postJson("/api/v1/content/festival-item/approve", Map.of("revision", revision)).status())
        .isEqualTo(200);
    Answer retired = operator.postJson("/api/v1/content/festival-item/retire",
        Map.of("revision", revision, "reason", "Hết lễ hội"));
    assertThat(retired.status()).as(retired.error()).isEqualTo(200);
    assertThat(retired.body().path("status").asText()).isEqualTo("RETIRED");
    assertThat(retired.body().path("reviewReason").asText()).isEqualTo("Hết lễ hội");
    assertThat(retired.body().path("reviewedBy").asText()).isEqualTo("content-retire-operator");
    assertThat(operator.get("/api/v1/content/festival-item").status()).isEqualTo(200);
    JsonNode audit = RUNNING.api().get("/api/v1/audit?subjectType=content&subjectId=festival-item").body();
    assertThat(audit.get(0).get("action").asText()).isEqualTo("retire");

    ApiClient contributor = RUNNING.user("content-retire-contributor", "contributor");
    assertThat(contributor.delete("/api/v1/content/festival-item").status()).isEqualTo(403);
  }

  @Test
  void retiringAnItemAScreenIsShowingSendsThatScreenANewScheduleAtOnce() {
    ApiClient operator = RUNNING.user("content-onair-operator", "operator");
    ApiClient approver = RUNNING.user("content-onair-approver", "approver");
    long revision = create(operator, "onair-item").path("revision").asLong();
    assertThat(approver.postJson("/api/v1/content/onair-item/approve", Map.of("revision", revision)).status())
        .isEqualTo(200);
    assertThat(RUNNING.api().postJson("/api/v1/screens", Map.of("id", "onair-hall")).status()).isEqualTo(201);
    assertThat(operator.postJson("/api/v1/schedule", Map.of("contentId", "onair-item",
        "screenIds", List.of("onair-hall"))).status()).isEqualTo(200);
    // Awaited: a publish is streamed, and the screen carries the item only once it is recorded.
    Answer published = operator.publishAndAwait();
    assertThat(published.status()).as(published.error()).isEqualTo(200);

    Answer retired = operator.postJson("/api/v1/content/onair-item/retire",
        Map.of("revision", revision, "reason", "Hết đợt"));
    assertThat(retired.status()).as(retired.error()).isEqualTo(200);
    assertThat(retired.body().path("status").asText()).isEqualTo("RETIRED");
    JsonNode republished = retired.body().path("republished");
    assertThat(republished.path("screens").get(0).asText()).isEqualTo("onair-hall");
    long publishId = republished.path("publishId").asLong();
    assertThat(publishId).isGreaterThan(published.body().path("publishId").asLong());
    RUNNING.api().awaitPublished(publishId); // streamed: its screens are recorded as it goes
    JsonNode publish = RUNNING.api().get("/api/v1/publishes/" + publishId).body();
    assertThat(publish.path("requestedBy").asText()).isEqualTo("content-onair-operator");
    List<String> sentTo = new java.util.ArrayList<>();
    publish.path("screens").forEach(s -> sentTo.add(s.path("screenId").asText()));
    assertThat(sentTo).contains("onair-hall");
    // Still on the screen's own playlist, but never in its rules: every publish holds it back.
    Answer again = operator.publishAndAwait();
    assertThat(again.body().path("withheld").path("onair-hall")).extracting(JsonNode::asText)
        .containsExactly("onair-item");
    JsonNode preview = operator.get("/api/v1/screens/onair-hall/preview?from=2026-03-15T00:00:00Z"
        + "&to=2026-03-15T00:05:00Z").body();
    assertThat(preview.path("slots")).allSatisfy(s -> assertThat(s.path("kind").asText()).isEqualTo("IDLE"));

    // Retired again after a resubmission and approval, on no screen any more: nothing to republish.
    ApiClient author = operator;
    long next = author.putJson("/api/v1/content/onair-item", Map.of("title", "Chào mừng",
        "variants", List.of(Map.of("language", "vi", "text", "Chào mừng lần nữa", "seconds", 10))))
        .body().path("revision").asLong();
    assertThat(approver.postJson("/api/v1/content/onair-item/approve", Map.of("revision", next)).status()).isEqualTo(200);
    assertThat(operator.delete("/api/v1/screens/onair-hall/playlist/onair-item").status()).isEqualTo(200);
    operator.publishAndAwait();
    Answer quiet = operator.postJson("/api/v1/content/onair-item/retire", Map.of("revision", next, "reason", "Hết"));
    assertThat(quiet.status()).as(quiet.error()).isEqualTo(200);
    assertThat(quiet.body().has("republished")).isFalse();
  }

  @Test
  void aRetiredItemIsItsOwnStateNotAwaitingReviewAndItsAuthorResubmitsIt() {
    ApiClient contributor = RUNNING.user("content-retired-author", "contributor");
    ApiClient approver = RUNNING.user("content-retired-approver", "approver");
    ApiClient operator = RUNNING.user("content-retired-operator", "operator");
    long revision = create(contributor, "market-item").path("revision").asLong();
    assertThat(approver.postJson("/api/v1/content/market-item/approve", Map.of("revision", revision)).status())
        .isEqualTo(200);
    Answer retired = operator.postJson("/api/v1/content/market-item/retire",
        Map.of("revision", revision, "reason", "Chợ đã đóng"));
    assertThat(retired.status()).as(retired.error()).isEqualTo(200);

    assertThat(ids(operator.get("/api/v1/content?status=RETIRED").body())).contains("market-item");
    assertThat(ids(operator.get("/api/v1/content?status=REJECTED").body())).doesNotContain("market-item");
    assertThat(ids(approver.get("/api/v1/content?status=PENDING").body())).doesNotContain("market-item");
    Answer rejected = approver.postJson("/api/v1/content/market-item/reject",
        Map.of("revision", revision, "reason", "Không"));
    assertThat(rejected.status()).isEqualTo(409);
    assertThat(operator.postJson("/api/v1/content/market-item/retire",
        Map.of("revision", revision, "reason", "Lần nữa")).body().path("code").asText())
        .isEqualTo("CONTENT_NOT_ON_AIR");
    Answer approved = approver.postJson("/api/v1/content/market-item/approve", Map.of("revision", revision));
    assertThat(approved.status()).as("a retired item goes back on air only through review").isEqualTo(409);

    // Its author edits it: submitted again, awaiting review, then approved like any other edit.
    Answer edited = contributor.putJson("/api/v1/content/market-item", Map.of("title", "Chợ mở lại",
        "variants", List.of(Map.of("language", "vi", "text", "Chợ mở lại", "seconds", 10))));
    assertThat(edited.status()).as(edited.error()).isEqualTo(200);
    assertThat(edited.body().path("status").asText()).isEqualTo("PENDING");
    long next = edited.body().path("revision").asLong();
    assertThat(ids(approver.get("/api/v1/content?status=PENDING").body())).contains("market-item");
    assertThat(approver.postJson("/api/v1/content/market-item/approve", Map.of("revision", next)).body()
        .path("status").asText()).isEqualTo("APPROVED");
  }

  private static List<String> ids(JsonNode items) {
    List<String> ids = new java.util.ArrayList<>();
    items.forEach(i -> ids.add(i.path("id").asText()));
    return ids;
  }

  private static JsonNode create(ApiClient author, String id) {
    Answer created = author.postJson("/api/v1/content", Map.of("id", id, "title", "Chào mừng",
        "variants", List.of(Map.of("language", "vi", "text", "Chào mừng đến Lào Cai", "seconds", 10))));
    assertThat(created.status()).as(created.error()).isEqualTo(201);
    return created.body();
  }
}
