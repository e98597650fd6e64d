package io.gatecast.controller.fleet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What fleet health, alerts and reports need to know about clusters (border gates): a screen's
 * cluster, a cluster's time zone and operating hours. Called inside database transactions, on the
 * database thread. {@link StoredClusters} answers from the organisation tables.
 */
public interface ClusterDirectory {
  String DEFAULT_CLUSTER = io.gatecast.controller.organisation.Cluster.DEFAULT_ID;

  /** The cluster a registered screen belongs to. */
  String clusterOf(Connection c, String screenId) throws SQLException;

  /** How many screens each of {@code clusterIds} has (in that order); 0 for an unknown cluster. Revoked screens do not count. */
  java.util.Map<String, Integer> screenCounts(Connection c, java.util.Collection<String> clusterIds)
      throws SQLException;

  /** Every cluster id, sorted. */
  java.util.SortedSet<String> clusterIds(Connection c) throws SQLException;

  /** Whether the cluster exists. */
  boolean exists(Connection c, String clusterId) throws SQLException;

  /** The time zone a cluster's days, years and operating hours are counted in. */
  ZoneId zoneOf(Connection c, String clusterId) throws SQLException;

  /** Whether the gate is operating (technicians want alerts) at {@code at}. */
  boolean isOperating(Connection c, String clusterId, Instant at) throws SQLException;
}
