package io.gatecast.controller.organisation;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Instant;

/**
 * The daily hours a border gate is open, in its own time zone. {@code closes} before
 * {@code opens} means open across midnight.
 */
public record OperatingHours(LocalTime opens, LocalTime closes) {
  public OperatingHours {
    if (opens == null || closes == null) {
      throw new IllegalArgumentException("opens and closes are both required, as HH:MM local times");
    }
    if (opens.equals(closes)) {
      throw new IllegalArgumentException("opens and closes must differ (leave the hours out for a gate that never closes)");
    }
    if (opens.getSecond() != 0 || closes.getSecond() != 0 || opens.getNano() != 0 || closes.getNano() != 0) {
      throw new IllegalArgumentException("opens and closes are whole minutes (HH:MM)");
    }
  }

  /** Whether the gate is open at {@code at}, reading the wall clock in {@code zone}. */
  public boolean isOpen(Instant at, ZoneId zone) {
    LocalTime local = at.atZone(zone).toLocalTime();
    return opens.isBefore(closes)
        ? !local.isBefore(opens) && local.isBefore(closes)
        : !local.isBefore(opens) || local.isBefore(closes);
  }
}
