package io.gatecast.controller.content;

import io.gatecast.controller.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What plays a content item: the playlists that hold it, the campaigns that play those playlists,
 * the screens whose own playlist holds it, and the layouts that name it (a ticker line, a QR link,
 * a countdown's title, a clock's place name, an entry of a region's playlist). An item in use is
 * never deleted, and the refusal names them all so the operator knows what to change first.
 */
public record ContentUsage(List<String> playlists, List<String> campaigns, List<String> screens, List<String> layouts) {
  public ContentUsage {
    playlists = List.copyOf(playlists);
    campaigns = List.copyOf(campaigns);
    screens = List.copyOf(screens);
    layouts = List.copyOf(layouts);
  }

  /** {@code layouts}: the ids of the layouts that name the item (the layouts feature knows). */
  public static ContentUsage of(Connection c, String contentId, List<String> layouts) throws SQLException {
    List<String> playlists = Sql.list(c, "SELECT DISTINCT playlist_id FROM playlist_items WHERE content_id = ?"
        + " ORDER BY playlist_id", row -> row.getString(1), contentId);
    List<String> campaigns = Sql.list(c, "SELECT DISTINCT campaigns.id FROM campaigns JOIN playlist_items"
        + " ON playlist_items.playlist_id = campaigns.playlist_id WHERE playlist_items.content_id = ?"
        + " ORDER BY campaigns.id", row -> row.getString(1), contentId);
    List<String> screens = Sql.list(c, "SELECT DISTINCT screen_id FROM screen_playlist_entries WHERE content_id = ?"
        + " ORDER BY screen_id", row -> row.getString(1), contentId);
    return new ContentUsage(playlists, campaigns, screens, layouts);
  }

  /**
   * The names people gave the playlists, campaigns and screens that use the item, by kind and id: a refusal that
   * lists them by id is said by name in the console. (Layouts are the layouts feature's; listed by id.)
   */
  public static Map<String, Map<String, String>> namesOf(Connection c, String contentId) throws SQLException {
    Map<String, Map<String, String>> names = new LinkedHashMap<>();
    names.put("playlists", pairs(c, "SELECT DISTINCT playlists.id, playlists.name FROM playlists JOIN playlist_items"
        + " ON playlist_items.playlist_id = playlists.id WHERE playlist_items.content_id = ?", contentId));
    names.put("campaigns", pairs(c, "SELECT DISTINCT campaigns.id, campaigns.name FROM campaigns JOIN playlist_items"
        + " ON playlist_items.playlist_id = campaigns.playlist_id WHERE playlist_items.content_id = ?", contentId));
    names.put("screens", pairs(c, "SELECT DISTINCT screens.id, screens.name FROM screens JOIN screen_playlist_entries"
        + " ON screen_playlist_entries.screen_id = screens.id WHERE screen_playlist_entries.content_id = ?", contentId));
    return names;
  }

  private static Map<String, String> pairs(Connection c, String sql, String contentId) throws SQLException {
    Map<String, String> byId = new LinkedHashMap<>();
    for (String[] row : Sql.list(c, sql, r -> new String[] {r.getString(1), r.getString(2)}, contentId)) {
      byId.put(row[0], row[1]);
    }
    return byId;
  }

  public boolean unused() {
    return playlists.isEmpty() && campaigns.isEmpty() && screens.isEmpty() && layouts.isEmpty();
  }
}
