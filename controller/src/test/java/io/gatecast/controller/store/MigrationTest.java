package io.gatecast.controller.store;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A skeleton-era database (schema V3) keeps its content and playlists, now waiting for approval. */
class MigrationTest {
  @Test
  void skeletonContentBecomesOnePendingVietnameseVariantAndPlaylistsSurvive(@TempDir Path tmp) throws SQLException {
    Path file = tmp.resolve("gatecast.db");
    String url = "jdbc:sqlite:" + file + "?foreign_keys=on";
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("3").load().migrate();
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
}
