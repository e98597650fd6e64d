package io.gatecast.controller.publish;

import io.gatecast.schedules.model.Screen;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Where a screen stands, for campaign targeting and playback: its cluster, groups, tags, time zone
 * and languages in order. The one seam the organisation (clusters, screen groups, screen
 * attributes) plugs into; until then every screen is in {@value #DEFAULT_CLUSTER}.
 */
@FunctionalInterface
public interface ScreenDirectory {
  String DEFAULT_CLUSTER = "default";
  ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  String DEFAULT_LANGUAGE = "vi";

  /** The screen's profile, read inside the caller's transaction. */
  Screen profile(Connection c, String screenId) throws SQLException;

  /** Every screen in the default cluster, in Vietnam's time, showing Vietnamese. */
  static ScreenDirectory defaults() {
    return (c, screenId) -> new Screen(screenId, DEFAULT_CLUSTER, Set.of(), Set.of(), DEFAULT_ZONE,
        List.of(DEFAULT_LANGUAGE));
  }
}
