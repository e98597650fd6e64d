package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A clock showing the local time of one or more zones, in order (here first, across the border next). */
public record ClockSpec(List<ClockZoneSpec> zones) {
  public ClockSpec {
    zones = Check.list(zones, "zones", LayoutLimits.MAX_CLOCK_ZONES);
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("zones must name at least one time zone");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < zones.size(); i++) {
      if (!seen.add(zones.get(i).zone())) {
        throw new IllegalArgumentException("zones[" + i + "].zone repeats " + zones.get(i).zone());
      }
    }
  }
}
