package io.gatecast.controller.media;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/** Metadata of the files in the media store. */
public final class MediaRepository {
  private static final String COLUMNS =
      "sha256, mime_type, size_bytes, original_name, created_at, width, height, duration_millis";

  /** Stores {@code media} unless the same bytes are already known; returns what is stored. */
  public Media insertIfAbsent(Connection c, Media media) throws SQLException {
    Sql.update(c, "INSERT OR IGNORE INTO media (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        media.sha256(), media.mimeType(), media.sizeBytes(), media.originalName(), media.createdAt().toString(),
        media.width(), media.height(), media.durationMillis());
    return find(c, media.sha256()).orElseThrow();
  }

  public Optional<Media> find(Connection c, String sha256) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM media WHERE sha256 = ?", MediaRepository::map, sha256);
  }

  public List<Media> all(Connection c) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM media ORDER BY created_at, sha256", MediaRepository::map);
  }

  /** Removes the row; returns false when there was none. */
  public boolean delete(Connection c, String sha256) throws SQLException {
    return Sql.update(c, "DELETE FROM media WHERE sha256 = ?", sha256) == 1;
  }

  private static Media map(ResultSet row) throws SQLException {
    Long width = Sql.nullableLong(row, "width");
    Long height = Sql.nullableLong(row, "height");
    return new Media(row.getString("sha256"), row.getString("mime_type"), row.getLong("size_bytes"),
        row.getString("original_name"), Instant.parse(row.getString("created_at")),
        width == null ? null : width.intValue(), height == null ? null : height.intValue(),
        Sql.nullableLong(row, "duration_millis"));
  }
}
