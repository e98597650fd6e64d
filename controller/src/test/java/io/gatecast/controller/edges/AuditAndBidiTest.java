package io.gatecast.controller.edges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.RunningController;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, item 8: a signing-key rotation and a remote command are in the audit log, and the
 * bidirectional overrides and isolates are refused in every name and text a person types, with
 * nothing stored.
 */
@IntegrationTest
class AuditAndBidiTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void aSigningKeyRotationIsAudited() {
    Answer rotated = RUNNING.api().postJson("/api/v1/signing-key/rotations", Map.of("graceSeconds", 3600));
    assertThat(rotated.status()).as(rotated.body().toString()).isEqualTo(202);
    JsonNode entries = RUNNING.api().get("/api/v1/audit?subjectType=signing-key").body();
    assertThat(entries).hasSize(1);
    JsonNode entry = entries.get(0);
    assertThat(entry.get("action").asText()).isEqualTo("announce-signing-key");
    assertThat(entry.get("actor").asText()).isEqualTo("admin");
    assertThat(entry.get("subjectId").asText()).isEqualTo(rotated.body().get("keyId").asText());
  }

  @Test
  void aRemoteCommandIsAudited() {
    ApiClient api = RUNNING.api();
    assertThat(api.postJson("/api/v1/screens", Map.of("id", "cmd-gate")).status()).isEqualTo(201);
    Answer issued = api.postJson("/api/v1/screens/cmd-gate/commands", Map.of("kind", "IDENTIFY", "durationSeconds", 5));
    assertThat(issued.status()).as(issued.body().toString()).isEqualTo(202);
    JsonNode entries = api.get("/api/v1/audit?subjectType=screen&subjectId=cmd-gate").body();
    assertThat(entries.findValuesAsText("action")).contains("command");
  }

  @Test
  void bidiControlsAreRefusedInEveryNameAndText() {
    ApiClient api = RUNNING.api();
    assertThat(api.postJson("/api/v1/screens", Map.of("id", "bidi-screen")).status()).isEqualTo(201);
    for (String control : List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069")) {
      String name = "Cửa khẩu " + control + "Lào Cai";
      List<Object[]> attempts = List.of(
          new Object[] {"/api/v1/clusters", Map.of("id", "bidi-c", "name", name, "province", "Lào Cai", "zone", "Asia/Ho_Chi_Minh"), "/api/v1/clusters/bidi-c"},
          new Object[] {"/api/v1/clusters", Map.of("id", "bidi-c", "name", "ok", "province", name, "zone", "Asia/Ho_Chi_Minh"), "/api/v1/clusters/bidi-c"},
          new Object[] {"/api/v1/screens", Map.of("id", "bidi-s", "name", name), "/api/v1/screens/bidi-s"},
          new Object[] {"/api/v1/groups", Map.of("id", "bidi-g", "name", name, "screenIds", List.of("bidi-screen")), "/api/v1/groups/bidi-g"},
          new Object[] {"/api/v1/playlists", Map.of("id", "bidi-p", "name", name, "entries", List.of()), "/api/v1/playlists/bidi-p"},
          new Object[] {"/api/v1/campaigns", Map.of("id", "bidi-k", "name", name, "playlistId", "bidi-p"), "/api/v1/campaigns/bidi-k"},
          new Object[] {"/api/v1/alerts", Map.of("clusterIds", List.of("default"), "text", Map.of("vi", name),
              "expiresAt", "2099-01-01T00:00:00Z"), null});
      for (Object[] attempt : attempts) {
        Answer answer = api.postJson((String) attempt[0], attempt[1]);
        assertThat(answer.status()).as(attempt[0] + " " + answer.body()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).as(attempt[0] + " " + answer.body()).isEqualTo("TEXT_BIDI_CONTROL");
        assertThat(answer.body().get("details").get("character").asText())
            .isEqualTo(String.format("U+%04X", (int) control.charAt(0)));
        if (attempt[2] != null) {
          assertThat(api.get((String) attempt[2]).status()).as((String) attempt[2]).isEqualTo(404);
        }
      }
    }
    assertThat(api.get("/api/v1/alerts").body()).isEmpty();
  }
}
