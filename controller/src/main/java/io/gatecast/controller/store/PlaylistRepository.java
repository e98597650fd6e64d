package io.gatecast.controller.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Each screen's own playlist (its default when no campaign is on): content ids in order. */
public final class PlaylistRepository {
  /** Appends {@code contentId} to the screen's playlist unless it is already on it. */
  public void append(Connection c, String screenId, String contentId) throws SQLException {
    Sql.update(c,
        "INSERT OR IGNORE INTO screen_playlist_entries (screen_id, position, content_id)"
            + " SELECT ?, coalesce(max(position), 0) + 1, ? FROM screen_playlist_entries WHERE screen_id = ?",
        screenId, contentId, screenId);
  }

  /** The content ids on the screen's playlist, in order, whatever their review state. */
  public List<String> of(Connection c, String screenId) throws SQLException {
    return Sql.list(c, "SELECT content_id FROM screen_playlist_entries WHERE screen_id = ? ORDER BY position",
        row -> row.getString(1), screenId);
  }
}
