package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every change leaves an entry (who, what, when, before/after); nothing can edit or delete one. */
@IntegrationTest
class AuditTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void changesAreRecordedWithTheirActorAndNoSecret() {
    ApiClient operator = RUNNING.user("audit-operator", "operator");
    operator.postJson("/api/v1/content", Map.of("id", "audited", "title", "Kiểm toán",
        "variants", List.of(Map.of("language", "vi", "text", "x", "seconds", 5))));
    operator.postJson("/api/v1/playlists", Map.of("id", "audited-list", "entries", List.of(Map.of("contentId", "audited"))));
    operator.postJson("/api/v1/playlists", Map.of("id", "audited-list", "entries", List.of(Map.of("contentId", "audited"))));

    JsonNode all = RUNNING.api().get("/api/v1/audit?limit=500").body();
    assertThat(all).anySatisfy(e -> {
      assertThat(e.get("action").asText()).isEqualTo("create");
      assertThat(e.get("subjectType").asText()).isEqualTo("user");
      assertThat(e.get("subjectId").asText()).isEqualTo("audit-operator");
      assertThat(e.get("actor").asText()).isEqualTo("admin");
      assertThat(e.get("after").get("roles")).extracting(JsonNode::asText).containsExactly("operator");
      assertThat(e.get("at").asText()).endsWith("Z");
    });
    assertThat(all.toString()).doesNotContain("$7$").doesNotContain(TestUsers.PASSWORD);
    JsonNode playlist = RUNNING.api().get("/api/v1/audit?subjectType=playlist&subjectId=audited-list").body();
    assertThat(playlist).as("the refused duplicate left no entry").singleElement()
        .satisfies(e -> assertThat(e.get("actor").asText()).isEqualTo("audit-operator"));
  }

  @Test
  void organisationAlertsAndEnrollmentsAreAuditedToo() {
    ApiClient operator = RUNNING.user("audit-organiser", "operator");
    assertThat(operator.postJson("/api/v1/clusters", Map.of("id", "audit-gate", "name", "Cửa khẩu Lào Cai",
        "province", "Lào Cai", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans"))).status()).isEqualTo(201);
    assertThat(operator.putJson("/api/v1/clusters/audit-gate", Map.of("name", "Cửa khẩu quốc tế Lào Cai",
        "province", "Lào Cai", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi"))).status()).isEqualTo(200);
    assertThat(operator.postJson("/api/v1/groups", Map.of("id", "audit-group", "name", "Sảnh chờ", "screenIds", List.of()))
        .status()).isEqualTo(201);
    ApiClient.Answer alert = operator.postJson("/api/v1/alerts", Map.of("clusterIds", List.of("audit-gate"),
        "text", Map.of("vi", "Tạm dừng thông quan"), "expiresAt", java.time.Instant.now().plusSeconds(3600).toString()));
    assertThat(alert.status()).as(alert.body().toString()).isEqualTo(201);
    String alertId = alert.body().get("alert").get("id").asText();
    assertThat(operator.post("/api/v1/alerts/" + alertId + "/clear").status()).isEqualTo(200);

    JsonNode cluster = RUNNING.api().get("/api/v1/audit?subjectType=cluster&subjectId=audit-gate").body();
    assertThat(cluster).extracting(e -> e.get("action").asText()).containsExactly("update", "create");
    assertThat(cluster.get(0).get("before").get("name").asText()).isEqualTo("Cửa khẩu Lào Cai");
    assertThat(cluster.get(0).get("after").get("name").asText()).isEqualTo("Cửa khẩu quốc tế Lào Cai");
    assertThat(cluster).allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("audit-organiser"));
    assertThat(RUNNING.api().get("/api/v1/audit?subjectType=group&subjectId=audit-group").body()).hasSize(1);
    assertThat(RUNNING.api().get("/api/v1/audit?subjectType=alert&subjectId=" + alertId).body())
        .extracting(e -> e.get("action").asText()).containsExactly("clear", "create");
  }

  @Test
  void mediaUploadsAndDeletesAreAudited() throws Exception {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0x123456);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    ApiClient operator = RUNNING.user("audit-media", "operator");
    String sha = operator.upload(png.toByteArray(), "image/png", null).body().get("sha256").asText();
    assertThat(operator.delete("/api/v1/media/" + sha).status()).isEqualTo(200);

    assertThat(RUNNING.api().get("/api/v1/audit?subjectType=media&subjectId=" + sha).body())
        .extracting(e -> e.get("action").asText() + " by " + e.get("actor").asText())
        .containsExactly("delete by audit-media", "upload by audit-media");
  }

  @Test
  void noApiWritesTheLogAndTheDatabaseRefusesEditsAndDeletes() throws SQLException {
    assertThat(RUNNING.api().putJson("/api/v1/audit", "{}").status()).isEqualTo(404);
    assertThat(RUNNING.api().delete("/api/v1/audit").status()).isEqualTo(404);
    assertThat(RUNNING.api().postJson("/api/v1/audit", "{}").status()).isEqualTo(404);
    assertThat(RUNNING.api().get("/api/v1/audit?limit=0").status()).isEqualTo(400);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + RUNNING.dataDir().resolve("gatecast.db"));
        Statement statement = c.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_log SET actor = 'someone-else'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_log"))
          .hasMessageContaining("append-only");
    }
    assertThat(RUNNING.api().get("/api/v1/audit").body()).isNotEmpty()
        .noneMatch(e -> e.get("actor").asText().equals("someone-else"));
  }
}
