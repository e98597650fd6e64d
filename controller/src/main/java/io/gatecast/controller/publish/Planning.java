package io.gatecast.controller.publish;

import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.protocol.rules.ScreenRules;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A publish planned a page of screens at a time (issue 21): the first page is small and goes out
 * before the rest of the fleet is even read, each next page is planned while the one before is
 * sent. What is built once per profile is kept across pages ({@link #built}). Used on the
 * database thread only, one page after the other.
 */
final class Planning {
  /** The rules built once for a profile, and the items it holds back. */
  record ProfileRules(SharedRules rules, List<String> withheld) {}

  /** A gate the fast pass rebuilt whole: its profiles by id, the room they take, and the key of each. */
  record RebuiltGate(java.util.TreeMap<String, ScreenRules> profiles, GateRoom room,
      java.util.SortedMap<String, ProfileKey> keys) {}

  /** One page of screens read for a publish: the screens (id order) with their setups and what each was last sent. */
  record ScreenPage(List<RegisteredScreen> screens, Map<String, ScreenSetup> setups, Map<String, String> published) {}

  /** Which screens of a page get a new version, and with what rules: a publish's or a re-sign's. */
  @FunctionalInterface
  interface PagePlanner {
    List<PlannedScreen> pending(Connection c, Planning planning, ScreenPage page) throws SQLException;
  }

  final long publishId;
  final Instant at;
  final String actor;
  final String action;
  final PagePlanner planner;
  final Map<ProfileKey, ProfileRules> built = new HashMap<>();
  final Map<String, List<String>> withheld = new LinkedHashMap<>();
  /** Each profile's id in its gate's schedule: the first placed screen (in id order) that has it. */
  final Map<ProfileKey, String> profileIds = new HashMap<>();
  /**
   * The gates' schedules sent before the fleet is read and once the first page was planned (the fast and
   * early passes): the final pass waits for them, as a gate's next version is read from the
   * one before. Done when there are none.
   */
  Future<Void> gatesBeforeFinal = Future.succeededFuture();
  /** The gates' schedules the broker took in this publish's passes (added on the event loop, read once done). */
  final List<Publisher.GateMessage> gatesHanded = java.util.Collections.synchronizedList(new ArrayList<>());
  /** The profiles of the placed screens, by gate and profile id: the gates' cluster schedules to be. */
  final Map<String, java.util.TreeMap<String, ScreenRules>> gates = new java.util.TreeMap<>();
  /** What each gate's schedule still has room for, and the profiles it had none for (by id). */
  final Map<String, GateRoom> room = new HashMap<>();
  final Set<String> withoutRoom = new HashSet<>();
  /** The setup generation at which the last publish planned every screen (null: none since the start), as it began. */
  Long lastFleetPlan;
  /** The fleet's setup generation (V94) when the fast pass read the gates; null: not read (a re-sign, a failed pass). */
  Long setupGeneration;
  /** The fast pass rebuilt the gates from the fleet's profiles planned ahead at {@link #setupGeneration}, not from their recorded keys. */
  boolean profilesAhead;
  /** The gates the fast pass rebuilt whole, by id. */
  final Map<String, RebuiltGate> rebuilt = new HashMap<>();
  /**
   * No setup changed since the last publish planned every screen, or the fast pass rebuilt the gates from the
   * profiles planned ahead at this generation (decided once the fast pass is done): the first
   * page plans the placed screens {@link #placedAsRebuilt} if it can, and then the pages read only the others.
   */
  boolean setupsUnchanged;
  /** How many screens the pages read. */
  int screensRead;
  /** A gate's schedule of the final pass could not be signed: its screens keep the one before. */
  boolean gateUnsigned;
  /** The last screen id read (null: none yet), how many pages were read, how many screens change so far. */
  String after;
  int pages;
  int planned;
  boolean lastPage;

  /**
   * Plans every placed screen as the last publish that planned every screen did, from the gates the fast pass
   * rebuilt: each gate's profiles, the room they take and their owners, so the screens still to be read (those
   * not placed) join the same profiles and the final pass finds each gate whole. Each placed screen's withheld
   * items are its profile's ({@code placed}: the placed screens not cut off, by id, with gate and profile).
   * Returns false, planning nothing, when a placed screen's gate was not rebuilt (its recorded profiles no longer
   * fit it, say) or has not its profile: the pages then read every screen. A gate the pass could not rebuild and
   * that holds no placed screen (its last one moved away: its recorded owners are elsewhere) is one a full read
   * leaves alone too.
   */
  boolean placedAsRebuilt(List<io.gatecast.controller.screens.ScreenRepository.Placed> placed) {
    if (!placed.stream().allMatch(screen -> rebuilt.containsKey(screen.clusterId())
        && rebuilt.get(screen.clusterId()).keys().containsKey(screen.profileId()))) {
      return false;
    }
    rebuilt.forEach((gate, whole) -> {
      gates.put(gate, new java.util.TreeMap<>(whole.profiles()));
      room.put(gate, whole.room());
      whole.keys().forEach((profileId, key) -> profileIds.put(key, profileId));
    });
    for (io.gatecast.controller.screens.ScreenRepository.Placed screen : placed) {
      ProfileRules rules = built.get(rebuilt.get(screen.clusterId()).keys().get(screen.profileId()));
      if (rules != null && !rules.withheld().isEmpty()) {
        withheld.put(screen.id(), rules.withheld());
      }
    }
    return true;
  }

  /** A re-sign: the gates' recorded schedules are signed again as they are, not rebuilt. */
  boolean resign() {
    return action.equals("re-sign");
  }

  Planning(long publishId, Instant at, String actor, String action, PagePlanner planner) {
    this.publishId = publishId;
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.planner = planner;
  }
}
