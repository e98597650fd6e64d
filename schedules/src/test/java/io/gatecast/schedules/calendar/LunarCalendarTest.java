package io.gatecast.schedules.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LunarCalendarTest {
  /**
   * Tết Nguyên Đán (day 1 of month 1) in Vietnam: 1968, 1985, 2000-2030 and 2053. Sources: the Tết
   * dates in Wikipedia's "Tết" and "Vietnamese calendar" articles and Hồ Ngọc Đức's published
   * tables of the Vietnamese lunar calendar (informatik.uni-leipzig.de/~duc/amlich/). Years where
   * Vietnam (reckoning at UTC+7 since 1967) and China (UTC+8) differ:
   * 1968 (Hanoi 29 Jan, China 30 Jan: the year North and South Vietnam celebrated on different days),
   * 1985 (Vietnam 21 Jan, China 20 Feb: a whole month, the leap month fell differently),
   * 2007 (Vietnam 17 Feb, China 18 Feb: the new moon came at 23:14 in Hanoi, 00:14 in Beijing),
   * 2030 (Vietnam 2 Feb, China 3 Feb) and 2053 (Vietnam 18 Feb, China 19 Feb).
   */
  private static final Map<Integer, String> TET = new LinkedHashMap<>();

  static {
    TET.put(1968, "1968-01-29");
    TET.put(1985, "1985-01-21");
    TET.put(2000, "2000-02-05");
    TET.put(2001, "2001-01-24");
    TET.put(2002, "2002-02-12");
    TET.put(2003, "2003-02-01");
    TET.put(2004, "2004-01-22");
    TET.put(2005, "2005-02-09");
    TET.put(2006, "2006-01-29");
    TET.put(2007, "2007-02-17");
    TET.put(2008, "2008-02-07");
    TET.put(2009, "2009-01-26");
    TET.put(2010, "2010-02-14");
    TET.put(2011, "2011-02-03");
    TET.put(2012, "2012-01-23");
    TET.put(2013, "2013-02-10");
    TET.put(2014, "2014-01-31");
    TET.put(2015, "2015-02-19");
    TET.put(2016, "2016-02-08");
    TET.put(2017, "2017-01-28");
    TET.put(2018, "2018-02-16");
    TET.put(2019, "2019-02-05");
    TET.put(2020, "2020-01-25");
    TET.put(2021, "2021-02-12");
    TET.put(2022, "2022-02-01");
    TET.put(2023, "2023-01-22");
    TET.put(2024, "2024-02-10");
    TET.put(2025, "2025-01-29");
    TET.put(2026, "2026-02-17");
    TET.put(2027, "2027-02-06");
    TET.put(2028, "2028-01-26");
    TET.put(2029, "2029-02-13");
    TET.put(2030, "2030-02-02");
    TET.put(2053, "2053-02-18");
  }

  @Test
  void tetFallsOnThePublishedDateEveryYear() {
    TET.forEach((year, date) -> {
      LocalDate tet = LocalDate.parse(date);
      assertThat(LunarCalendar.tet(year)).as("Tết " + year).isEqualTo(tet);
      assertThat(LunarCalendar.of(tet)).as("lunar date of Tết " + year).isEqualTo(new LunarDate(1, 1, false, year));
      LunarDate eve = LunarCalendar.of(tet.minusDays(1));
      assertThat(eve.month()).as("eve of Tết " + year).isEqualTo(12);
      assertThat(eve.year()).isEqualTo(year - 1);
      assertThat(eve.day()).isBetween(29, 30);
    });
  }

  @Test
  void midYearFestivalsAndLeapMonths() {
    // Giỗ Tổ Hùng Vương, 10/3: a public holiday, its date announced each year.
    assertThat(LunarCalendar.of(LocalDate.of(2024, 4, 18))).isEqualTo(new LunarDate(10, 3, false, 2024));
    assertThat(LunarCalendar.of(LocalDate.of(2025, 4, 7))).isEqualTo(new LunarDate(10, 3, false, 2025));
    // Tết Trung Thu, 15/8.
    assertThat(LunarCalendar.of(LocalDate.of(2024, 9, 17))).isEqualTo(new LunarDate(15, 8, false, 2024));
    assertThat(LunarCalendar.of(LocalDate.of(2025, 10, 6))).isEqualTo(new LunarDate(15, 8, false, 2025));
    // Tết Đoan Ngọ, 5/5.
    assertThat(LunarCalendar.of(LocalDate.of(2024, 6, 10))).isEqualTo(new LunarDate(5, 5, false, 2024));
    // Leap months: 2020 leap month 4 began 23 May; 2023 leap month 2 began 22 March; 2025 leap month 6 began 25 July.
    assertThat(LunarCalendar.of(LocalDate.of(2020, 5, 23))).isEqualTo(new LunarDate(1, 4, true, 2020));
    assertThat(LunarCalendar.of(LocalDate.of(2020, 5, 22))).isEqualTo(new LunarDate(30, 4, false, 2020));
    assertThat(LunarCalendar.of(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(1, 2, true, 2023));
    assertThat(LunarCalendar.of(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(1, 6, true, 2025));
    assertThat(LunarCalendar.of(LocalDate.of(2025, 8, 23))).isEqualTo(new LunarDate(1, 7, false, 2025));
  }

  @Test
  void yearsAreNamedInTheSixtyYearCycle() {
    assertThat(LunarCalendar.of(LocalDate.of(2026, 3, 1)).canChi()).isEqualTo("Bính Ngọ");
    assertThat(LunarCalendar.of(LocalDate.of(2020, 3, 1)).canChi()).isEqualTo("Canh Tý");
    assertThat(LunarCalendar.of(LocalDate.of(1968, 3, 1)).canChi()).isEqualTo("Mậu Thân");
    // Before Tết 2026 it is still the year of the snake.
    assertThat(LunarCalendar.of(LocalDate.of(2026, 2, 16)).canChi()).isEqualTo("Ất Tỵ");
  }

  @Test
  void everyDayOfThirtyYearsFollowsFromTheDayBefore() {
    LunarDate before = LunarCalendar.of(LocalDate.of(1999, 12, 31));
    for (LocalDate d = LocalDate.of(2000, 1, 1); d.isBefore(LocalDate.of(2031, 1, 1)); d = d.plusDays(1)) {
      LunarDate today = LunarCalendar.of(d);
      if (today.day() == 1) {
        assertThat(before.day()).as("month before " + d).isBetween(29, 30);
      } else {
        assertThat(today).as(d.toString())
            .isEqualTo(new LunarDate(before.day() + 1, before.month(), before.leap(), before.year()));
      }
      before = today;
    }
  }
}
