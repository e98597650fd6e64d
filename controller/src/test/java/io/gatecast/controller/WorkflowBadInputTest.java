package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The users, content, review, playlist, campaign, publish and audit calls refuse bad input naming the field, storing nothing. */
@IntegrationTest
class WorkflowBadInputTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();
  static ApiClient admin;

  @BeforeAll
  static void anApprovedItemAndAPlaylist() {
    admin = RUNNING.api();
    assertThat(admin.postJson("/api/v1/content", Map.of("id", "good-item", "title", "Tốt",
        "variants", List.of(Map.of("language", "vi", "text", "ok", "seconds", 5)))).status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/playlists", Map.of("id", "good-list",
        "entries", List.of(Map.of("contentId", "good-item")))).status()).isEqualTo(201);
  }

  @Test
  void users() {
    refused(admin.postJson("/api/v1/users", Map.of("username", "a/b", "password", "long-enough-pw", "roles", List.of("viewer"))),
        "username must be");
    refused(admin.postJson("/api/v1/users", Map.of("username", "shorty", "password", "short", "roles", List.of("viewer"))),
        "password must be 12 to 200 characters");
    refused(admin.postJson("/api/v1/users", Map.of("username", "kinged", "password", "long-enough-pw", "roles", List.of("king"))),
        "'king' is not a role");
    refused(admin.postJson("/api/v1/users", Map.of("username", "noroles", "password", "long-enough-pw", "roles", List.of())),
        "roles must name at least one role");
    refused(admin.putJson("/api/v1/users/admin", Map.of()), "name at least one of roles, password, disabled");
    refused(RUNNING.anonymous().postJson("/api/v1/login", Map.of("username", "admin")), "password is required");
    refused(admin.postJson("/api/v1/me/password", Map.of("currentPassword", "wrong-password-x", "newPassword",
        "another-long-one")), "currentPassword is wrong");
    assertThat(admin.get("/api/v1/users").body()).extracting(u -> u.get("username").asText())
        .doesNotContain("a/b", "shorty", "kinged", "noroles");
  }

  @Test
  void contentAndReviews() {
    refused(content("bad-lang", Map.of("language", "vietnamese!", "text", "x", "seconds", 5)), "variants[0].language");
    refused(content("bad-both", Map.of("language", "vi", "text", "x", "mediaSha256", "a".repeat(64), "seconds", 5)),
        "variants[0] must set exactly one of mediaSha256 and text");
    refused(content("bad-secs", Map.of("language", "vi", "text", "x", "seconds", 0)), "variants[0].seconds");
    refused(content("bad-ctl", Map.of("language", "vi", "text", "a\u0007b", "seconds", 5)),
        "variants[0].text contains the character U+0007");
    refused(content("bad-bidi", Map.of("language", "vi", "text", "abc\u202Edef", "seconds", 5)),
        "variants[0].text contains the character U+202E");
    refused(content("bad-dup", Map.of("language", "vi", "text", "x", "seconds", 5), Map.of("language", "vi", "text", "y",
        "seconds", 5)), "variants[1].language repeats vi");
    refused(content("bad-media", Map.of("language", "vi", "mediaSha256", "b".repeat(64), "seconds", 5)),
        "variants[0].mediaSha256", "names no uploaded media");
    refused(admin.postJson("/api/v1/content", Map.of("id", "bad-title", "title", "a\nb",
        "variants", List.of(Map.of("language", "vi", "text", "x", "seconds", 5)))), "title contains the character U+000A");
    for (String id : List.of("bad-lang", "bad-both", "bad-secs", "bad-ctl", "bad-bidi", "bad-dup", "bad-media", "bad-title")) {
      assertThat(admin.get("/api/v1/content/" + id).status()).as(id).isEqualTo(404);
    }
    refused(admin.putJson("/api/v1/content/good-item", Map.of("title", "x")), "variants is required");
    refused(admin.postJson("/api/v1/content/good-item/approve", Map.of()), "revision is required");
    refused(admin.postJson("/api/v1/content/good-item/reject", Map.of("revision", 1, "reason", " ")), "reason must not be blank");
    refused(admin.get("/api/v1/content?status=LIVE"), "status must be one of");
    assertThat(admin.get("/api/v1/content/good-item").body().get("revision").asLong()).isEqualTo(1);
    assertThat(admin.get("/api/v1/content/good-item").body().get("status").asText()).isEqualTo("PENDING");
  }

  @Test
  void playlistsAndCampaigns() {
    refused(admin.postJson("/api/v1/playlists", Map.of("id", "p-unknown", "entries", List.of(Map.of("contentId", "ghost")))),
        "entries[0].contentId ghost names no content item");
    refused(admin.postJson("/api/v1/playlists", Map.of("id", "p-dup", "entries",
        List.of(Map.of("contentId", "good-item"), Map.of("contentId", "good-item")))), "entries[1].item.id");
    refused(admin.postJson("/api/v1/playlists", Map.of("id", "p-pos", "entries",
        List.of(Map.of("contentId", "good-item", "position", 5)))), "entries[0].position", "beyond the cycle length");
    refused(admin.postJson("/api/v1/playlists", Map.of("id", "p-empty", "entries", List.of())), "entries must hold");
    for (String id : List.of("p-unknown", "p-dup", "p-pos", "p-empty")) {
      assertThat(admin.get("/api/v1/playlists/" + id).status()).as(id).isEqualTo(404);
    }

    refused(campaign("c-end", Map.of("start", "2026-03-01T00:00", "end", "2026-02-01T00:00")), "end", "after start");
    refused(campaign("c-rule", Map.of("recurrences", List.of(Map.of("rule", "FREQ=SOMETIMES", "at", "07:00",
        "duration", "PT1H")))), "rule");
    refused(campaign("c-weight", Map.of("weight", 5000)), "weight must be between 1 and 1000");
    refused(campaign("c-list", Map.of("playlistId", "no-such-list")), "playlistId no-such-list names no playlist");
    refused(campaign("c-targets", Map.of("targets", Map.of())), "targets must name at least one");
    refused(campaign("c-day", Map.of("dayparts", List.of(Map.of("days", List.of("FUNDAY"), "start", "07:00", "end", "08:00")))),
        "days");
    for (String id : List.of("c-end", "c-rule", "c-weight", "c-list", "c-targets", "c-day")) {
      assertThat(admin.get("/api/v1/campaigns/" + id).status()).as(id).isEqualTo(404);
    }
    assertThat(admin.delete("/api/v1/campaigns/never-was").status()).isEqualTo(404);
  }

  @Test
  void publishesAndAudit() {
    refused(admin.get("/api/v1/publishes/abc"), "the publish id in the path must be a number");
    assertThat(admin.get("/api/v1/publishes/999999").status()).isEqualTo(404);
    refused(admin.get("/api/v1/audit?limit=100000"), "limit must be a whole number from 1 to 500");
    refused(admin.get("/api/v1/audit?before=x"), "before must be a whole number");
  }

  private static Answer content(String id, Map<?, ?>... variants) {
    return admin.postJson("/api/v1/content", Map.of("id", id, "title", "t", "variants", List.of(variants)));
  }

  private static Answer campaign(String id, Map<String, Object> overrides) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "playlistId", "good-list",
        "targets", Map.of("clusters", List.of("default")), "start", "2026-03-01T00:00", "end", "2026-04-01T00:00"));
    body.putAll(overrides);
    return admin.postJson("/api/v1/campaigns", body);
  }

  private static void refused(Answer answer, String... fragments) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
    assertThat(answer.error()).contains(fragments);
    // Every refusal also carries a stable code for the console to translate, and a details object.
    assertThat(answer.body().path("code").asText()).matches("[A-Z][A-Z_]+");
    assertThat(answer.body().path("details").isObject()).isTrue();
  }
}
