package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole road: a contributor submits, an approver who is not the author approves, an operator
 * schedules (a campaign and a screen's own playlist) and publishes, the screens apply, the rollout
 * view shows it applied, and the audit log tells who did what.
 */
@IntegrationTest
class WorkflowTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void contributorSubmitsApproverApprovesOperatorPublishesScreensApply() throws Exception {
    ApiClient contributor = RUNNING.user("thu-contrib", "contributor");
    ApiClient approver = RUNNING.user("lan-approver", "approver");
    ApiClient operator = RUNNING.user("minh-operator", "operator");
    String passwordA = register("wf-hall-1");
    String passwordB = register("wf-hall-2");

    // A contributor submits a multilingual text slide; user text is plain text, markup included as typed.
    Answer submitted = contributor.postJson("/api/v1/content", Map.of("id", "border-law", "title", "Luật Biên giới",
        "variants", List.of(
            Map.of("language", "vi", "text", "Luật Biên giới quốc gia\n<b>Chấp hành</b>", "seconds", 10),
            Map.of("language", "zh-Hans", "text", "国家边界法", "seconds", 10),
            Map.of("language", "lo", "text", "ກົດໝາຍຊາຍແດນ", "seconds", 10))));
    assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
    assertThat(submitted.body().get("status").asText()).isEqualTo("PENDING");
    assertThat(submitted.body().get("author").asText()).isEqualTo("thu-contrib");

    // The approver finds it waiting and approves the revision they read.
    JsonNode pending = approver.get("/api/v1/content?status=PENDING").body();
    assertThat(pending).anySatisfy(item -> assertThat(item.get("id").asText()).isEqualTo("border-law"));
    Answer approved = approver.postJson("/api/v1/content/border-law/approve", Map.of("revision", 1));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.body().get("reviewedBy").asText()).isEqualTo("lan-approver");

    // The operator schedules: a campaign on hall 1, the item on hall 2's own playlist.
    assertThat(operator.postJson("/api/v1/playlists", Map.of("id", "law-week", "name", "Tuần pháp luật",
        "entries", List.of(Map.of("contentId", "border-law")))).status()).isEqualTo(201);
    Answer campaign = operator.postJson("/api/v1/campaigns", Map.of("id", "law-week-2026", "name", "Tuần pháp luật 2026",
        "playlistId", "law-week", "targets", Map.of("screens", List.of("wf-hall-1")),
        "start", "2026-03-01T00:00", "end", "2026-03-08T00:00",
        "dayparts", List.of(Map.of("days", List.of("MONDAY", "FRIDAY"), "start", "07:00", "end", "19:00")),
        "priority", 10, "weight", 2, "languagePolicy", Map.of("mode", "EVERY")));
    assertThat(campaign.status()).as(campaign.body().toString()).isEqualTo(201);
    assertThat(operator.postJson("/api/v1/schedule", Map.of("contentId", "border-law", "screenIds", List.of("wf-hall-2")))
        .status()).isEqualTo(200);

    try (AckingScreen hall1 = screen("wf-hall-1", passwordA); AckingScreen hall2 = screen("wf-hall-2", passwordB)) {
      Answer published = operator.publishAndAwait();
      assertThat(published.status()).isEqualTo(200);
      long publishId = published.body().get("publishId").asLong();
      assertThat(published.body().get("sent")).extracting(s -> s.get("screenId").asText())
          .containsExactlyInAnyOrder("wf-hall-1", "wf-hall-2");

      // Both screens apply; the rollout view shows each APPLIED.
      await().atMost(DEADLINE).untilAsserted(() -> {
        JsonNode rollout = operator.get("/api/v1/publishes/" + publishId).body();
        assertThat(rollout.get("counts").get("applied").asInt()).isEqualTo(2);
        assertThat(rollout.get("screens")).allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("APPLIED"));
      });
      assertThat(operator.get("/api/v1/publishes").body().get(0).get("id").asLong()).isEqualTo(publishId);
      ScreenRules rules1 = hall1.latest().orElseThrow().rules();
      assertThat(rules1.campaigns()).extracting(CampaignSpec::id).containsExactly("law-week-2026");
      assertThat(rules1.campaigns().get(0).priority()).isEqualTo(10);
      ItemSpec item = rules1.items().get(0);
      assertThat(item.variants()).extracting(v -> v.language()).containsExactly("vi", "zh-Hans", "lo");
      assertThat(item.variants().get(0).text()).isEqualTo("Luật Biên giới quốc gia\n<b>Chấp hành</b>");
      assertThat(hall2.latest().orElseThrow().rules().defaultPlaylist().entries().get(0).itemId()).isEqualTo("border-law");

      // Nothing changed: nothing is sent. Then only hall 2 changes: only hall 2 is sent.
      assertThat(operator.publishAndAwait().body().get("sent")).isEmpty();
      contributor.postJson("/api/v1/content", Map.of("id", "gate-hours", "title", "Giờ mở cửa",
          "variants", List.of(Map.of("language", "vi", "text", "07:00 – 22:00", "seconds", 8))));
      TestUsers.approve(approver, "gate-hours");
      operator.postJson("/api/v1/schedule", Map.of("contentId", "gate-hours", "screenIds", List.of("wf-hall-2")));
      assertThat(operator.publishAndAwait().body().get("sent")).singleElement()
          .satisfies(s -> assertThat(s.get("screenId").asText()).isEqualTo("wf-hall-2"));
      await().atMost(DEADLINE).until(() -> hall2.itemsOnAir().contains("gate-hours"));
      assertThat(hall1.received).hasSize(1);
    }

    // The audit log says who did what, with the item before and after.
    JsonNode history = RUNNING.api().get("/api/v1/audit?subjectType=content&subjectId=border-law").body();
    assertThat(history).extracting(e -> e.get("action").asText() + " by " + e.get("actor").asText())
        .containsExactly("approve by lan-approver", "submit by thu-contrib");
    assertThat(history.get(0).get("before").get("status").asText()).isEqualTo("PENDING");
    assertThat(history.get(0).get("after").get("status").asText()).isEqualTo("APPROVED");
    assertThat(history.get(1).get("before").isNull()).isTrue();
    JsonNode publishes = RUNNING.api().get("/api/v1/audit?subjectType=publish").body();
    assertThat(publishes).allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("minh-operator"));
  }

  private static String register(String screenId) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }

  private static AckingScreen screen(String screenId, String password) throws Exception {
    return new AckingScreen(RUNNING.controller().brokerUrl(), RUNNING.controller().signingKey(), screenId, password);
  }
}
