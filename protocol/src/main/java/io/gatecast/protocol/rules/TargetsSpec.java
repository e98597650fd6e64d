package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import java.util.List;

/** Where a campaign plays (engine: {@code Targets}): a screen in any of the listed clusters, groups, tags or ids. */
public record TargetsSpec(List<String> clusters, List<String> groups, List<String> tags, List<String> screens) {
  public TargetsSpec {
    clusters = Names.of(clusters, "clusters");
    groups = Names.of(groups, "groups");
    tags = Names.of(tags, "tags");
    screens = Names.of(screens, "screens");
    if (clusters.isEmpty() && groups.isEmpty() && tags.isEmpty() && screens.isEmpty()) {
      throw new IllegalArgumentException("targets must name at least one cluster, group, tag or screen");
    }
  }

  public static TargetsSpec clusters(String... ids) {
    return new TargetsSpec(List.of(ids), null, null, null);
  }

}
