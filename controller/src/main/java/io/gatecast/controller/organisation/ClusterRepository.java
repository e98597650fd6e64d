package io.gatecast.controller.organisation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import io.gatecast.controller.store.JsonColumns;
import io.gatecast.controller.store.Sql;

/** Clusters: one per border gate. */
public final class ClusterRepository {
  private static final String COLUMNS = "id, name, province, zone, languages,"
      + " (SELECT playlist_id FROM cluster_default_playlists d WHERE d.cluster_id = clusters.id) AS default_playlist_id";

  public void insert(Connection c, Cluster cluster, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO clusters (id, name, province, zone, languages, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        cluster.id(), cluster.name(), cluster.province(), cluster.zone(), JsonColumns.write(cluster.languages()),
        now.toString());
    setDefaultPlaylist(c, cluster.id(), cluster.defaultPlaylistId());
  }

  /** Returns false for an unknown cluster. */
  public boolean update(Connection c, Cluster cluster) throws SQLException {
    boolean found = Sql.update(c, "UPDATE clusters SET name = ?, province = ?, zone = ?, languages = ? WHERE id = ?",
        cluster.name(), cluster.province(), cluster.zone(), JsonColumns.write(cluster.languages()), cluster.id()) == 1;
    if (found) {
      setDefaultPlaylist(c, cluster.id(), cluster.defaultPlaylistId());
    }
    return found;
  }

  /** Sets (or, with null, clears) the gate's default playlist. */
  private void setDefaultPlaylist(Connection c, String clusterId, String playlistId) throws SQLException {
    Sql.update(c, "DELETE FROM cluster_default_playlists WHERE cluster_id = ?", clusterId);
    if (playlistId != null) {
      Sql.update(c, "INSERT INTO cluster_default_playlists (cluster_id, playlist_id) VALUES (?, ?)", clusterId, playlistId);
    }
  }

  /** Every gate's default playlist id, by cluster id; gates without one are absent. */
  public Map<String, String> defaultPlaylists(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    for (String[] row : Sql.list(c, "SELECT cluster_id, playlist_id FROM cluster_default_playlists",
        r -> new String[] {r.getString(1), r.getString(2)})) {
      out.put(row[0], row[1]);
    }
    return out;
  }

  public boolean delete(Connection c, String id) throws SQLException {
    return Sql.update(c, "DELETE FROM clusters WHERE id = ?", id) == 1;
  }

  public boolean exists(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT 1 FROM clusters WHERE id = ?", row -> true, id).isPresent();
  }

  public Optional<Cluster> find(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM clusters WHERE id = ?", ClusterRepository::map, id);
  }

  public List<Cluster> all(Connection c) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM clusters ORDER BY id", ClusterRepository::map);
  }

  /** How many screens are in the cluster (a cluster with screens cannot be deleted). */
  public int screenCount(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT count(*) FROM screens WHERE cluster_id = ?", row -> row.getInt(1), id).orElse(0);
  }

  private static Cluster map(ResultSet row) throws SQLException {
    return new Cluster(row.getString("id"), row.getString("name"), row.getString("province"), row.getString("zone"),
        JsonColumns.read(row.getString("languages")), row.getString("default_playlist_id"));
  }
}
