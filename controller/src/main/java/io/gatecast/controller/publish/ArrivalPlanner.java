package io.gatecast.controller.publish;

import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.rules.ScreenRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which arrived screens can be placed at once in a profile on air in their gate's schedule, and which wait
 * for the next publish and why ({@link Publisher#placeArrivals}). Runs on the database thread, in a transaction.
 */
final class ArrivalPlanner {
  private final ScreenRepository screens;
  private final ScreenSetupRepository setups;
  private final ClusterScheduleRepository clusters;
  private final RulesBuilder rules;
  private final Supplier<String> mediaBaseUrl;

  ArrivalPlanner(ScreenRepository screens, ScreenSetupRepository setups, ClusterScheduleRepository clusters,
      RulesBuilder rules, Supplier<String> mediaBaseUrl) {
    this.screens = screens;
    this.setups = setups;
    this.clusters = clusters;
    this.rules = rules;
    this.mediaBaseUrl = mediaBaseUrl;
  }

  /** The placements of arrived screens to sign, each under the publish that recorded its gate's schedule. */
  record ArrivalPlan(List<PlannedScreen> pending, List<Long> publishIds, List<Publisher.Waiting> waiting,
      List<String> unknownAgents) {}

  /** The rules a profile key gives now, and the profile of its gate's schedule with exactly those (null: none). */
  private record OnAir(ScreenRules rules, String profileId) {}

  /** Which of {@code screenIds} can be placed in a profile on air in their gates (see {@link Publisher#placeArrivals}). */
  ArrivalPlan plan(Connection c, List<String> screenIds) throws SQLException {
    Map<String, ScreenSetup> arrived = new HashMap<>();
    Map<String, RegisteredScreen> found = new HashMap<>();
    Map<String, String> published = new HashMap<>();
    List<Publisher.Waiting> waiting = new ArrayList<>();
    List<String> unknownAgents = new ArrayList<>();
    for (Map.Entry<String, ScreenSetup> setup : setups.of(c, screenIds).entrySet()) {
      Optional<RegisteredScreen> screen = screens.find(c, setup.getKey());
      if (screen.isEmpty() || setup.getValue().revoked()) {
        continue;
      }
      if (!screen.get().placements()) {
        unknownAgents.add(setup.getKey()); // set up before its agent's first heartbeat was stored, say
        continue;
      }
      String sent = screen.get().publishedVersion() == 0 ? null : screens.publishedRulesOf(c, setup.getKey());
      if (screen.get().publishedVersion() == 0 || ScreenPlacement.isPlacement(sent)) {
        arrived.put(setup.getKey(), setup.getValue());
        found.put(setup.getKey(), screen.get());
        published.put(setup.getKey(), sent);
      }
    }
    List<PlannedScreen> pending = new ArrayList<>();
    List<Long> publishIds = new ArrayList<>();
    if (arrived.isEmpty()) {
      return new ArrivalPlan(pending, publishIds, waiting, unknownAgents);
    }
    Map<String, io.gatecast.schedules.model.Screen> profiles = rules.profiles(c, arrived);
    Map<String, List<String>> ownPlaylists = rules.ownPlaylists(c, arrived.keySet());
    Map<String, String> gateNames = rules.gateNames(c);
    RulesBuilder.Session session = rules.session(c, arrived.keySet());
    Map<String, Optional<ClusterScheduleRepository.Recorded>> gates = new HashMap<>();
    // Screens of one key (a fleet paired at once) are built and matched against their gate's schedule once.
    Map<ProfileKey, OnAir> matched = new HashMap<>();
    String baseUrl = mediaBaseUrl.get();
    for (String id : new java.util.TreeSet<>(arrived.keySet())) {
      io.gatecast.schedules.model.Screen profile = profiles.get(id);
      if (!gates.containsKey(profile.clusterId())) {
        gates.put(profile.clusterId(), clusters.latest(c, profile.clusterId()));
      }
      Optional<ClusterScheduleRepository.Recorded> gate = gates.get(profile.clusterId());
      if (gate.isEmpty()) {
        waiting.add(new Publisher.Waiting(id, Publisher.WaitReason.NO_PROGRAMME, found.get(id).publishedVersion()));
        continue;
      }
      ProfileKey key = ScreenPlanner.keyOf(session, id, profile, ownPlaylists.getOrDefault(id, List.of()));
      if (!matched.containsKey(key)) {
        ScreenRules rules = session.build(profile, key.ownPlaylist()).toWire(baseUrl);
        matched.put(key, new OnAir(rules, profileOnAir(gate.get(), rules).orElse(null)));
      }
      OnAir onAir = matched.get(key);
      if (onAir.profileId() == null) {
        waiting.add(new Publisher.Waiting(id, Publisher.WaitReason.PROGRAMME_CHANGED, found.get(id).publishedVersion()));
        continue;
      }
      PlannedScreen placement = ScreenPlanner.placement(onAir.rules(), found.get(id), profile.clusterId(), onAir.profileId(),
          gateNames.get(profile.clusterId()), published.get(id));
      if (placement != null) { // null: placed there already
        pending.add(placement);
        publishIds.add(gate.get().publishId());
      }
    }
    return new ArrivalPlan(pending, publishIds, waiting, unknownAgents);
  }

  /** The id of the profile in {@code gate}'s schedule whose rules are exactly {@code rules}, if one is. */
  private static Optional<String> profileOnAir(ClusterScheduleRepository.Recorded gate, ScreenRules rules) {
    for (Map.Entry<String, ScreenRules> profile : ScreenPlacement.profiles(gate.profiles()).entrySet()) {
      if (java.util.Arrays.equals(Codec.encode(rules.forScreen(profile.getKey(), null, null)),
          Codec.encode(profile.getValue()))) {
        return Optional.of(profile.getKey());
      }
    }
    return Optional.empty();
  }
}
