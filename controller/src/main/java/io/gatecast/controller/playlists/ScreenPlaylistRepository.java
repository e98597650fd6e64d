package io.gatecast.controller.playlists;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import io.gatecast.controller.store.Sql;

/** Each screen's own playlist (its default when no campaign is on): content ids in order. */
public final class ScreenPlaylistRepository {
  /** Appends {@code contentId} to the screen's playlist unless it is already on it. */
  public void append(Connection c, String screenId, String contentId) throws SQLException {
    Sql.update(c,
        "INSERT OR IGNORE INTO screen_playlist_entries (screen_id, position, content_id)"
            + " SELECT ?, coalesce(max(position), 0) + 1, ? FROM screen_playlist_entries WHERE screen_id = ?",
        screenId, contentId, screenId);
  }

  /** Every screen's playlist that has entries, by screen id, each in order: one query for a whole publish. */
  public java.util.Map<String, List<String>> all(Connection c) throws SQLException {
    java.util.Map<String, List<String>> all = new java.util.HashMap<>();
    readInto(all, c, "");
    return all;
  }

  /** {@link #all} for these screens only, in queries of at most 500 ids (screens without a playlist absent). */
  public java.util.Map<String, List<String>> of(Connection c, java.util.Collection<String> screenIds)
      throws SQLException {
    java.util.Map<String, List<String>> found = new java.util.HashMap<>();
    List<String> ids = List.copyOf(screenIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
      readInto(found, c, " WHERE screen_id IN (" + "?,".repeat(part.size() - 1) + "?)", part.toArray());
    }
    return found;
  }

  /**
   * One row a screen, its playlist as a JSON array built by SQLite: a publish reads every screen's
   * playlist, and a row a playlist entry (two strings across JNI, a map entry) was a fifth of planning.
   */
  private static void readInto(java.util.Map<String, List<String>> playlists, Connection c, String where, Object... args)
      throws SQLException {
    for (String[] pair : Sql.list(c, "SELECT screen_id, json_group_array(content_id ORDER BY position)"
        + " FROM screen_playlist_entries" + where + " GROUP BY screen_id",
        row -> new String[] {row.getString(1), row.getString(2)}, args)) {
      playlists.put(pair[0], contentIds(pair[1]));
    }
  }

  private static List<String> contentIds(String jsonArray) {
    try {
      return List.of(io.gatecast.protocol.Codec.mapper().readValue(jsonArray, String[].class));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("SQLite's json_group_array gave what is not a JSON array: " + jsonArray, e);
    }
  }

  /** Takes {@code contentId} off the screen's playlist; false when it was not on it. */
  public boolean remove(Connection c, String screenId, String contentId) throws SQLException {
    return Sql.update(c, "DELETE FROM screen_playlist_entries WHERE screen_id = ? AND content_id = ?",
        screenId, contentId) > 0;
  }

  /** The content ids on the screen's playlist, in order, whatever their review state. */
  public List<String> of(Connection c, String screenId) throws SQLException {
    return Sql.list(c, "SELECT content_id FROM screen_playlist_entries WHERE screen_id = ? ORDER BY position",
        row -> row.getString(1), screenId);
  }
}
