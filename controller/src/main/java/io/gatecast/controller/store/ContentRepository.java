package io.gatecast.controller.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Content items. */
public final class ContentRepository {
  private static final String COLUMNS = "id, title, media_sha256, duration_seconds, created_at";

  public void insert(Connection c, Content content) throws SQLException {
    Sql.update(c,
        "INSERT INTO content (id, title, media_sha256, duration_seconds, created_at) VALUES (?, ?, ?, ?, ?)",
        content.id(), content.title(), content.mediaSha256(), content.durationSeconds(), content.createdAt().toString());
  }

  public boolean exists(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT 1 FROM content WHERE id = ?", row -> true, id).isPresent();
  }

  public Optional<Content> find(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM content WHERE id = ?", ContentRepository::map, id);
  }

  public List<Content> all(Connection c) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM content ORDER BY created_at, id", ContentRepository::map);
  }

  private static Content map(ResultSet row) throws SQLException {
    return new Content(row.getString("id"), row.getString("title"), row.getString("media_sha256"),
        row.getLong("duration_seconds"), Instant.parse(row.getString("created_at")));
  }
}
