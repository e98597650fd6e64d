package io.gatecast.controller.publish;

import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.schedules.model.Screen;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Screen profiles from the organisation tables: the screen's cluster (and that cluster's zone),
 * its groups and tags, and its own languages or else its cluster's. A change to any of them makes
 * the next publish send the screen new rules.
 */
public final class OrganisationDirectory implements ScreenDirectory {
  private final ScreenSetupRepository setups;
  private final ClusterRepository clusters;
  private final GroupRepository groups;

  public OrganisationDirectory(ScreenSetupRepository setups, ClusterRepository clusters, GroupRepository groups) {
    this.setups = setups;
    this.clusters = clusters;
    this.groups = groups;
  }

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

  /**
   * The profiles asked for from a few queries (these screens' setups and group memberships, every
   * cluster), for a publish: a streamed publish asks for a page of screens at a time, so the reads
   * are of those screens only, not of the whole fleet each page.
   */
  @Override
  public Map<String, Screen> profiles(Connection c, Collection<String> screenIds) throws SQLException {
    Map<String, ScreenSetup> allSetups = setups.of(c, screenIds);
    for (String screenId : screenIds) {
      if (!allSetups.containsKey(screenId)) {
        throw new IllegalStateException("no screen " + screenId);
      }
    }
    return profiles(c, allSetups);
  }

  /** The profiles of the screens whose setups these are, without reading the setups again. */
  @Override
  public Map<String, Screen> profiles(Connection c, Map<String, ScreenSetup> allSetups) throws SQLException {
    Map<String, Cluster> allClusters = new HashMap<>();
    for (Cluster cluster : clusters.all(c)) {
      allClusters.put(cluster.id(), cluster);
    }
    Map<String, List<String>> allGroups = groups.groupsOf(c, allSetups.keySet());
    Map<String, Screen> profiles = new HashMap<>();
    for (Map.Entry<String, ScreenSetup> e : allSetups.entrySet()) {
      String screenId = e.getKey();
      ScreenSetup setup = e.getValue();
      Cluster cluster = allClusters.get(setup.clusterId());
      if (cluster == null) {
        throw new IllegalStateException("screen " + screenId + " is in unknown cluster " + setup.clusterId());
      }
      List<String> languages = setup.languages() != null ? setup.languages() : cluster.languages();
      profiles.put(screenId, new Screen(screenId, cluster.id(), new HashSet<>(allGroups.getOrDefault(screenId, List.of())),
          new HashSet<>(setup.tags()), ZoneId.of(cluster.zone()), languages));
    }
    return profiles;
  }

  @Override
  public Map<String, String> gateNames(Connection c) throws SQLException {
    Map<String, String> names = new HashMap<>();
    for (Cluster cluster : clusters.all(c)) {
      names.put(cluster.id(), cluster.name());
    }
    return names;
  }
}
