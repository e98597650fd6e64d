package io.gatecast.schedules.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The clock widget's arithmetic: each named zone's local time for an instant, from the JDK's IANA
 * rules (summer time included), so a kiosk weeks offline still shows the border's time right.
 */
public final class ZoneClocks {
  private ZoneClocks() {}

  public static List<ZoneTime> at(Instant instant, List<ZoneId> zones) {
    return zones.stream().map(z -> at(instant, z)).toList();
  }

  public static ZoneTime at(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return new ZoneTime(zone, local.toLocalDateTime(), local.getOffset(), zone.getRules().isDaylightSavings(instant));
  }
}
