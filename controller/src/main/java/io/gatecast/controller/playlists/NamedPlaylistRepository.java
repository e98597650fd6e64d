package io.gatecast.controller.playlists;

import io.gatecast.controller.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Named playlists; every write replaces a playlist's entries whole. */
public final class NamedPlaylistRepository {
  public void insert(Connection c, String id, String name, List<NamedPlaylist.Entry> entries, Instant now)
      throws SQLException {
    Sql.update(c, "INSERT INTO playlists (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)", id, name,
        now.toString(), now.toString());
    insertEntries(c, id, entries);
  }

  public void replace(Connection c, String id, String name, List<NamedPlaylist.Entry> entries, Instant now)
      throws SQLException {
    Sql.update(c, "UPDATE playlists SET name = ?, updated_at = ? WHERE id = ?", name, now.toString(), id);
    Sql.update(c, "DELETE FROM playlist_items WHERE playlist_id = ?", id);
    insertEntries(c, id, entries);
  }

  /** Deletes the playlist and its entries (they cascade); the caller has checked nothing plays it. */
  public void delete(Connection c, String id) throws SQLException {
    Sql.update(c, "DELETE FROM playlists WHERE id = ?", id);
  }

  public boolean exists(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT 1 FROM playlists WHERE id = ?", row -> true, id).isPresent();
  }

  public Optional<NamedPlaylist> find(Connection c, String id) throws SQLException {
    Optional<Object[]> row = Sql.one(c, "SELECT id, name, created_at, updated_at FROM playlists WHERE id = ?",
        r -> new Object[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)}, id);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = row.get();
    List<NamedPlaylist.Entry> entries = Sql.list(c, "SELECT content_id, weight, position FROM playlist_items"
        + " WHERE playlist_id = ? ORDER BY ordinal", e -> new NamedPlaylist.Entry(e.getString(1), e.getInt(2),
        e.getObject(3) == null ? null : e.getInt(3)), id);
    return Optional.of(new NamedPlaylist((String) r[0], (String) r[1], entries, Instant.parse((String) r[2]),
        Instant.parse((String) r[3])));
  }

  public List<NamedPlaylist> all(Connection c) throws SQLException {
    List<NamedPlaylist> all = new ArrayList<>();
    for (String id : Sql.list(c, "SELECT id FROM playlists ORDER BY id", row -> row.getString(1))) {
      all.add(find(c, id).orElseThrow());
    }
    return all;
  }

  private void insertEntries(Connection c, String id, List<NamedPlaylist.Entry> entries) throws SQLException {
    for (int i = 0; i < entries.size(); i++) {
      NamedPlaylist.Entry e = entries.get(i);
      Sql.update(c, "INSERT INTO playlist_items (playlist_id, ordinal, content_id, weight, position)"
          + " VALUES (?, ?, ?, ?, ?)", id, i, e.contentId(), e.weight(), e.position());
    }
  }
}
