package io.gatecast.controller.screens;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.store.JsonColumns;
import io.gatecast.controller.store.Sql;

/** The organisational columns of {@code screens}: cluster, place, languages, tags, revocation. */
public final class ScreenSetupRepository {
  private static final String COLUMNS = "cluster_id, location, resolution, orientation, languages, tags, revoked_at";

  public Optional<ScreenSetup> find(Connection c, String screenId) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM screens WHERE id = ?", ScreenSetupRepository::map, screenId);
  }

  /** Every screen's setup by screen id, in id order: one query for a whole publish. */
  public Map<String, ScreenSetup> all(Connection c) throws SQLException {
    Map<String, ScreenSetup> all = new LinkedHashMap<>();
    for (Map.Entry<String, ScreenSetup> e : Sql.list(c, "SELECT id, " + COLUMNS + " FROM screens ORDER BY id",
        row -> Map.entry(row.getString("id"), map(row)))) {
      all.put(e.getKey(), e.getValue());
    }
    return all;
  }

  /** The setups of these screens, by screen id (unknown ids absent), in queries of at most 500 ids. */
  public Map<String, ScreenSetup> of(Connection c, java.util.Collection<String> screenIds) throws SQLException {
    Map<String, ScreenSetup> found = new java.util.HashMap<>();
    List<String> ids = List.copyOf(screenIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
      for (Map.Entry<String, ScreenSetup> e : Sql.list(c, "SELECT id, " + COLUMNS + " FROM screens WHERE id IN ("
          + "?,".repeat(part.size() - 1) + "?)", row -> Map.entry(row.getString("id"), map(row)), part.toArray())) {
        found.put(e.getKey(), e.getValue());
      }
    }
    return found;
  }

  /**
   * Writes everything but the revocation; a screen placed at another gate (or its first) is at that gate from
   * {@code at} on ({@link #gateHistory}). Returns false for an unknown screen.
   */
  public boolean update(Connection c, String screenId, ScreenSetup setup, Instant at) throws SQLException {
    boolean found = Sql.update(c, "UPDATE screens SET cluster_id = ?, location = ?, resolution = ?, orientation = ?,"
            + " languages = ?, tags = ? WHERE id = ?",
        setup.clusterId(), setup.location(), setup.resolution(), setup.orientation(),
        JsonColumns.write(setup.languages()), JsonColumns.write(setup.tags()), screenId) == 1;
    if (!found) {
      return false;
    }
    Optional<String> was = Sql.one(c, "SELECT cluster_id FROM screen_gate_history WHERE screen_id = ?"
        + " ORDER BY since_ms DESC LIMIT 1", row -> row.getString(1), screenId);
    if (!was.equals(Optional.of(setup.clusterId()))) {
      Sql.update(c, "INSERT OR REPLACE INTO screen_gate_history (screen_id, cluster_id, since_ms) VALUES (?, ?, ?)",
          screenId, setup.clusterId(), at.toEpochMilli());
    }
    return true;
  }

  /** The gates every screen has been placed at, oldest first, by screen id. */
  public Map<String, List<GateStays.Stay>> gateHistory(Connection c) throws SQLException {
    Map<String, List<GateStays.Stay>> history = new java.util.HashMap<>();
    for (Map.Entry<String, GateStays.Stay> e : Sql.list(c, "SELECT screen_id, cluster_id, since_ms FROM"
        + " screen_gate_history ORDER BY screen_id, since_ms", row -> Map.entry(row.getString(1),
        new GateStays.Stay(row.getString(2), Instant.ofEpochMilli(row.getLong(3)))))) {
      history.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue());
    }
    return history;
  }

  /** Cuts the screen off: marks it revoked and forgets its MQTT password hash, so no login can succeed. */
  public boolean revoke(Connection c, String screenId, Instant now) throws SQLException {
    return Sql.update(c, "UPDATE screens SET revoked_at = coalesce(revoked_at, ?), mqtt_password_hash = NULL,"
        + " mqtt_password_bcrypt = NULL"
        + " WHERE id = ?", now.toString(), screenId) == 1;
  }

  /** Lets a revoked screen be enrolled again (a replacement kiosk); it still needs a new password. */
  public void reinstate(Connection c, String screenId) throws SQLException {
    Sql.update(c, "UPDATE screens SET revoked_at = NULL WHERE id = ?", screenId);
  }

  /** The cluster of every screen that is not revoked, by screen id. */
  public Map<String, String> clusterOfActiveScreens(Connection c) throws SQLException {
    Map<String, String> clusters = new LinkedHashMap<>();
    for (String[] pair : Sql.list(c, "SELECT id, cluster_id FROM screens WHERE revoked_at IS NULL ORDER BY id",
        row -> new String[] {row.getString(1), row.getString(2)})) {
      clusters.put(pair[0], pair[1]);
    }
    return clusters;
  }

  /** Every screen not revoked with its MQTT password hash (null where it has none), in id order. */
  public Map<String, String> passwordHashesOfActiveScreens(Connection c) throws SQLException {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String[] pair : Sql.list(c, "SELECT id, mqtt_password_hash FROM screens WHERE revoked_at IS NULL ORDER BY id",
        row -> new String[] {row.getString(1), row.getString(2)})) {
      hashes.put(pair[0], pair[1]);
    }
    return hashes;
  }

  /** Every screen not revoked with its MQTT password's bcrypt hash (null where it has none), in id order. */
  public Map<String, String> bcryptHashesOfActiveScreens(Connection c) throws SQLException {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String[] pair : Sql.list(c, "SELECT id, mqtt_password_bcrypt FROM screens WHERE revoked_at IS NULL ORDER BY id",
        row -> new String[] {row.getString(1), row.getString(2)})) {
      hashes.put(pair[0], pair[1]);
    }
    return hashes;
  }

  /** Screens in the cluster, in id order. */
  public List<String> screensIn(Connection c, String clusterId) throws SQLException {
    return Sql.list(c, "SELECT id FROM screens WHERE cluster_id = ? ORDER BY id", row -> row.getString(1), clusterId);
  }

  private static ScreenSetup map(ResultSet row) throws SQLException {
    String revokedAt = row.getString("revoked_at");
    List<String> tags = JsonColumns.read(row.getString("tags"));
    String cluster = row.getString("cluster_id");
    return new ScreenSetup(cluster == null ? Cluster.DEFAULT_ID : cluster, row.getString("location"),
        row.getString("resolution"), row.getString("orientation"), JsonColumns.read(row.getString("languages")),
        tags == null ? List.of() : tags, revokedAt == null ? null : Instant.parse(revokedAt));
  }
}
