package io.gatecast.controller.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gatecast.protocol.Codec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/** Urgent alerts and the clusters they are for. */
public final class AlertRepository {
  private static final String COLUMNS = "id, text_json, created_at, expires_at, cleared_at";
  private static final TypeReference<LinkedHashMap<String, String>> TEXT = new TypeReference<>() {};
  /**
   * Instants are compared in SQL as text, so they are written fixed-width (nanoseconds always
   * present): Instant.toString drops zero fractions, and "10:00:00Z" sorts after "10:00:00.5Z".
   */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  public void insert(Connection c, Alert alert) throws SQLException {
    Sql.update(c, "INSERT INTO alerts (" + COLUMNS + ") VALUES (?, ?, ?, ?, NULL)", alert.id(), json(alert.text()),
        SORTABLE.format(alert.createdAt()), SORTABLE.format(alert.expiresAt()));
    for (String cluster : alert.clusterIds()) {
      Sql.update(c, "INSERT INTO alert_targets (alert_id, cluster_id) VALUES (?, ?)", alert.id(), cluster);
    }
  }

  public Optional<Alert> find(Connection c, String id) throws SQLException {
    Optional<Row> row = Sql.one(c, "SELECT " + COLUMNS + " FROM alerts WHERE id = ?", AlertRepository::row, id);
    return row.isEmpty() ? Optional.empty() : Optional.of(withClusters(c, row.get()));
  }

  /** Every alert, newest first. */
  public List<Alert> all(Connection c) throws SQLException {
    List<Alert> alerts = new java.util.ArrayList<>();
    for (Row row : Sql.list(c, "SELECT " + COLUMNS + " FROM alerts ORDER BY created_at DESC, rowid DESC",
        AlertRepository::row)) {
      alerts.add(withClusters(c, row));
    }
    return alerts;
  }

  /**
   * The alerts in force at {@code now} (not cleared, not expired) for each of {@code clusterIds}, oldest
   * (then first made) first; a cluster without any maps to an empty list. Two statements whatever the
   * number of clusters: an alert to a hundred gates is checked, signed and stored in one transaction
   * before the first of them is sent, and the expiry check reads every alerted gate every few seconds.
   */
  public Map<String, List<Alert>> inForce(Connection c, Collection<String> clusterIds, Instant now) throws SQLException {
    String at = SORTABLE.format(now);
    Map<String, List<String>> targets = new HashMap<>();
    for (String[] target : Sql.list(c, "SELECT t.alert_id, t.cluster_id FROM alert_targets t JOIN alerts a"
        + " ON a.id = t.alert_id WHERE a.cleared_at IS NULL AND a.expires_at > ? ORDER BY t.cluster_id",
        r -> new String[] {r.getString(1), r.getString(2)}, at)) {
      targets.computeIfAbsent(target[0], id -> new ArrayList<>()).add(target[1]);
    }
    Map<String, List<Alert>> byCluster = new LinkedHashMap<>();
    clusterIds.forEach(cluster -> byCluster.put(cluster, new ArrayList<>()));
    for (Row row : Sql.list(c, "SELECT " + COLUMNS + " FROM alerts WHERE cleared_at IS NULL AND expires_at > ?"
        + " ORDER BY created_at, rowid", AlertRepository::row, at)) {
      List<String> clusters = targets.getOrDefault(row.id(), List.of());
      Alert alert = new Alert(row.id(), clusters, row.text(), row.createdAt(), row.expiresAt(), row.clearedAt());
      for (String cluster : clusters) {
        List<Alert> of = byCluster.get(cluster);
        if (of != null) {
          of.add(alert);
        }
      }
    }
    return byCluster;
  }

  /** Marks the alert cleared at {@code now}; false when it was already cleared or does not exist. */
  public boolean clear(Connection c, String id, Instant now) throws SQLException {
    return Sql.update(c, "UPDATE alerts SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL", SORTABLE.format(now), id) == 1;
  }

  /** The row without its clusters. */
  private record Row(String id, Map<String, String> text, Instant createdAt, Instant expiresAt, Instant clearedAt) {}

  private static Alert withClusters(Connection c, Row row) throws SQLException {
    List<String> clusters = Sql.list(c, "SELECT cluster_id FROM alert_targets WHERE alert_id = ? ORDER BY cluster_id",
        r -> r.getString(1), row.id());
    return new Alert(row.id(), clusters, row.text(), row.createdAt(), row.expiresAt(), row.clearedAt());
  }

  private static Row row(ResultSet r) throws SQLException {
    String cleared = r.getString("cleared_at");
    try {
      return new Row(r.getString("id"), Codec.mapper().readValue(r.getString("text_json"), TEXT),
          Instant.parse(r.getString("created_at")), Instant.parse(r.getString("expires_at")),
          cleared == null ? null : Instant.parse(cleared));
    } catch (JsonProcessingException e) {
      throw new SQLException("alert " + r.getString("id") + " has unreadable text: " + e.getMessage(), e);
    }
  }

  private static String json(Map<String, String> text) {
    try {
      return Codec.mapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
