package io.gatecast.protocol;

import io.gatecast.protocol.rules.ScreenRules;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rules of every kind of screen in a cluster (a border gate), sent once for the whole gate,
 * retained, in a {@link Signed} envelope of type {@link Signed#CLUSTER_SCHEDULE} on
 * {@link Topics#clusterSchedule(String)}: the broker fans one message out to every screen of the gate
 * instead of the controller sending each screen its own schedule (issue 21,
 * docs/proposals/cluster-schedules.md). A screen plays the profile its own signed {@link Placement}
 * names, with its own id and names put in ({@link Placement#rulesIn}).
 *
 * <p>Each profile's rules are written for a stand-in screen whose id is the profile id, in this
 * cluster, without names: the names belong to the screen, and travel in its placement.
 *
 * @param version grows with every cluster schedule sent for this cluster; an agent refuses one not
 *     newer than the one it holds, so a replayed older schedule cannot come back
 * @param profiles profile id to its rules, kept sorted by id so the JSON is the same whatever order
 *     it was built in; empty when no screen of the gate has anything to show
 */
public record ClusterSchedule(Header header, String clusterId, Long version, Map<String, ScreenRules> profiles) {
  public ClusterSchedule {
    Check.required(header, "header");
    Check.id(clusterId, "clusterId");
    Check.atLeast(version, 1, "version");
    profiles = checked(profiles, clusterId);
  }

  private static SortedMap<String, ScreenRules> checked(Map<String, ScreenRules> profiles, String clusterId) {
    if (profiles == null) {
      return Collections.emptySortedMap();
    }
    if (profiles.size() > Limits.MAX_CLUSTER_PROFILES) {
      throw new IllegalArgumentException("profiles has more than " + Limits.MAX_CLUSTER_PROFILES + " entries");
    }
    TreeMap<String, ScreenRules> sorted = new TreeMap<>();
    profiles.forEach((profileId, rules) -> {
      String field = "profiles." + profileId;
      Check.id(profileId, "profiles' key " + profileId);
      Check.required(rules, field);
      if (!rules.profile().screenId().equals(profileId)) {
        throw new IllegalArgumentException(field + ".profile.screenId is " + rules.profile().screenId()
            + ": a profile's rules are written for the profile id");
      }
      if (!rules.profile().clusterId().equals(clusterId)) {
        throw new IllegalArgumentException(field + ".profile.clusterId is " + rules.profile().clusterId()
            + ", not " + clusterId);
      }
      if (rules.profile().screenName() != null || rules.profile().gateName() != null) {
        throw new IllegalArgumentException(field + ".profile carries names: they belong in each screen's placement");
      }
      sorted.put(profileId, rules);
    });
    return Collections.unmodifiableSortedMap(sorted);
  }
}
