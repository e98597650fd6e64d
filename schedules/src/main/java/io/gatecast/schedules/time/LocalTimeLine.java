package io.gatecast.schedules.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Maps between a zone's wall clock, counted as "local seconds" (the local date-time read as if it
 * were UTC), and instants in epoch millis. Schedules are computed on the wall clock so that a
 * daily 07:00 stays at 07:00 across DST; only the final spans are mapped to instants.
 */
public final class LocalTimeLine {
  private final ZoneId zone;
  private final ZoneOffset fixedOffset;

  public LocalTimeLine(ZoneId zone) {
    this.zone = zone;
    this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
  }

  public static long localSeconds(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC);
  }

  public static LocalDateTime localDateTime(long localSeconds) {
    return LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
  }

  /**
   * A wall-clock time in a DST gap moves forward by the gap (02:30 becomes 03:30); in an overlap
   * the earlier offset is used. Both keep the mapping monotonic, so spans stay ordered.
   */
  public long toInstantMillis(long localSeconds) {
    if (fixedOffset != null) {
      return (localSeconds - fixedOffset.getTotalSeconds()) * 1000L;
    }
    return localDateTime(localSeconds).atZone(zone).toInstant().toEpochMilli();
  }

  public LocalDateTime toLocal(long instantMillis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(instantMillis), zone);
  }

  public LocalDate dateOf(long instantMillis) {
    return toLocal(instantMillis).toLocalDate();
  }

  /** First instant of a local day; not always 00:00 where DST starts at midnight. */
  public long dayStartMillis(LocalDate day) {
    return day.atStartOfDay(zone).toInstant().toEpochMilli();
  }
}
