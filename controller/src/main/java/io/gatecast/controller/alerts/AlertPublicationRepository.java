package io.gatecast.controller.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gatecast.protocol.Codec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.store.Sql;

/** What was last sent on each cluster's alert topic. */
public final class AlertPublicationRepository {
  private static final String COLUMNS = "cluster_id, version, alert_ids, envelope_expires_at";
  private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

  /** What was last sent to each cluster that was ever sent an alert message, by cluster id (one statement). */
  public Map<String, AlertPublication> all(Connection c) throws SQLException {
    Map<String, AlertPublication> byCluster = new LinkedHashMap<>();
    for (AlertPublication publication : Sql.list(c, "SELECT " + COLUMNS + " FROM alert_publications ORDER BY cluster_id",
        AlertPublicationRepository::map)) {
      byCluster.put(publication.clusterId(), publication);
    }
    return byCluster;
  }

  /** Records the cluster's new version and keeps its signed message, to send it again unchanged. */
  public void save(Connection c, AlertPublication publication, byte[] envelope, Instant now) throws SQLException {
    Sql.update(c,
        "INSERT INTO alert_publications (cluster_id, version, alert_ids, envelope_expires_at, published_at, envelope)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (cluster_id) DO UPDATE SET version = excluded.version,"
            + " alert_ids = excluded.alert_ids, envelope_expires_at = excluded.envelope_expires_at,"
            + " published_at = excluded.published_at, envelope = excluded.envelope",
        publication.clusterId(), publication.version(), json(publication.alertIds()),
        publication.envelopeExpiresAt().toString(), now.toString(), envelope);
  }

  /** A cluster's last alert message as signed and sent, byte for byte. */
  public record SignedAlert(String clusterId, long version, byte[] envelope) {}

  /**
   * Every cluster's last message that reached the broker (not one it refused: the next check sends
   * that cluster a new one) and has not expired yet.
   */
  public List<SignedAlert> signed(Connection c, Instant now) throws SQLException {
    return Sql.list(c, "SELECT cluster_id, version, envelope FROM alert_publications"
        + " WHERE envelope IS NOT NULL AND alert_ids IS NOT NULL AND envelope_expires_at > ? ORDER BY cluster_id",
        r -> new SignedAlert(r.getString(1), r.getLong(2), r.getBytes(3)), now.toString());
  }

  /** The broker did not take this version: forget what it carried so the next check sends the cluster again. */
  public void markUnsent(Connection c, String clusterId, long version) throws SQLException {
    Sql.update(c, "UPDATE alert_publications SET alert_ids = NULL WHERE cluster_id = ? AND version = ?", clusterId,
        version);
  }

  private static AlertPublication map(ResultSet r) throws SQLException {
    String ids = r.getString("alert_ids");
    try {
      return new AlertPublication(r.getString("cluster_id"), r.getLong("version"),
          ids == null ? null : Codec.mapper().readValue(ids, IDS), Instant.parse(r.getString("envelope_expires_at")));
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable alert ids of cluster " + r.getString("cluster_id"), e);
    }
  }

  private static String json(List<String> ids) {
    try {
      return ids == null ? null : Codec.mapper().writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
