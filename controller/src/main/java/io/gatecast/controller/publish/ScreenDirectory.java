package io.gatecast.controller.publish;

import io.gatecast.schedules.model.Screen;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a screen stands, for campaign targeting and playback: its cluster, groups, tags, time zone
 * and languages in order ({@link OrganisationDirectory} reads them from the organisation tables).
 */
@FunctionalInterface
public interface ScreenDirectory {
  /** The screen's profile, read inside the caller's transaction. */
  Screen profile(Connection c, String screenId) throws SQLException;

  /** The profiles of these screens, by id; a directory that can should read them in a few queries, not one each. */
  default java.util.Map<String, Screen> profiles(Connection c, java.util.Collection<String> screenIds) throws SQLException {
    java.util.Map<String, Screen> all = new java.util.HashMap<>();
    for (String id : screenIds) {
      all.put(id, profile(c, id));
    }
    return all;
  }

  /**
   * {@link #profiles(Connection, java.util.Collection)} of screens whose setups the caller has read
   * already (a page of a publish reads them to leave cut-off screens out), by screen id: a directory
   * that builds profiles from setups uses these instead of reading each screen's again (issue 21).
   */
  default java.util.Map<String, Screen> profiles(Connection c, java.util.Map<String, io.gatecast.controller.screens.ScreenSetup> setups)
      throws SQLException {
    return profiles(c, setups.keySet());
  }

  /**
   * The name people gave each gate (cluster), by cluster id: what the no-content card on a screen
   * shows instead of an id. A directory that knows no names returns none (the card shows ids).
   */
  default java.util.Map<String, String> gateNames(Connection c) throws SQLException {
    return java.util.Map.of();
  }
}
