package io.gatecast.controller.screens;

import io.gatecast.controller.broker.BcryptHash;
import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.protocol.ScreenState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/** Screens: registration, health as reported, and the last schedule published to each. */
public final class ScreenRepository {
  private static final String COLUMNS =
      "id, name, created_at, state, last_seen_at, applied_version, current_content_id, published_version, placements,"
          + " applied_cluster_version, failed_cluster_version, placed_cluster_id, (SELECT max(g.version) FROM cluster_schedules g"
          + " WHERE g.cluster_id = screens.placed_cluster_id) AS published_cluster_version";

  public void insert(Connection c, String id, String name, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO screens (id, name, created_at) VALUES (?, ?, ?)", id, name, now.toString());
  }

  public boolean rename(Connection c, String id, String name) throws SQLException {
    return Sql.update(c, "UPDATE screens SET name = ? WHERE id = ?", name, id) == 1;
  }

  public boolean exists(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT 1 FROM screens WHERE id = ?", row -> true, id).isPresent();
  }

  public Optional<RegisteredScreen> find(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM screens WHERE id = ?", ScreenRepository::map, id);
  }

  public List<RegisteredScreen> all(Connection c) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM screens ORDER BY id", ScreenRepository::map);
  }

  /** A screen placed in a gate's schedule: a publish that plans every placed screen as before reads the others only. */
  private static final String PLACED = "placements = 1 AND placed_cluster_id IS NOT NULL";

  /**
   * Up to {@code limit} screens after {@code afterId} (null: from the first), in id order: a page of a streamed
   * publish; with {@code unplacedOnly}, of the screens not placed in a gate's schedule only (whole schedules,
   * none yet, a failed send).
   */
  public List<RegisteredScreen> page(Connection c, String afterId, int limit, boolean unplacedOnly) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM screens WHERE id > ?" + pageOf(unplacedOnly) + " ORDER BY id LIMIT ?",
        ScreenRepository::map, afterId == null ? "" : afterId, limit);
  }

  /** Which screens a page holds, after its first condition. The placement columns are the screen's in either query. */
  private static String pageOf(boolean unplacedOnly) {
    return unplacedOnly ? " AND NOT (" + PLACED + ")" : "";
  }

  /** A screen placed in a gate's schedule: the gate and the profile its last placement put it in. */
  public record Placed(String id, String clusterId, String profileId) {}

  /** Every screen placed in a gate's schedule and not cut off, in id order: the screens an unplaced {@link #page} leaves out. */
  public List<Placed> placed(Connection c) throws SQLException {
    return Sql.list(c, "SELECT id, placed_cluster_id, placed_profile_id FROM screens WHERE " + PLACED
        + " AND revoked_at IS NULL ORDER BY id", row -> new Placed(row.getString(1), row.getString(2), row.getString(3)));
  }

  /** What each screen {@link #placed} was last sent (its placement's JSON), by screen id. */
  public java.util.Map<String, String> placements(Connection c) throws SQLException {
    return publishedRules(c, " WHERE " + PLACED + " AND revoked_at IS NULL"); // screens' columns: the rules' are not named so
  }

  /** The ids in {@code ids} that name no screen. */
  public List<String> unknown(Connection c, Collection<String> ids) throws SQLException {
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (!exists(c, id)) {
        missing.add(id);
      }
    }
    return missing;
  }

  /** Records a heartbeat or last-will. Returns false for a screen nobody registered. */
  public boolean recordStatus(Connection c, String id, ScreenState state, Instant seenAt, Long appliedVersion,
      String currentContentId) throws SQLException {
    return Sql.update(c,
        "UPDATE screens SET state = ?, last_seen_at = ?, applied_version = coalesce(?, applied_version),"
            + " current_content_id = ? WHERE id = ?",
        state.name(), seenAt.toString(), appliedVersion, currentContentId, id) == 1;
  }

  /**
   * Records a live heartbeat: as {@link #recordStatus}, and what only a live agent says — whether it
   * plays placements, and the cluster schedule version it plays its placement in (null: a whole schedule).
   */
  public boolean recordHeartbeat(Connection c, String id, Instant seenAt, Long appliedVersion, String currentContentId,
      boolean placements, Long appliedClusterVersion) throws SQLException {
    return Sql.update(c,
        "UPDATE screens SET state = 'ONLINE', last_seen_at = ?, applied_version = coalesce(?, applied_version),"
            + " current_content_id = ?, placements = ?, applied_cluster_version = ? WHERE id = ?",
        seenAt.toString(), appliedVersion, currentContentId, placements ? 1 : 0, appliedClusterVersion, id) == 1;
  }

  /** The agent answered cluster schedule {@code clusterVersion}: it plays it (APPLIED) or could not (FAILED, why). */
  public void recordClusterAnswer(Connection c, String id, long clusterVersion, boolean applied, String error)
      throws SQLException {
    if (applied) {
      Sql.update(c, "UPDATE screens SET applied_cluster_version = ? WHERE id = ?", clusterVersion, id);
    } else {
      Sql.update(c, "UPDATE screens SET failed_cluster_version = ?, cluster_error = ? WHERE id = ?", clusterVersion,
          error, id);
    }
  }

  /** Marks ONLINE screens not heard from since {@code silentSince} OFFLINE; returns their ids. */
  public List<String> markSilentOffline(Connection c, Instant silentSince) throws SQLException {
    List<String> silent = Sql.list(c,
        "SELECT id FROM screens WHERE state = 'ONLINE' AND (last_seen_at IS NULL OR last_seen_at < ?)",
        row -> row.getString("id"), silentSince.toString());
    for (String id : silent) {
      Sql.update(c, "UPDATE screens SET state = 'OFFLINE' WHERE id = ?", id);
    }
    return silent;
  }

  /** What was last published to every screen (null where nothing was, or its last send failed), by screen id. */
  public java.util.Map<String, String> publishedRulesAll(Connection c) throws SQLException {
    return publishedRules(c, "");
  }

  /** What was last published to screen {@code id}: null when nothing was, or its last send failed. */
  public String publishedRulesOf(Connection c, String id) throws SQLException {
    return publishedRules(c, " WHERE s.id = ?", id).get(id);
  }

  /** {@link #publishedRulesAll} for the page {@link #page} reads with the same arguments. */
  public java.util.Map<String, String> publishedRulesPage(Connection c, String afterId, int limit, boolean unplacedOnly)
      throws SQLException {
    return publishedRules(c, " WHERE s.id > ?" + pageOf(unplacedOnly) + " ORDER BY s.id LIMIT ?",
        afterId == null ? "" : afterId, limit);
  }

  private static java.util.Map<String, String> publishedRules(Connection c, String which, Object... args)
      throws SQLException {
    java.util.Map<String, String> rules = new java.util.HashMap<>();
    for (String[] pair : Sql.list(c, "SELECT s.id, r.rules FROM screens s LEFT JOIN published_rules r ON r.screen_id = s.id"
            + which, row -> new String[] {row.getString(1), row.getString(2)}, args)) {
      rules.put(pair[0], pair[1]);
    }
    return rules;
  }

  /**
   * A screen's newly published version and rules (null rules: the version could not be sent), and for a
   * placement the gate and profile it puts the screen in (null for a whole schedule).
   */
  public record Published(String id, long version, String rules, String placedClusterId, String placedProfileId) {
    public Published(String id, long version, String rules) {
      this(id, version, rules, null, null);
    }
  }

  public void recordPublished(Connection c, String id, long version, String rules) throws SQLException {
    recordPublished(c, List.of(new Published(id, version, rules)));
  }

  /**
   * {@link #recordPublished(Connection, String, long, String)} for many screens, as statement
   * batches: the version on the screen's row, the rules in {@code published_rules} (V89: kept apart,
   * so the screen's row stays small for the heartbeats that rewrite it).
   */
  public void recordPublished(Connection c, List<Published> all) throws SQLException {
    try (java.sql.PreparedStatement version = c.prepareStatement("UPDATE screens SET published_version = ?,"
            + " placed_cluster_id = ?, placed_profile_id = ? WHERE id = ?");
        java.sql.PreparedStatement keep = c.prepareStatement("INSERT INTO published_rules (screen_id, rules) VALUES (?, ?)"
            + " ON CONFLICT (screen_id) DO UPDATE SET rules = excluded.rules");
        java.sql.PreparedStatement forget = c.prepareStatement("DELETE FROM published_rules WHERE screen_id = ?")) {
      for (Published p : all) {
        version.setLong(1, p.version());
        version.setString(2, p.placedClusterId());
        version.setString(3, p.placedProfileId());
        version.setString(4, p.id());
        version.addBatch();
        if (p.rules() == null) {
          forget.setString(1, p.id());
          forget.addBatch();
        } else {
          keep.setString(1, p.id());
          keep.setString(2, p.rules());
          keep.addBatch();
        }
      }
      version.executeBatch();
      keep.executeBatch();
      forget.executeBatch();
    }
  }

  /** Forgets what version {@code version} carried, if it is still the latest, so the next publish sends the screen again. */
  public void forgetPublished(Connection c, String id, long version) throws SQLException {
    Sql.update(c, "DELETE FROM published_rules WHERE screen_id = ?"
        + " AND (SELECT published_version FROM screens WHERE id = ?) = ?", id, id, version);
  }

  /**
   * Stores a new MQTT password for the screen as its two hashes: {@code PasswordHash} (the embedded
   * broker and Mosquitto) and {@code BcryptHash} (NATS). Returns false for an unknown screen.
   */
  public boolean setPassword(Connection c, String id, String password) throws SQLException {
    return Sql.update(c, "UPDATE screens SET mqtt_password_hash = ?, mqtt_password_bcrypt = ? WHERE id = ?",
        PasswordHash.hash(password), BcryptHash.hash(password), id) == 1;
  }

  /**
   * Replaces the screen's MQTT password hash (a {@code PasswordHash}) and forgets its bcrypt hash,
   * which would still let the old password in. Returns false for an unknown screen.
   */
  public boolean setPasswordHash(Connection c, String id, String passwordHash) throws SQLException {
    return Sql.update(c, "UPDATE screens SET mqtt_password_hash = ?, mqtt_password_bcrypt = NULL WHERE id = ?",
        passwordHash, id) == 1;
  }

  /**
   * Replaces the screen's MQTT password hash only while it is still {@code expected}: a login's
   * re-hash of the same password must not undo a rotation or a revocation that came first.
   * Returns whether it was replaced.
   */
  public boolean replacePasswordHash(Connection c, String id, String expected, String replacement) throws SQLException {
    return Sql.update(c, "UPDATE screens SET mqtt_password_hash = ? WHERE id = ? AND mqtt_password_hash = ?",
        replacement, id, expected) == 1;
  }

  /** The screen's MQTT password in bcrypt's form; empty for an unknown screen or one that has none. */
  public Optional<String> bcryptHash(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT mqtt_password_bcrypt FROM screens WHERE id = ?", row -> row.getString(1), id);
  }

  /** The screen's MQTT password hash; empty for an unknown screen or one that has none yet. */
  public Optional<String> passwordHash(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT mqtt_password_hash FROM screens WHERE id = ?", row -> row.getString(1), id);
  }

  private static RegisteredScreen map(ResultSet row) throws SQLException {
    String lastSeen = row.getString("last_seen_at");
    return new RegisteredScreen(
        row.getString("id"),
        row.getString("name"),
        Instant.parse(row.getString("created_at")),
        ScreenState.valueOf(row.getString("state")),
        lastSeen == null ? null : Instant.parse(lastSeen),
        Sql.nullableLong(row, "applied_version"),
        row.getString("current_content_id"),
        row.getLong("published_version"),
        row.getInt("placements") == 1,
        Sql.nullableLong(row, "applied_cluster_version"),
        Sql.nullableLong(row, "failed_cluster_version"),
        row.getString("placed_cluster_id"),
        Sql.nullableLong(row, "published_cluster_version"));
  }
}
