package io.gatecast.schedules.model;

import java.util.List;
import java.util.Set;

/** Where a campaign plays: a screen matches if it is in any of the listed clusters, groups, tags or ids. */
public record Targets(Set<String> clusters, Set<String> groups, Set<String> tags, Set<String> screens) {
  public Targets {
    clusters = Require.names(clusters, "clusters");
    groups = Require.names(groups, "groups");
    tags = Require.names(tags, "tags");
    screens = Require.names(screens, "screens");
    if (clusters.isEmpty() && groups.isEmpty() && tags.isEmpty() && screens.isEmpty()) {
      throw new InvalidModelException("targets", "name at least one cluster, group, tag or screen");
    }
  }

  // Factories accept repeats (a form may send the same cluster twice); Set.of would throw.
  public static Targets clusters(String... ids) {
    return new Targets(Set.copyOf(List.of(ids)), Set.of(), Set.of(), Set.of());
  }

  public static Targets groups(String... ids) {
    return new Targets(Set.of(), Set.copyOf(List.of(ids)), Set.of(), Set.of());
  }

  public static Targets tags(String... tags) {
    return new Targets(Set.of(), Set.of(), Set.copyOf(List.of(tags)), Set.of());
  }

  public static Targets screens(String... ids) {
    return new Targets(Set.of(), Set.of(), Set.of(), Set.copyOf(List.of(ids)));
  }

  public boolean matches(Screen screen) {
    return screens.contains(screen.id())
        || clusters.contains(screen.clusterId())
        || intersects(groups, screen.groups())
        || intersects(tags, screen.tags());
  }

  /** Names the first target that matched, for explanations. */
  public String reason(Screen screen) {
    if (screens.contains(screen.id())) {
      return "screen " + screen.id();
    }
    if (clusters.contains(screen.clusterId())) {
      return "cluster " + screen.clusterId();
    }
    for (String g : screen.groups()) {
      if (groups.contains(g)) {
        return "group " + g;
      }
    }
    for (String t : screen.tags()) {
      if (tags.contains(t)) {
        return "tag " + t;
      }
    }
    return "nothing";
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String x : b) {
      if (a.contains(x)) {
        return true;
      }
    }
    return false;
  }
}
