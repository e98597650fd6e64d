package io.gatecast.schedules.calendar;

/**
 * A date of the Vietnamese lunar calendar: day 1-30 of month 1-12 ({@code leap}: the intercalary
 * month that repeats {@code month}'s number), in lunar {@code year} (the Gregorian year in which
 * its month 1 begins), with the year's name in the sixty-year cycle.
 */
public record LunarDate(int day, int month, boolean leap, int year) {
  private static final String[] STEMS_VI =
      {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
  private static final String[] BRANCHES_VI =
      {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};

  /** The heavenly stem of the year, 0 (Giáp) to 9 (Quý). */
  public int stem() {
    return Math.floorMod(year + 6, 10);
  }

  /** The earthly branch of the year, 0 (Tý) to 11 (Hợi); Vietnam's Mão is the cat, not the rabbit. */
  public int branch() {
    return Math.floorMod(year + 8, 12);
  }

  /** The year's can-chi name in Vietnamese, e.g. "Bính Ngọ" for 2026. */
  public String canChi() {
    return STEMS_VI[stem()] + " " + BRANCHES_VI[branch()];
  }
}
