package io.gatecast.controller.alerts;

import io.gatecast.controller.store.Screen;
import io.gatecast.controller.store.ScreenRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which clusters exist and which screens are in each: the only two questions alerts ask about the
 * organisation. Until clusters are stored, there is one, {@value #DEFAULT}, holding every screen
 * (as the broker's access rules assume, see {@code Backend}); when the clusters table arrives these
 * two method bodies become its queries and nothing else in alerts changes.
 */
public final class ClusterDirectory {
  public static final String DEFAULT = "default";
  private final ScreenRepository screens = new ScreenRepository();

  /** Every cluster id, sorted. */
  public SortedSet<String> clusterIds(Connection c) throws SQLException {
    return new TreeSet<>(List.of(DEFAULT));
  }

  /** The ids of the screens in a cluster, sorted; empty for an unknown cluster. */
  public List<String> screensOf(Connection c, String clusterId) throws SQLException {
    return DEFAULT.equals(clusterId) ? screens.all(c).stream().map(Screen::id).toList() : List.of();
  }
}
