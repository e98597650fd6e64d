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
import java.util.ArrayList;
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
  public List<String> screensOf(Connection c, String clusterId) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(
        "SELECT id FROM screens WHERE COALESCE(cluster_id, ?) = ? AND revoked_at IS NULL ORDER BY id")) {
      select.setString(1, DEFAULT_CLUSTER);
      select.setString(2, clusterId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
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
