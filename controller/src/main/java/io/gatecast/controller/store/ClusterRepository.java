package io.gatecast.controller.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Clusters: one per border gate. */
public final class ClusterRepository {
  private static final String COLUMNS = "id, name, province, zone, languages";

  public void insert(Connection c, Cluster cluster, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO clusters (id, name, province, zone, languages, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        cluster.id(), cluster.name(), cluster.province(), cluster.zone(), JsonColumns.write(cluster.languages()),
        now.toString());
  }

  /** Returns false for an unknown cluster. */
  public boolean update(Connection c, Cluster cluster) throws SQLException {
    return Sql.update(c, "UPDATE clusters SET name = ?, province = ?, zone = ?, languages = ? WHERE id = ?",
        cluster.name(), cluster.province(), cluster.zone(), JsonColumns.write(cluster.languages()), cluster.id()) == 1;
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
        JsonColumns.read(row.getString("languages")));
  }
}
