package io.gatecast.controller.fleet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What fleet health, alerts and reports need to know about clusters (border gates): a screen's
 * cluster, a cluster's time zone and operating hours. Called inside database transactions, on the
 * database thread. {@link #SINGLE} is the stand-in until the store models clusters: one cluster
 * {@value #DEFAULT_CLUSTER} in Hanoi time, always operating.
 */
public interface ClusterDirectory {
  String DEFAULT_CLUSTER = "default";

  /** The cluster a registered screen belongs to. */
  String clusterOf(Connection c, String screenId) throws SQLException;

  /** The screens in a cluster, empty for an unknown cluster. */
  List<String> screensOf(Connection c, String clusterId) throws SQLException;

  /** Whether the cluster exists. */
  boolean exists(Connection c, String clusterId) throws SQLException;

  /** The time zone a cluster's days, years and operating hours are counted in. */
  ZoneId zoneOf(Connection c, String clusterId) throws SQLException;

  /** Whether the gate is operating (technicians want alerts) at {@code at}. */
  boolean isOperating(Connection c, String clusterId, Instant at) throws SQLException;

  ClusterDirectory SINGLE = new ClusterDirectory() {
    @Override
    public String clusterOf(Connection c, String screenId) {
      return DEFAULT_CLUSTER;
    }

    @Override
    public List<String> screensOf(Connection c, String clusterId) throws SQLException {
      if (!DEFAULT_CLUSTER.equals(clusterId)) {
        return List.of();
      }
      List<String> ids = new java.util.ArrayList<>();
      for (var screen : new io.gatecast.controller.store.ScreenRepository().all(c)) {
        ids.add(screen.id());
      }
      return ids;
    }

    @Override
    public boolean exists(Connection c, String clusterId) {
      return DEFAULT_CLUSTER.equals(clusterId);
    }

    @Override
    public ZoneId zoneOf(Connection c, String clusterId) {
      return ZoneId.of("Asia/Ho_Chi_Minh");
    }

    @Override
    public boolean isOperating(Connection c, String clusterId, Instant at) {
      return true;
    }
  };
}
