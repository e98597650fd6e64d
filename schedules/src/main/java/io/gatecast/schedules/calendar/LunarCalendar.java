package io.gatecast.schedules.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunar calendar (âm lịch), computed from the astronomy for the meridian of
 * Vietnam, UTC+7, as Hồ Ngọc Đức describes the rules (and as Vietnam has used them since 1968):
 * <ol>
 *   <li>a month begins on the local day (UTC+7) of a new moon;</li>
 *   <li>month 11 is the month containing the winter solstice (Sun at longitude 270 degrees);</li>
 *   <li>when 13 months begin between two months 11, the first of them in which the Sun passes no
 *       principal term (a longitude that is a multiple of 30 degrees) is a leap month and repeats
 *       the number of the month before it.</li>
 * </ol>
 * Computing at UTC+7 rather than China's UTC+8 is why Tết sometimes falls a day apart from the
 * Chinese new year (1985, 2007). Pure and stateless; supports 1900-2199.
 */
public final class LunarCalendar {
  private static final double VIETNAM_OFFSET_DAYS = 7 / 24.0;
  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 2199;

  private LunarCalendar() {}

  /** The Vietnamese lunar date of a Gregorian date (a local date, as people in Vietnam read it). */
  public static LunarDate of(LocalDate date) {
    if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      throw new IllegalArgumentException("date must be in " + MIN_YEAR + "-" + MAX_YEAR + ", got " + date);
    }
    long day = date.toEpochDay();
    long k = lastNewMoonOnOrBefore(day);
    long monthStart = newMoonDay(k);

    long month11 = month11Start(date.getYear());
    long previous11;
    long next11;
    int lunarYear;
    if (month11 <= day) {
      previous11 = month11;
      next11 = month11Start(date.getYear() + 1);
      lunarYear = date.getYear() + 1;
    } else {
      previous11 = month11Start(date.getYear() - 1);
      next11 = month11;
      lunarYear = date.getYear();
    }
    long k11 = lastNewMoonOnOrBefore(previous11);
    int sinceMonth11 = (int) (k - k11); // months since the month 11 that opens this stretch
    boolean thirteenMonths = lastNewMoonOnOrBefore(next11) - k11 == 13;

    int month = 11 + sinceMonth11;
    boolean leap = false;
    if (thirteenMonths) {
      int leapIndex = firstMonthWithoutPrincipalTerm(k11);
      if (sinceMonth11 >= leapIndex) {
        month -= 1;
        leap = sinceMonth11 == leapIndex;
      }
    }
    if (month > 12) {
      month -= 12;
    }
    // Months 11 and 12 before the new year still belong to the lunar year that began last winter.
    if (month >= 11 && sinceMonth11 < 4) {
      lunarYear -= 1;
    }
    return new LunarDate((int) (day - monthStart + 1), month, leap, lunarYear);
  }

  /** The Gregorian date of Tết, day 1 of month 1 of the lunar year beginning in {@code year}. */
  public static LocalDate tet(int year) {
    long k11 = lastNewMoonOnOrBefore(month11Start(year - 1));
    long k12 = lastNewMoonOnOrBefore(month11Start(year));
    int offset = 2; // month 1 is two months after month 11...
    if (k12 - k11 == 13 && firstMonthWithoutPrincipalTerm(k11) <= 2) {
      offset = 3; // ...unless a leap month 11 or 12 comes between (rare: 2033)
    }
    return LocalDate.ofEpochDay(newMoonDay(k11 + offset));
  }

  /** Local (UTC+7) day, as epoch days, of new moon k. */
  static long newMoonDay(long k) {
    return localDay(Astronomy.newMoonUt(k));
  }

  /** The number of the last new moon whose local day is on or before {@code epochDay}. */
  static long lastNewMoonOnOrBefore(long epochDay) {
    double jd = epochDay + 2440587.5;
    long k = (long) Math.floor((jd - 2451550.09766) / Astronomy.SYNODIC_MONTH) + 1;
    while (newMoonDay(k) > epochDay) {
      k--;
    }
    while (newMoonDay(k + 1) <= epochDay) {
      k++;
    }
    return k;
  }

  /** First day (epoch days) of lunar month 11, the month holding the December solstice of {@code year}. */
  static long month11Start(int year) {
    long k = lastNewMoonOnOrBefore(LocalDate.of(year, 12, 31).toEpochDay());
    // If the Sun is already past 270 degrees when this month begins, the solstice fell in the month before.
    if (principalTerm(newMoonDay(k)) >= 9) {
      k--;
    }
    return newMoonDay(k);
  }

  /** Months after month 11 (new moon k11) until the first that holds no principal term: 1 to 12. */
  private static int firstMonthWithoutPrincipalTerm(long k11) {
    for (int i = 1; i <= 12; i++) {
      if (principalTerm(newMoonDay(k11 + i)) == principalTerm(newMoonDay(k11 + i + 1))) {
        return i;
      }
    }
    throw new IllegalStateException("no month without a principal term after new moon " + k11);
  }

  /** Which 30-degree sector (0-11) the Sun is in at local midnight starting {@code epochDay}. */
  private static int principalTerm(long epochDay) {
    double midnightUt = epochDay + 2440587.5 - VIETNAM_OFFSET_DAYS;
    return (int) (Astronomy.sunLongitude(midnightUt) / 30);
  }

  private static long localDay(double jdUt) {
    return (long) Math.floor(jdUt + VIETNAM_OFFSET_DAYS + 0.5) - 2440588L;
  }
}
