package io.gatecast.controller.publish;

import io.gatecast.controller.store.Cluster;
import io.gatecast.controller.store.ClusterRepository;
import io.gatecast.controller.store.GroupRepository;
import io.gatecast.controller.store.ScreenSetup;
import io.gatecast.controller.store.ScreenSetupRepository;
import io.gatecast.schedules.model.Screen;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

/**
 * Screen profiles from the organisation tables: the screen's cluster (and that cluster's zone),
 * its groups and tags, and its own languages or else its cluster's. A change to any of them makes
 * the next publish send the screen new rules.
 */
public final class OrganisationDirectory implements ScreenDirectory {
  private final ScreenSetupRepository setups = new ScreenSetupRepository();
  private final ClusterRepository clusters = new ClusterRepository();
  private final GroupRepository groups = new GroupRepository();

  @Override
  public Screen profile(Connection c, String screenId) throws SQLException {
    ScreenSetup setup = setups.find(c, screenId)
        .orElseThrow(() -> new IllegalStateException("no screen " + screenId));
    Cluster cluster = clusters.find(c, setup.clusterId())
        .orElseThrow(() -> new IllegalStateException("screen " + screenId + " is in unknown cluster " + setup.clusterId()));
    List<String> languages = setup.languages() != null ? setup.languages() : cluster.languages();
    return new Screen(screenId, cluster.id(), new HashSet<>(groups.groupsOf(c, screenId)), new HashSet<>(setup.tags()),
        ZoneId.of(cluster.zone()), languages);
  }
}
