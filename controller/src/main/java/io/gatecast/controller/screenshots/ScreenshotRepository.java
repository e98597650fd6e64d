package io.gatecast.controller.screenshots;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/** Screenshots uploaded by screens: which screen sent which picture. */
public final class ScreenshotRepository {
  public record Screenshot(String screenId, String sha256, String mimeType, long sizeBytes, Instant uploadedAt) {}

  public void insertIfAbsent(Connection c, Screenshot shot) throws SQLException {
    Sql.update(c, "INSERT OR IGNORE INTO screenshots (screen_id, sha256, mime_type, size_bytes, uploaded_at) VALUES (?, ?, ?, ?, ?)",
        shot.screenId(), shot.sha256(), shot.mimeType(), shot.sizeBytes(), shot.uploadedAt().toString());
  }

  public Optional<Screenshot> find(Connection c, String screenId, String sha256) throws SQLException {
    return Sql.one(c, "SELECT screen_id, sha256, mime_type, size_bytes, uploaded_at FROM screenshots WHERE screen_id = ? AND sha256 = ?",
        row -> new Screenshot(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
            Instant.parse(row.getString(5))), screenId, sha256);
  }
}
