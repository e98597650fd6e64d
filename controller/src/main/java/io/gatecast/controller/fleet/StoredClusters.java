package io.gatecast.controller.fleet;

import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.OperatingHours;
import io.gatecast.controller.organisation.OperatingHoursRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@link ClusterDirectory} of the organisation tables ({@code clusters}, {@code screens}).
 * Revoked screens belong to no cluster's list: they are cut off and would see nothing.
 * A gate without operating hours ({@code PUT /api/v1/clusters/{id}/operating-hours}) never closes.
 */
public final class StoredClusters implements ClusterDirectory {
  private final ClusterRepository clusters;
  private final OperatingHoursRepository hours;

  public StoredClusters(ClusterRepository clusters, OperatingHoursRepository hours) {
    this.clusters = clusters;
    this.hours = hours;
  }

  @Override
  public String clusterOf(Connection c, String screenId) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(cluster_id, ?) FROM screens WHERE id = ?")) {
      select.setString(1, DEFAULT_CLUSTER);
      select.setString(2, screenId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : DEFAULT_CLUSTER;
      }
    }
  }

  @Override
  public java.util.Map<String, Integer> screenCounts(Connection c, java.util.Collection<String> clusterIds)
      throws SQLException {
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    clusterIds.forEach(id -> counts.put(id, 0));
    // One pass over the screens, not one per cluster: a screen's cluster is not indexed as COALESCE reads it,
    // so each cluster read alone was a scan of every screen (an alert to 100 gates: 100 scans).
    try (PreparedStatement select = c.prepareStatement(
        "SELECT COALESCE(cluster_id, ?), COUNT(*) FROM screens WHERE revoked_at IS NULL GROUP BY 1")) {
      select.setString(1, DEFAULT_CLUSTER);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String cluster = rows.getString(1);
          if (counts.containsKey(cluster)) {
            counts.put(cluster, rows.getInt(2));
          }
        }
      }
    }
    return counts;
  }

  @Override
  public boolean exists(Connection c, String clusterId) throws SQLException {
    return clusters.exists(c, clusterId);
  }

  @Override
  public SortedSet<String> clusterIds(Connection c) throws SQLException {
    SortedSet<String> ids = new TreeSet<>();
    for (Cluster cluster : clusters.all(c)) {
      ids.add(cluster.id());
    }
    return ids;
  }

  @Override
  public ZoneId zoneOf(Connection c, String clusterId) throws SQLException {
    return clusters.find(c, clusterId).map(cluster -> ZoneId.of(cluster.zone())).orElse(ZoneId.of("Asia/Ho_Chi_Minh"));
  }

  @Override
  public boolean isOperating(Connection c, String clusterId, Instant at) throws SQLException {
    Optional<OperatingHours> open = hours.find(c, clusterId);
    return open.isEmpty() || open.get().isOpen(at, zoneOf(c, clusterId));
  }
}
