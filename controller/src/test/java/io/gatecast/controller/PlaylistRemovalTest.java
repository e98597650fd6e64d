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
 * What the console's playlist editor and a screen's page delete: a playlist only when no campaign
 * plays it (the refusal names the campaigns, and nothing is deleted), and one item off a screen's
 * own playlist; both audited.
 */
@IntegrationTest
class PlaylistRemovalTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void aPlaylistACampaignPlaysIsKeptAndTheRefusalNamesTheCampaign() {
    ApiClient operator = RUNNING.user("removal-operator", "operator");
    assertThat(operator.postJson("/api/v1/content", Map.of("id", "removal-item", "title", "Chào mừng",
        "variants", List.of(Map.of("language", "vi", "text", "Chào mừng", "seconds", 10)))).status()).isEqualTo(201);
    assertThat(operator.postJson("/api/v1/playlists", Map.of("id", "removal-list", "name", "Danh sách",
        "entries", List.of(Map.of("contentId", "removal-item")))).status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/screens", Map.of("id", "removal-hall")).status()).isEqualTo(201);
    Answer campaign = operator.postJson("/api/v1/campaigns", Map.of("id", "removal-campaign", "playlistId", "removal-list",
        "targets", Map.of("screens", List.of("removal-hall")), "start", "2026-01-01T00:00", "end", "2027-01-01T00:00"));
    assertThat(campaign.status()).as(campaign.error()).isEqualTo(201);

    Answer refused = operator.delete("/api/v1/playlists/removal-list");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("code").asText()).isEqualTo("PLAYLIST_IN_USE");
    assertThat(refused.body().path("details").path("campaigns").get(0).asText()).isEqualTo("removal-campaign");
    assertThat(operator.get("/api/v1/playlists/removal-list").status()).isEqualTo(200);

    assertThat(operator.delete("/api/v1/campaigns/removal-campaign").status()).isBetween(200, 204);
    assertThat(operator.delete("/api/v1/playlists/removal-list").status()).isEqualTo(204);
    assertThat(operator.get("/api/v1/playlists/removal-list").status()).isEqualTo(404);
    assertThat(operator.delete("/api/v1/playlists/removal-list").body().path("code").asText()).isEqualTo("NO_SUCH_PLAYLIST");
    JsonNode audit = RUNNING.api().get("/api/v1/audit?subjectType=playlist&subjectId=removal-list").body();
    assertThat(audit.get(0).get("action").asText()).isEqualTo("delete");
  }

  @Test
  void aGatesDefaultPlaylistIsKeptAndTheRefusalNamesTheGate() {
    ApiClient operator = RUNNING.user("removal-operator-3", "operator");
    assertThat(operator.postJson("/api/v1/content", Map.of("id", "fill-item", "title", "Chào mừng",
        "variants", List.of(Map.of("language", "vi", "text", "Chào mừng", "seconds", 10)))).status()).isEqualTo(201);
    assertThat(operator.postJson("/api/v1/playlists", Map.of("id", "fill-list", "name", "Lấp chỗ trống",
        "entries", List.of(Map.of("contentId", "fill-item")))).status()).isEqualTo(201);
    assertThat(operator.postJson("/api/v1/clusters", Map.of("id", "muong-khuong", "name", "Mường Khương",
        "province", "Lào Cai", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi"), "defaultPlaylistId", "fill-list"))
        .status()).isEqualTo(201);

    Answer refused = operator.delete("/api/v1/playlists/fill-list");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("code").asText()).isEqualTo("PLAYLIST_IS_GATE_DEFAULT");
    assertThat(refused.body().path("details").path("gates").get(0).asText()).isEqualTo("muong-khuong");
    assertThat(operator.get("/api/v1/playlists/fill-list").status()).isEqualTo(200);
  }

  @Test
  void anItemIsTakenOffAScreensOwnPlaylist() {
    ApiClient operator = RUNNING.user("removal-operator-2", "operator");
    for (String id : List.of("own-a", "own-b")) {
      assertThat(operator.postJson("/api/v1/content", Map.of("id", id, "title", id,
          "variants", List.of(Map.of("language", "vi", "text", id, "seconds", 10)))).status()).isEqualTo(201);
    }
    assertThat(RUNNING.api().postJson("/api/v1/screens", Map.of("id", "own-hall")).status()).isEqualTo(201);
    for (String id : List.of("own-a", "own-b")) {
      assertThat(operator.postJson("/api/v1/schedule", Map.of("contentId", id, "screenIds", List.of("own-hall")))
          .status()).isEqualTo(200);
    }

    Answer removed = operator.delete("/api/v1/screens/own-hall/playlist/own-a");
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.body().get("playlist").get(0).asText()).isEqualTo("own-b");
    assertThat(RUNNING.api().get("/api/v1/screens/own-hall").body().get("playlist")).hasSize(1);
    Answer again = operator.delete("/api/v1/screens/own-hall/playlist/own-a");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.body().path("code").asText()).isEqualTo("NOT_ON_PLAYLIST");
    assertThat(RUNNING.user("removal-viewer", "viewer").delete("/api/v1/screens/own-hall/playlist/own-b").status())
        .isEqualTo(403);
  }
}
