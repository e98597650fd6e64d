package io.gatecast.schedules.checks;

import java.util.List;

/**
 * One problem for an operator. {@code code} is stable for programs (e.g. {@code GAP}); the
 * message is for people; {@code subjects} are the ids involved (campaigns, items, screens).
 */
public record Finding(Severity severity, String code, String message, List<String> subjects) {
  public static final String GAP = "GAP";
  public static final String NEVER_PLAYS = "NEVER_PLAYS";
  public static final String NO_SCREENS = "NO_SCREENS";
  public static final String MISSING_LANGUAGE = "MISSING_LANGUAGE";
  public static final String SAME_PRIORITY_OVERLAP = "SAME_PRIORITY_OVERLAP";
  public static final String INVALID_RRULE = "INVALID_RRULE";

  public Finding {
    subjects = List.copyOf(subjects);
  }
}
