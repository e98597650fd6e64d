package io.gatecast.controller.publish;

import java.util.Map;
import java.util.SortedMap;

/**
 * The fleet's profiles as a publish that reads every screen plans them, at one setup generation (V94), planned
 * ahead of the publish ({@link ProfilesAhead}): each gate's profiles, by profile id (its first screen in id order
 * that plays placements), with the key each is built for; and the placement each screen that plays placements
 * gets (its {@link ScreenPlacement} JSON, by screen id).
 *
 * <p>A publish at the same generation starts from them as from its gates' recorded keys when every placed screen
 * already holds the placement given here ({@link #placesAsRecorded}): then each profile's screens are exactly the
 * screens recorded in it, and the gates' schedules can leave before the fleet is read.
 */
record FleetProfiles(long generation, Map<String, SortedMap<String, ProfileKey>> gates, Map<String, String> placements) {

  FleetProfiles {
    gates = Map.copyOf(gates);
    placements = Map.copyOf(placements);
  }

  /**
   * True when each of {@code recorded} (the placed screens' last placements as sent, JSON by screen id) is the
   * placement given here: no placed screen changes profile, gate or names.
   */
  boolean placesAsRecorded(Map<String, String> recorded) {
    return recorded.entrySet().stream().allMatch(placed -> placed.getValue() != null
        && placed.getValue().equals(placements.get(placed.getKey())));
  }
}
