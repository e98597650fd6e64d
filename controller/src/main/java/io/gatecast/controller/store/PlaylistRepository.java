package io.gatecast.controller.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Each screen's playlist: the content ids it plays, in order. */
public final class PlaylistRepository {
  /** Appends {@code contentId} to the screen's playlist unless it is already on it. */
  public void append(Connection c, String screenId, String contentId) throws SQLException {
    Sql.update(c,
        "INSERT OR IGNORE INTO playlist_entries (screen_id, position, content_id)"
            + " SELECT ?, coalesce(max(position), 0) + 1, ? FROM playlist_entries WHERE screen_id = ?",
        screenId, contentId, screenId);
  }

  public List<Content> of(Connection c, String screenId) throws SQLException {
    return Sql.list(c,
        "SELECT c.id, c.title, c.media_sha256, c.duration_seconds, c.created_at FROM playlist_entries p"
            + " JOIN content c ON c.id = p.content_id WHERE p.screen_id = ? ORDER BY p.position",
        row -> new Content(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
            Instant.parse(row.getString(5))),
        screenId);
  }
}
