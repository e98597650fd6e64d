package io.gatecast.schedules.checks;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem for an operator. {@code code} is stable for programs (e.g. {@code GAP}); the
 * message is for people (English, for API users and logs); {@code subjects} are the ids involved
 * (campaigns, items, screens). {@code details} are the message's parts by stable name, so a console
 * can say the same in its own language: for each code the keys named by the constants below; local
 * date-times are ISO ({@code 2026-11-24T06:00}) in the screen's zone, durations in seconds.
 */
public record Finding(
    Severity severity, String code, String message, List<String> subjects, Map<String, String> details) {
  public static final String GAP = "GAP";
  public static final String NEVER_PLAYS = "NEVER_PLAYS";
  public static final String NO_SCREENS = "NO_SCREENS";
  public static final String MISSING_LANGUAGE = "MISSING_LANGUAGE";
  public static final String INCOMPLETE_LANGUAGES = "INCOMPLETE_LANGUAGES";
  public static final String SAME_PRIORITY_OVERLAP = "SAME_PRIORITY_OVERLAP";
  public static final String INVALID_RRULE = "INVALID_RRULE";
  private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

  // GAP: screen, idleSeconds, from, to, zone
  // NEVER_PLAYS, NO_SCREENS: campaign, campaignName
  // MISSING_LANGUAGE: source ("default" or "campaign"), campaign and campaignName (when a campaign's),
  //   item, itemTitle, languages (comma-separated, the screens' order), fallback, screens (how many)
  // INCOMPLETE_LANGUAGES: source ("campaign"), campaign, campaignName, item, itemTitle, missing (comma-separated,
  //   the screens' order), languages (all the screens show), screens (how many)
  // SAME_PRIORITY_OVERLAP: campaign, campaignName, otherCampaign, otherCampaignName, priority, at, screens
  // INVALID_RRULE: field, problem (English)

  public Finding {
    subjects = List.copyOf(subjects);
    // Insertion order kept, so the JSON reads in the order the message does.
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** Details from alternating names and values, in that order; a null value leaves its name out. */
  public static Map<String, String> details(Object... namesAndValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        out.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
      }
    }
    return out;
  }

  /** A local date-time as the details give it: ISO to the minute, like the message. */
  public static String local(LocalDateTime t) {
    return LOCAL_MINUTE.format(t);
  }
}
