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
public record ContentUsage(List<String> playlists, List<String> campaigns, List<String> screens, List<String> layouts,
    Map<String, Map<String, String>> names) {
  public ContentUsage {
    playlists = List.copyOf(playlists);
    campaigns = List.copyOf(campaigns);
    screens = List.copyOf(screens);
    layouts = List.copyOf(layouts);
    names = Map.copyOf(names);
  }

  /**
   * {@code layouts}: the ids of the layouts that name the item (the layouts feature knows). The playlists, campaigns
   * and screens are read with the names people gave them ({@link #names}, by kind and id), so a refusal that lists
   * them by id can be said by name in the console; layouts are listed by id.
   */
  public static ContentUsage of(Connection c, String contentId, List<String> layouts) throws SQLException {
    Map<String, String> playlists = named(c, "SELECT DISTINCT playlists.id, playlists.name FROM playlists"
        + " JOIN playlist_items ON playlist_items.playlist_id = playlists.id WHERE playlist_items.content_id = ?"
        + " ORDER BY playlists.id", contentId);
    Map<String, String> campaigns = named(c, "SELECT DISTINCT campaigns.id, campaigns.name FROM campaigns"
        + " JOIN playlist_items ON playlist_items.playlist_id = campaigns.playlist_id WHERE playlist_items.content_id = ?"
        + " ORDER BY campaigns.id", contentId);
    Map<String, String> screens = named(c, "SELECT DISTINCT screens.id, screens.name FROM screens"
        + " JOIN screen_playlist_entries ON screen_playlist_entries.screen_id = screens.id"
        + " WHERE screen_playlist_entries.content_id = ? ORDER BY screens.id", contentId);
    return new ContentUsage(List.copyOf(playlists.keySet()), List.copyOf(campaigns.keySet()),
        List.copyOf(screens.keySet()), layouts,
        Map.of("playlists", playlists, "campaigns", campaigns, "screens", screens));
  }

  /** Id → name of each row, in the rows' order. */
  private static Map<String, String> named(Connection c, String sql, String contentId) throws SQLException {
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
