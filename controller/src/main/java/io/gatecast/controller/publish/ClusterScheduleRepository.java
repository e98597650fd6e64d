package io.gatecast.controller.publish;

import io.gatecast.controller.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cluster schedules recorded (issue 21, docs/proposals/cluster-schedules.md): one signed message
 * of every profile's rules for a gate's placed screens. Recorded before it is sent, marked handed once
 * the broker took it; the newest version of each gate is what its placed screens should play, and the
 * only one whose signed message is kept (what a restart or a re-assertion sends again).
 */
public final class ClusterScheduleRepository {
  /**
   * A gate's cluster schedule as recorded; {@code envelope} is null for versions a newer one replaced,
   * {@code profileKeys} ({@link ProfileKey#toJson}) null when what its profiles were built for is not known.
   */
  public record Recorded(String clusterId, long version, Long publishId, String profiles, String profileKeys,
      byte[] envelope, Instant recordedAt, Instant handedAt) {}

  private static final String COLUMNS = "cluster_id, version, publish_id, profiles, profile_keys, envelope, recorded_at,"
      + " handed_at";

  /** The ids of the profiles whose rules {@code after} holds differently from {@code before} (or anew), sorted. */
  public static List<String> changedProfiles(java.util.Map<String, String> before, java.util.Map<String, String> after) {
    return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
        .map(java.util.Map.Entry::getKey).sorted().toList();
  }

  /** The newest cluster schedule of {@code clusterId}, if one was ever recorded. */
  public Optional<Recorded> latest(Connection c, String clusterId) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM cluster_schedules WHERE cluster_id = ? ORDER BY version DESC LIMIT 1",
        ClusterScheduleRepository::map, clusterId);
  }

  /** The newest cluster schedule of every gate that has one, by gate id. */
  public List<Recorded> latestOfEach(Connection c) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM cluster_schedules g WHERE version ="
        + " (SELECT max(version) FROM cluster_schedules n WHERE n.cluster_id = g.cluster_id) ORDER BY cluster_id",
        ClusterScheduleRepository::map);
  }

  /**
   * Records a gate's new cluster schedule, not yet handed, the profiles whose rules it changed and what
   * its profiles were built for ({@code profileKeys}, null: not known); the versions before it keep no message.
   */
  public void record(Connection c, String clusterId, long version, Long publishId, String profiles,
      List<String> changedProfiles, String profileKeys, byte[] envelope, Instant now) throws SQLException {
    Sql.update(c, "UPDATE cluster_schedules SET envelope = NULL WHERE cluster_id = ? AND version < ?", clusterId, version);
    Sql.update(c, "INSERT INTO cluster_schedules (cluster_id, version, publish_id, profiles, changed_profiles,"
        + " profile_keys, envelope, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", clusterId, version, publishId, profiles,
        io.gatecast.protocol.Codec.mapper().valueToTree(changedProfiles).toString(), profileKeys, envelope,
        now.toString());
  }

  /**
   * What the profiles of a gate's recorded schedule are built for, learnt by a publish whose final pass
   * planned the same rules for them (the schedule was an early pass's, or setups changed but no rules).
   */
  public void recordKeys(Connection c, String clusterId, long version, String profileKeys) throws SQLException {
    Sql.update(c, "UPDATE cluster_schedules SET profile_keys = ? WHERE cluster_id = ? AND version = ?", profileKeys,
        clusterId, version);
  }

  /**
   * How many screens placed in {@code clusterId}, in a profile its cluster schedule {@code version}
   * changed, publish {@code publishId} sent no placement: its gate's schedule is their news.
   */
  public int placedScreensNotSent(Connection c, String clusterId, long version, long publishId) throws SQLException {
    return Sql.one(c, "SELECT count(*) FROM screens s JOIN cluster_schedules g ON g.cluster_id = s.placed_cluster_id"
        + " AND g.version = ? WHERE s.placed_cluster_id = ? AND s.revoked_at IS NULL"
        + " AND s.placed_profile_id IN (SELECT value FROM json_each(g.changed_profiles))"
        + " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.screen_id = s.id AND d.publish_id = ?)",
        row -> row.getInt(1), version, clusterId, publishId).orElse(0);
  }

  /** The broker took it. */
  public void markHanded(Connection c, String clusterId, long version, Instant at) throws SQLException {
    Sql.update(c, "UPDATE cluster_schedules SET handed_at = ? WHERE cluster_id = ? AND version = ? AND handed_at IS NULL",
        at.toString(), clusterId, version);
  }

  private static Recorded map(java.sql.ResultSet row) throws SQLException {
    String handed = row.getString("handed_at");
    return new Recorded(row.getString("cluster_id"), row.getLong("version"), Sql.nullableLong(row, "publish_id"),
        row.getString("profiles"), row.getString("profile_keys"), row.getBytes("envelope"),
        Instant.parse(row.getString("recorded_at")),
        handed == null ? null : Instant.parse(handed));
  }
}
