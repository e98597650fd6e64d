package io.gatecast.controller.publish;

import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.rules.ScreenRules;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each gate's cluster schedule of a publish is (issue 21, docs/proposals/cluster-schedules.md): the fast
 * pass's, rebuilt from what the gate's profiles were built for before any screen is read ({@link #fast}); the
 * early and final passes', from the profiles the pages planned ({@link #plan}); a re-sign's, the recorded one
 * as it is. Only a gate whose profiles differ from its newest gets a new version. Runs on the database thread,
 * in the publish's transaction; {@link Publisher} signs, records and sends what it plans.
 */
final class GatePlanner {
  private static final Logger LOG = LoggerFactory.getLogger(GatePlanner.class);
  private final ClusterScheduleRepository clusters;
  private final ScreenSetupRepository setups;
  private final ScreenRepository screens;
  private final ProfilesAhead profilesAhead;
  private final RulesBuilder rules;
  private final Supplier<String> mediaBaseUrl;

  GatePlanner(ClusterScheduleRepository clusters, ScreenSetupRepository setups, ScreenRepository screens,
      ProfilesAhead profilesAhead, RulesBuilder rules, Supplier<String> mediaBaseUrl) {
    this.clusters = clusters;
    this.setups = setups;
    this.screens = screens;
    this.profilesAhead = profilesAhead;
    this.rules = rules;
    this.mediaBaseUrl = mediaBaseUrl;
  }

  /**
   * A gate's cluster schedule to sign, record and send: its new version and profiles (their JSON as
   * recorded), and what they were built for ({@link ProfileKey#toJson}; null: not known, an early overlay).
   */
  record GatePlan(String clusterId, long version, java.util.SortedMap<String, ScreenRules> profiles,
      String profilesJson, List<String> changedProfiles, String profileKeys) {}

  /**
   * The early pass's ({@code finalPass} false: for each of {@code which}, the profiles planned so far over its
   * recorded ones) or the final pass's (each gate's whole set, its keys recorded) schedules of the gates whose
   * profiles differ from their newest; a re-sign's final pass, each gate's recorded one again as it is.
   */
  List<GatePlan> plan(Connection c, Planning planning, Set<String> which, boolean finalPass)
      throws SQLException {
    List<GatePlan> plans = new ArrayList<>();
    if (planning.resign() && !finalPass) {
      return plans; // a re-sign signs each gate's recorded schedule again, once
    }
    if (planning.resign()) {
      for (ClusterScheduleRepository.Recorded last : clusters.latestOfEach(c)) {
        java.util.TreeMap<String, ScreenRules> profiles = new java.util.TreeMap<>(ScreenPlacement.profiles(last.profiles()));
        // Signed again: every screen of the gate gets it anew.
        plans.add(new GatePlan(last.clusterId(), last.version() + 1, profiles, last.profiles(),
            List.copyOf(profiles.keySet()), last.profileKeys()));
      }
      return plans;
    }
    Map<String, ProfileKey> keyOfProfile = new HashMap<>();
    if (finalPass) {
      planning.profileIds.forEach((key, profileId) -> keyOfProfile.put(profileId, key));
    }
    for (Map.Entry<String, java.util.TreeMap<String, ScreenRules>> gate : planning.gates.entrySet()) {
      if (!which.contains(gate.getKey())) {
        continue;
      }
      java.util.Optional<ClusterScheduleRepository.Recorded> last = clusters.latest(c, gate.getKey());
      Map<String, ScreenRules> recorded = last.map(l -> ScreenPlacement.profiles(l.profiles())).orElse(Map.of());
      // Early, the profiles planned so far go over the recorded ones; the final pass has every profile.
      java.util.TreeMap<String, ScreenRules> profiles = new java.util.TreeMap<>(finalPass ? Map.of() : recorded);
      profiles.putAll(gate.getValue()); // copied: the planning goes on adding to its own
      String json = ScreenPlacement.profilesJson(profiles);
      // What the whole set was built for is known once every screen is planned; an early overlay's is not.
      String keys = finalPass ? ProfileKey.toJson(profiles.keySet().stream()
          .collect(java.util.stream.Collectors.toMap(id -> id, keyOfProfile::get))) : null;
      if (last.isPresent() && last.get().profiles().equals(json)) {
        if (keys != null && !keys.equals(last.get().profileKeys())) {
          clusters.recordKeys(c, gate.getKey(), last.get().version(), keys);
        }
        continue; // the gate's rules did not change: nothing to send
      }
      plans.add(new GatePlan(gate.getKey(), last.map(ClusterScheduleRepository.Recorded::version).orElse(0L) + 1,
          profiles, json, ClusterScheduleRepository.changedProfiles(profileJsons(recorded), profileJsons(profiles)), keys));
    }
    return plans;
  }

  /**
   * The fast pass (docs/proposals/cluster-schedules.md, "Next"): before any screen is read, each gate's
   * newest schedule rebuilt from what its profiles were built for, with the content as it is now; the
   * gates whose rules that changes. A gate is left to the passes after (its screens read) unless every
   * profile's own screen (the profile id) still has the key recorded for it, in its gate, and the set
   * still fits: the profile's rules are then exactly what the final pass builds for its screens.
   *
   * <p>A screen of the profile whose setup changed since is sent the change built for its setup before,
   * which is what it played until now, and its new placement once the fleet is planned (what the early
   * pass does too); with no setup changed, the final pass finds every gate as this pass left it.
   *
   * <p>When the fleet's profiles were planned ahead at the fleet's setup generation ({@link ProfilesAhead}) and
   * every placed screen holds the placement they give it, each gate is rebuilt from those profiles instead of its
   * recorded ones, a gate no schedule was recorded for yet included: a setup change planned ahead leaves before
   * the fleet is read, as a content change does ({@link Planning#profilesAhead}).
   *
   * <p>Each gate rebuilt whole is kept in the planning ({@link Planning#rebuilt}), with the fleet's setup generation
   * read first: when no setup changed since the last publish that planned every screen (or the profiles were
   * planned ahead at it), and every gate holding a placed screen was rebuilt, the publish plans the placed
   * screens from them ({@link Planning#placedAsRebuilt}).
   */
  List<GatePlan> fast(Connection c, Planning planning) throws SQLException {
    planning.setupGeneration = SetupGeneration.current(c); // what the pass reads and the fleet's setups, one snapshot
    Map<String, ClusterScheduleRepository.Recorded> latest = new HashMap<>();
    clusters.latestOfEach(c).forEach(gate -> latest.put(gate.clusterId(), gate));
    FleetProfiles ahead = planning.setupGeneration.equals(planning.lastFleetPlan) ? null // recorded then: as they are
        : ahead(c, planning.setupGeneration);
    planning.profilesAhead = ahead != null;
    Map<String, java.util.SortedMap<String, ProfileKey>> keysOf = ahead != null ? new java.util.TreeMap<>(ahead.gates())
        : recordedKeys(planning, latest.values());
    if (keysOf.isEmpty()) {
      return List.of();
    }
    Set<String> owners = new HashSet<>();
    keysOf.values().forEach(keys -> owners.addAll(keys.keySet()));
    Map<String, ScreenSetup> active = new HashMap<>();
    setups.of(c, List.copyOf(owners)).forEach((id, setup) -> {
      if (!setup.revoked()) {
        active.put(id, setup);
      }
    });
    Map<String, io.gatecast.schedules.model.Screen> profiles = rules.profiles(c, active);
    Map<String, List<String>> ownPlaylists = rules.ownPlaylists(c, active.keySet());
    RulesBuilder.Session session = rules.session(c, active.keySet()); // the owners' layouts only
    String baseUrl = mediaBaseUrl.get();
    List<GatePlan> plans = new ArrayList<>();
    gates:
    for (Map.Entry<String, java.util.SortedMap<String, ProfileKey>> gate : keysOf.entrySet()) {
      String gateId = gate.getKey();
      java.util.TreeMap<String, ScreenRules> rebuilt = new java.util.TreeMap<>();
      GateRoom room = new GateRoom();
      for (Map.Entry<String, ProfileKey> planned : gate.getValue().entrySet()) { // id order, as the final pass admits
        String owner = planned.getKey();
        io.gatecast.schedules.model.Screen profile = profiles.get(owner);
        if (profile == null) {
          continue gates; // cut off, or gone
        }
        ProfileKey now = ScreenPlanner.keyOf(session, owner, profile, ownPlaylists.getOrDefault(owner, List.of()));
        if (!now.equals(planned.getValue())) {
          continue gates;
        }
        // Kept in the planning: the pages' screens of this key are not built again.
        ScreenRules profileRules = ScreenPlanner.rulesOf(planning, now, session, profile, baseUrl).rules().rules()
            .forScreen(owner, null, null);
        if (!room.admit(profileRules)) {
          continue gates;
        }
        rebuilt.put(owner, profileRules);
      }
      planning.rebuilt.put(gateId, new Planning.RebuiltGate(rebuilt, room, gate.getValue()));
      ClusterScheduleRepository.Recorded last = latest.get(gateId);
      String json = ScreenPlacement.profilesJson(rebuilt);
      if (last != null && json.equals(last.profiles())) {
        continue; // what its profiles were built for, if that changed, the final pass records
      }
      Map<String, ScreenRules> before = last == null ? Map.of() : ScreenPlacement.profiles(last.profiles());
      plans.add(new GatePlan(gateId, last == null ? 1 : last.version() + 1, rebuilt, json, ClusterScheduleRepository
          .changedProfiles(profileJsons(before), profileJsons(rebuilt)), ProfileKey.toJson(gate.getValue())));
    }
    return plans;
  }

  /**
   * The fleet's profiles planned ahead at {@code generation} ({@link ProfilesAhead}), when every placed screen
   * holds the placement they give it; null otherwise (none planned at it, or a placed screen would move: its
   * recorded profile's screens are then not the profile's any more, and a gate rebuilt from them could give
   * one screen another's rules).
   */
  private FleetProfiles ahead(Connection c, long generation) throws SQLException {
    FleetProfiles planned = profilesAhead.at(generation);
    return planned != null && planned.placesAsRecorded(screens.placements(c)) ? planned : null;
  }

  /** Each gate's recorded profile keys, by gate id; a gate whose recorded keys cannot be read is left to the fleet. */
  private static Map<String, java.util.SortedMap<String, ProfileKey>> recordedKeys(Planning planning,
      java.util.Collection<ClusterScheduleRepository.Recorded> latest) {
    Map<String, java.util.SortedMap<String, ProfileKey>> keysOf = new java.util.TreeMap<>();
    for (ClusterScheduleRepository.Recorded gate : latest) {
      if (gate.profileKeys() == null) {
        continue;
      }
      try {
        keysOf.put(gate.clusterId(), ProfileKey.fromJson(gate.profileKeys()));
      } catch (IllegalArgumentException e) {
        LOG.warn("publish {}: gate {}'s schedule version {} does not say what its profiles were built for ({});"
            + " it is planned with the fleet", planning.publishId, gate.clusterId(), gate.version(), e.getMessage());
        // the next final pass records its keys afresh
      }
    }
    return keysOf;
  }

  /** Each profile's rules as JSON, to tell which profiles a new cluster schedule changes. */
  static Map<String, String> profileJsons(Map<String, ScreenRules> profiles) {
    Map<String, String> jsons = new HashMap<>();
    profiles.forEach((id, rules) -> jsons.put(id, new String(Codec.encode(rules), StandardCharsets.UTF_8)));
    return jsons;
  }
}
