package io.gatecast.controller.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which clusters exist and which screens are in each: the only two questions alerts ask about the
 * organisation (tables {@code clusters} and {@code screens}). Revoked screens are left out: they
 * are cut off the broker and would never see an alert.
 */
public final class ClusterDirectory {
  /** Every cluster id, sorted. */
  public SortedSet<String> clusterIds(Connection c) throws SQLException {
    SortedSet<String> ids = new TreeSet<>();
    try (PreparedStatement select = c.prepareStatement("SELECT id FROM clusters");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  /** The ids of the screens in a cluster, sorted; empty for an unknown cluster. */
  public List<String> screensOf(Connection c, String clusterId) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(
        "SELECT id FROM screens WHERE COALESCE(cluster_id, 'default') = ? AND revoked_at IS NULL ORDER BY id")) {
      select.setString(1, clusterId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }
}
