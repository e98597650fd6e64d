package io.gatecast.controller.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.gatecast.controller.playlists.ScreenPlaylistRepository;
import io.gatecast.controller.publish.DeliveryRepository;

/**
 * A skeleton-era database (schema V3) keeps its content and playlists, now waiting for approval; a
 * database from before RETIRED (schema V60) keeps every item, variant and playlist entry through
 * the rebuild of content_items, and its items last changed by a retire become RETIRED; layout
 * attachments from before shapes (V81) keep their layout and take its shape; of the signed schedules
 * kept before V88, each screen's newest stays; the rules last published to a screen leave its row for
 * a table of their own (V89); the plays stored before the gates' totals are counted into them (V93).
 */
class MigrationTest {
  @Test
  void skeletonContentBecomesOnePendingVietnameseVariantAndPlaylistsSurvive(@TempDir Path tmp) throws SQLException {
    Path file = tmp.resolve("gatecast.db");
    String url = migratedTo(file, "3");
    String sha = "a".repeat(64);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO screens (id, name, created_at) VALUES ('old-hall', 'Old hall', '2026-01-01T00:00:00Z')");
      s.executeUpdate("INSERT INTO media (sha256, mime_type, size_bytes, created_at) VALUES ('" + sha
          + "', 'image/png', 10, '2026-01-01T00:00:00Z')");
      s.executeUpdate("INSERT INTO content (id, title, media_sha256, duration_seconds, created_at) VALUES"
          + " ('old-item', 'Cũ', '" + sha + "', 12, '2026-01-01T00:00:00Z')");
      s.executeUpdate("INSERT INTO playlist_entries (screen_id, position, content_id) VALUES ('old-hall', 1, 'old-item')");
      s.executeUpdate("INSERT INTO deliveries (screen_id, version, sent_at) VALUES ('old-hall', 1, '2026-01-01T00:00:00Z')");
    }

    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, file);
    try {
      var item = db.transaction(c -> new io.gatecast.controller.content.ContentRepository().find(c, "old-item"))
          .await().orElseThrow();
      assertThat(item.status().name()).isEqualTo("PENDING");
      assertThat(item.author()).isEqualTo("legacy");
      assertThat(item.variants()).singleElement().satisfies(v -> {
        assertThat(v.language()).isEqualTo("vi");
        assertThat(v.mediaSha256()).isEqualTo(sha);
        assertThat(v.seconds()).isEqualTo(12);
      });
      assertThat(db.transaction(c -> new ScreenPlaylistRepository().of(c, "old-hall")).await()).isEqualTo(List.of("old-item"));
      assertThat(db.transaction(c -> new DeliveryRepository().unsent(c)).await()).as("old deliveries count as sent").isEmpty();
    } finally {
      db.close();
      vertx.close().await();
    }
  }

  @Test
  void itemsVariantsAndPlaylistsSurviveTheRebuildThatAllowsRetired(@TempDir Path tmp) throws SQLException {
    Path file = tmp.resolve("gatecast.db");
    String url = migratedTo(file, "60");
    String now = "'2026-01-01T00:00:00Z'";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO screens (id, name, created_at) VALUES ('hall', 'Hall', " + now + ")");
      s.executeUpdate("INSERT INTO content_items (id, title, status, revision, author, submitted_by, reviewed_by,"
          + " reviewed_at, review_reason, created_at, updated_at) VALUES"
          + " ('on-air', 'Đang chiếu', 'APPROVED', 2, 'an', 'an', 'binh', " + now + ", NULL, " + now + ", " + now + "),"
          + " ('refused', 'Bị từ chối', 'REJECTED', 1, 'an', 'an', 'binh', " + now + ", 'Sai', " + now + ", " + now + "),"
          + " ('withdrawn', 'Đã ngừng', 'REJECTED', 1, 'an', 'an', 'chi', " + now + ", 'Hết', " + now + ", " + now + ")");
      // Before RETIRED a retire stored REJECTED; the audit log says which rejections were retires.
      s.executeUpdate("INSERT INTO audit_log (at, actor, action, subject_type, subject_id) VALUES"
          + " (" + now + ", 'an', 'submit', 'content', 'withdrawn'), (" + now + ", 'binh', 'approve', 'content', 'withdrawn'),"
          + " (" + now + ", 'chi', 'retire', 'content', 'withdrawn'), (" + now + ", 'an', 'submit', 'content', 'refused'),"
          + " (" + now + ", 'binh', 'reject', 'content', 'refused')");
      s.executeUpdate("INSERT INTO content_variants (content_id, ordinal, language, text, seconds) VALUES"
          + " ('on-air', 0, 'vi', 'Xin chào', 10), ('on-air', 1, 'en', 'Hello', 10), ('refused', 0, 'vi', 'Sai', 5)");
      s.executeUpdate("INSERT INTO playlists (id, name, created_at, updated_at) VALUES ('list', 'List', " + now + ", " + now + ")");
      s.executeUpdate("INSERT INTO playlist_items (playlist_id, ordinal, content_id, weight) VALUES ('list', 0, 'on-air', 1)");
      s.executeUpdate("INSERT INTO screen_playlist_entries (screen_id, position, content_id) VALUES ('hall', 1, 'refused')");
    }

    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, file);
    try {
      var content = new io.gatecast.controller.content.ContentRepository();
      var onAir = db.transaction(c -> content.find(c, "on-air")).await().orElseThrow();
      assertThat(onAir.status().name()).isEqualTo("APPROVED");
      assertThat(onAir.revision()).isEqualTo(2);
      assertThat(onAir.reviewedBy()).isEqualTo("binh");
      assertThat(onAir.variants()).extracting(v -> v.language() + ":" + v.text()).containsExactly("vi:Xin chào", "en:Hello");
      var refused = db.transaction(c -> content.find(c, "refused")).await().orElseThrow();
      assertThat(refused.status().name()).isEqualTo("REJECTED");
      assertThat(refused.reviewReason()).isEqualTo("Sai");
      var withdrawn = db.transaction(c -> content.find(c, "withdrawn")).await().orElseThrow();
      assertThat(withdrawn.status().name()).as("its last change was a retire").isEqualTo("RETIRED");
      assertThat(withdrawn.reviewReason()).isEqualTo("Hết");
      assertThat(db.transaction(c -> new ScreenPlaylistRepository().of(c, "hall")).await()).isEqualTo(List.of("refused"));

      boolean retired = db.transaction(c -> content.review(c, "on-air", 2,
          io.gatecast.controller.content.ContentStatus.RETIRED, "binh", "Hết đợt", java.time.Instant.EPOCH)).await();
      assertThat(retired).isTrue();
      assertThat(db.transaction(c -> content.find(c, "on-air")).await().orElseThrow().status().name()).isEqualTo("RETIRED");
    } finally {
      db.close();
      vertx.close().await();
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      assertThat(s.executeQuery("PRAGMA foreign_key_check").next()).as("no dangling reference").isFalse();
      assertThat(s.executeQuery("SELECT count(*) FROM playlist_items WHERE content_id = 'on-air'").getInt(1)).isEqualTo(1);
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM content_items WHERE id = 'on-air'"))
          .as("the playlists' references to content_items still hold").hasMessageContaining("FOREIGN KEY");
    }
  }
  @Test
  void layoutAttachmentsKeepTheirLayoutAndTakeItsShapeAndAGateMayThenHoldOnePerShape(@TempDir Path tmp) throws SQLException {
    Path file = tmp.resolve("gatecast.db");
    String url = migratedTo(file, "81");
    String now = "'2026-12-01T00:00:00Z'";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO layouts (id, spec_json, created_at, updated_at) VALUES"
          + " ('hall', '{\"id\":\"hall\",\"template\":\"full\",\"shape\":\"LANDSCAPE_16_9\",\"regions\":[]}', "
          + now + ", " + now + "),"
          + " ('totem', '{\"id\":\"totem\",\"template\":\"full\",\"shape\":\"PORTRAIT_9_16\",\"regions\":[]}', "
          + now + ", " + now + ")");
      s.executeUpdate("INSERT INTO playlists (id, name, created_at, updated_at) VALUES ('tet-list', 'Tết', " + now + ", " + now + ")");
      s.executeUpdate("INSERT INTO campaigns (id, name, playlist_id, spec_json, created_at, updated_at) VALUES"
          + " ('tet', 'Tết', 'tet-list', '{}', " + now + ", " + now + ")");
      s.executeUpdate("INSERT INTO layout_assignments (target_kind, target_id, layout_id) VALUES"
          + " ('GATE', 'default', 'hall'), ('SCREEN', 'totem-1', 'totem'), ('CAMPAIGN', 'tet', 'hall')");
    }

    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, file);
    try {
      var layouts = new io.gatecast.controller.layouts.LayoutRepository();
      assertThat(db.transaction(layouts::assignments).await()).extracting(a -> a.target() + " " + a.targetId() + " "
          + a.layoutId() + " " + a.shape()).containsExactly("CAMPAIGN tet hall LANDSCAPE_16_9",
          "GATE default hall LANDSCAPE_16_9", "SCREEN totem-1 totem PORTRAIT_9_16");
      db.transaction(c -> {
        layouts.assign(c, new io.gatecast.controller.layouts.LayoutAssignment(
            io.gatecast.controller.layouts.LayoutTarget.GATE, "default", "totem", io.gatecast.protocol.layout.ScreenShape.PORTRAIT_9_16));
        return null;
      }).await();
      assertThat(db.transaction(c -> layouts.using(c, "hall")).await()).hasSize(2);
      assertThat(db.transaction(c -> layouts.using(c, "totem")).await()).extracting(a -> a.target() + " " + a.targetId())
          .containsExactly("GATE default", "SCREEN totem-1");
    } finally {
      db.close();
      vertx.close().await();
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO layout_assignments (target_kind, target_id, shape, layout_id)"
          + " VALUES ('GATE', 'default', 'SQUARE', 'hall')")).as("only the two shapes").hasMessageContaining("CHECK");
    }
  }

  @Test
  void anAttachmentGoesWithItsDeletedCampaignOrGateAndOnesLeftBehindBeforeAreRemoved(@TempDir Path tmp) throws SQLException {
    Path file = tmp.resolve("gatecast.db");
    String url = migratedTo(file, "85");
    String now = "'2026-12-01T00:00:00Z'";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO layouts (id, spec_json, created_at, updated_at) VALUES"
          + " ('hall', '{\"id\":\"hall\",\"template\":\"full\",\"shape\":\"LANDSCAPE_16_9\",\"regions\":[]}', " + now + ", " + now + ")");
      s.executeUpdate("INSERT INTO clusters (id, name, province, zone, languages, created_at) VALUES"
          + " ('kim-thanh', 'Kim Thành', 'Lào Cai', 'Asia/Ho_Chi_Minh', '[\"vi\"]', " + now + ")");
      s.executeUpdate("INSERT INTO playlists (id, name, created_at, updated_at) VALUES ('fair-list', 'Fair', " + now + ", " + now + ")");
      s.executeUpdate("INSERT INTO campaigns (id, name, playlist_id, spec_json, created_at, updated_at) VALUES"
          + " ('fair', 'Fair', 'fair-list', '{}', " + now + ", " + now + ")");
      s.executeUpdate("INSERT INTO layout_assignments (target_kind, target_id, shape, layout_id) VALUES"
          + " ('GATE', 'kim-thanh', 'LANDSCAPE_16_9', 'hall'), ('CAMPAIGN', 'fair', 'LANDSCAPE_16_9', 'hall'),"
          + " ('CAMPAIGN', 'deleted-before', 'LANDSCAPE_16_9', 'hall'), ('GATE', 'gone-gate', 'LANDSCAPE_16_9', 'hall'),"
          + " ('SCREEN', 'totem-1', 'LANDSCAPE_16_9', 'hall')");
    }
    migrateAll(url);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      assertThat(targets(s)).containsExactly("CAMPAIGN fair", "GATE kim-thanh", "SCREEN totem-1");
      s.executeUpdate("DELETE FROM campaigns WHERE id = 'fair'");
      assertThat(targets(s)).containsExactly("GATE kim-thanh", "SCREEN totem-1");
      s.executeUpdate("DELETE FROM clusters WHERE id = 'kim-thanh'");
      assertThat(targets(s)).containsExactly("SCREEN totem-1");
    }
  }

  @Test
  void eachScreensNewestSignedScheduleMovesToItsOwnRowAndTheOthersGo(@TempDir Path tmp) throws SQLException {
    Path file = tmp.resolve("gatecast.db");
    String url = migratedTo(file, "87");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO screens (id, name, created_at, published_version) VALUES"
          + " ('hall-1', 'Hall 1', '2026-12-01T00:00:00Z', 3), ('hall-2', 'Hall 2', '2026-12-01T00:00:00Z', 1)");
      // Hall 1: versions 1 and 2 signed, 3 could not be signed (it plays 2); hall 2: one version.
      s.executeUpdate("INSERT INTO deliveries (screen_id, version, sent_at, envelope, outcome) VALUES"
          + " ('hall-1', 1, '2026-12-01T01:00:00Z', x'01', 'APPLIED'), ('hall-1', 2, '2026-12-01T02:00:00Z', x'02', 'APPLIED'),"
          + " ('hall-1', 3, '2026-12-01T03:00:00Z', NULL, 'FAILED'), ('hall-2', 1, '2026-12-01T01:00:00Z', x'01', 'PENDING')");
    }
    migrateAll(url);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        var rows = s.executeQuery("SELECT screen_id, version, hex(envelope) FROM signed_schedules ORDER BY 1")) {
      List<String> kept = new java.util.ArrayList<>();
      while (rows.next()) {
        kept.add(rows.getString(1) + " " + rows.getLong(2) + " " + rows.getString(3));
      }
      assertThat(kept).containsExactly("hall-1 2 02", "hall-2 1 01");
    }
  }

  @Test
  void theRulesLastPublishedToEachScreenMoveToATableOfTheirOwnAndTheScreensRowsShrink(@TempDir Path tmp)
      throws SQLException {
    Path file = tmp.resolve("gatecast.db");
    String url = migratedTo(file, "88");
    String rules = "{\"profile\":{\"screenId\":\"hall-1\"},\"items\":[]}";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      // Hall 1 was published; hall 2 never was (or its last send failed).
      s.executeUpdate("INSERT INTO screens (id, name, created_at, published_version, published_items) VALUES"
          + " ('hall-1', 'Hall 1', '2026-12-01T00:00:00Z', 4, '" + rules + "'),"
          + " ('hall-2', 'Hall 2', '2026-12-01T00:00:00Z', 2, NULL)");
    }
    migrateAll(url);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      try (var rows = s.executeQuery("SELECT screen_id, rules FROM published_rules")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1) + " " + rows.getString(2)).isEqualTo("hall-1 " + rules);
        assertThat(rows.next()).isFalse();
      }
      try (var rows = s.executeQuery("SELECT id, published_version FROM screens ORDER BY id")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(2)).isEqualTo(4);
      }
      assertThatThrownBy(() -> s.executeQuery("SELECT published_items FROM screens")).isInstanceOf(SQLException.class);
    }
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, file)) {
      var screens = new io.gatecast.controller.screens.ScreenRepository();
      assertThat(db.transaction(c -> screens.publishedRulesAll(c)).await())
          .containsEntry("hall-1", rules).containsEntry("hall-2", null).hasSize(2);
    } finally {
      vertx.close().await();
    }
  }

  /**
   * Where each screen has been is seeded from what the store knows: the moves the audit log recorded, the
   * gate a screen began at (the one its first move left), and, for a screen whose last recorded move is not
   * where it is (moved in a way the log did not say), its gate today for its whole life.
   */
  @Test
  void eachScreensGatesAreSeededFromTheMovesTheAuditLogRecorded(@TempDir Path tmp) throws SQLException {
    Path file = tmp.resolve("gatecast.db");
    String url = migratedTo(file, "91");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO clusters (id, name, province, zone, languages, created_at) VALUES"
          + " ('lao-cai', 'Lào Cai', 'Lào Cai', 'Asia/Ho_Chi_Minh', '[\"vi\"]', '2026-01-01T00:00:00Z'),"
          + " ('kim-thanh', 'Kim Thành', 'Lào Cai', 'Asia/Ho_Chi_Minh', '[\"vi\"]', '2026-01-01T00:00:00Z')");
      s.executeUpdate("INSERT INTO screens (id, name, created_at, cluster_id) VALUES"
          + " ('moved', 'Moved', '2026-02-01T00:00:00Z', 'kim-thanh'),"
          + " ('stayed', 'Stayed', '2026-02-01T00:00:00.5Z', 'lao-cai'),"
          + " ('unsaid', 'Unsaid', '2026-02-01T00:00:00Z', 'lao-cai')");
      s.executeUpdate("INSERT INTO audit_log (at, actor, action, subject_type, subject_id, before_json, after_json)"
          + " VALUES ('2026-03-01T08:00:00.250Z', 'kythuat', 'update', 'screen', 'moved',"
          + " '{\"clusterId\":\"lao-cai\",\"location\":null}', '{\"clusterId\":\"kim-thanh\",\"location\":null}'),"
          + " ('2026-03-02T08:00:00Z', 'kythuat', 'update', 'screen', 'stayed',"
          + " '{\"clusterId\":\"lao-cai\",\"location\":null}', '{\"clusterId\":\"lao-cai\",\"location\":\"hall\"}'),"
          + " ('2026-03-03T08:00:00Z', 'kythuat', 'update', 'screen', 'unsaid',"
          + " '{\"clusterId\":\"lao-cai\"}', '{\"clusterId\":\"kim-thanh\"}')");
    }
    migrateAll(url);
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, file)) {
      var history = db.transaction(new io.gatecast.controller.screens.ScreenSetupRepository()::gateHistory).await();
      assertThat(history.get("moved")).extracting(stay -> stay.clusterId() + " " + stay.since()).containsExactly(
          "lao-cai 2026-02-01T00:00:00Z", "kim-thanh 2026-03-01T08:00:00.250Z");
      assertThat(history.get("stayed")).extracting(stay -> stay.clusterId() + " " + stay.since())
          .containsExactly("lao-cai 2026-02-01T00:00:00.500Z");
      assertThat(history.get("unsaid")).as("moved back unsaid: counted at its gate today")
          .extracting(stay -> stay.clusterId() + " " + stay.since()).containsExactly("lao-cai 2026-02-01T00:00:00Z");
    } finally {
      vertx.close().await();
    }
  }

  /**
   * The plays stored before the gates' totals (V93) are counted into them: per gate, quarter hour, item,
   * campaign (none as '') and language, so a report over the past reads the same from the totals.
   */
  @Test
  void thePlaysStoredBeforeAreCountedIntoTheGatesTotals(@TempDir Path tmp) throws SQLException {
    Path file = tmp.resolve("gatecast.db");
    String url = migratedTo(file, "92");
    long quarter = 1_964_000L * 900_000L; // a quarter hour's first millisecond
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO screens (id, name, created_at) VALUES ('hall', 'Hall', '2026-01-01T00:00:00Z')");
      s.executeUpdate("INSERT INTO plays (screen_id, play_id, cluster_id, item_id, campaign_id, language, started_ms,"
          + " ended_ms, received_at) VALUES"
          + " ('hall', 'a', 'lao-cai', 'news', 'tet', 'vi', " + quarter + ", " + (quarter + 10_000) + ", 'x'),"
          + " ('hall', 'b', 'lao-cai', 'news', 'tet', 'vi', " + (quarter + 899_999) + ", " + (quarter + 905_000) + ", 'x'),"
          + " ('hall', 'c', 'lao-cai', 'news', NULL, 'vi', " + (quarter + 60_000) + ", " + (quarter + 70_000) + ", 'x'),"
          + " ('hall', 'd', 'lao-cai', 'news', 'tet', 'vi', " + (quarter + 900_000) + ", " + (quarter + 901_000) + ", 'x'),"
          + " ('hall', 'e', 'kim-thanh', 'news', 'tet', 'vi', " + quarter + ", " + (quarter + 2_000) + ", 'x')");
    }
    migrateAll(url);
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(Sql.list(c, "SELECT cluster_id, quarter_hour, item_id, campaign_id, language, plays, airtime_ms"
          + " FROM play_totals ORDER BY cluster_id DESC, quarter_hour, campaign_id", row -> row.getString(1) + " "
          + (row.getLong(2) - 1_964_000L) + " " + row.getString(3) + " '" + row.getString(4) + "' " + row.getString(5)
          + " " + row.getLong(6) + " " + row.getLong(7))).containsExactly(
          "lao-cai 0 news '' vi 1 10000",
          "lao-cai 0 news 'tet' vi 2 15001",
          "lao-cai 1 news 'tet' vi 1 1000",
          "kim-thanh 0 news 'tet' vi 1 2000");
    }
  }

  /** {@code file} with the schema of version {@code target}; returns its JDBC address. */
  private static String migratedTo(Path file, String target) {
    String url = "jdbc:sqlite:" + file + "?foreign_keys=on";
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target(target).load().migrate();
    return url;
  }

  private static void migrateAll(String url) {
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
  }

  private static List<String> targets(Statement s) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (var rows = s.executeQuery("SELECT target_kind, target_id FROM layout_assignments ORDER BY target_kind, target_id")) {
      while (rows.next()) {
        out.add(rows.getString(1) + " " + rows.getString(2));
      }
    }
    return out;
  }
}
