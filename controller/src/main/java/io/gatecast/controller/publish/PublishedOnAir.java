package io.gatecast.controller.publish;

import io.gatecast.controller.content.OnAir;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.ScreenRules;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which screens an item is on the air at, by what each was last published: its whole rules, or for a
 * screen placed in its gate's schedule (issue 21), its profile in the gate's newest cluster schedule.
 */
public final class PublishedOnAir implements OnAir {
  private final ScreenRepository screens;
  private final ClusterScheduleRepository clusters;

  public PublishedOnAir(ScreenRepository screens, ClusterScheduleRepository clusters) {
    this.screens = screens;
    this.clusters = clusters;
  }

  @Override
  public List<String> screensCarrying(Connection c, String contentId) throws SQLException {
    Map<String, Map<String, ScreenRules>> gates = new HashMap<>();
    for (ClusterScheduleRepository.Recorded gate : clusters.latestOfEach(c)) {
      if (gate.profiles().contains(contentId)) { // cannot hold it otherwise: no need to decode
        gates.put(gate.clusterId(), ScreenPlacement.profiles(gate.profiles()));
      }
    }
    List<String> carrying = new ArrayList<>();
    for (Map.Entry<String, String> published : screens.publishedRulesAll(c).entrySet()) {
      if (published.getValue() == null || !carries(published.getKey(), published.getValue(), gates, contentId)) {
        continue;
      }
      carrying.add(published.getKey());
    }
    carrying.sort(null);
    return carrying;
  }

  private static boolean carries(String screenId, String published, Map<String, Map<String, ScreenRules>> gates,
      String contentId) {
    Optional<ScreenPlacement> placed = ScreenPlacement.of(published);
    Optional<ScreenRules> rules;
    if (placed.isPresent()) {
      Map<String, ScreenRules> profiles = gates.get(placed.get().clusterId());
      rules = profiles == null ? Optional.empty() : placed.get().rulesIn(profiles, screenId);
    } else if (published.contains(contentId)) { // cannot hold it otherwise: no need to decode
      rules = Optional.of(Codec.decode(published.getBytes(StandardCharsets.UTF_8), ScreenRules.class));
    } else {
      rules = Optional.empty();
    }
    return rules.filter(r -> r.items().stream().map(ItemSpec::id).anyMatch(contentId::equals)).isPresent();
  }
}
