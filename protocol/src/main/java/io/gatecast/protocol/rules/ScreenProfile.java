package io.gatecast.protocol.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The screen the rules are for (engine: {@code Screen}): where it is (cluster, groups, tags), the
 * IANA zone its schedules are written in, and its languages in order of preference. Sent with the
 * rules so an agent needs nothing but the message to play.
 *
 * <p>{@code screenName} and {@code gateName} are the names people gave the screen and its gate (its
 * cluster), for the technician in front of a screen with nothing to play. They are optional: an
 * older controller's schedule has neither (null), and an older agent ignores them.
 */
public record ScreenProfile(
    String screenId, String clusterId, List<String> groups, List<String> tags, String zone, List<String> languages,
    String screenName, String gateName) {
  /** A profile without names (tests, and the shape of schedules from before names were sent). */
  public ScreenProfile(
      String screenId, String clusterId, List<String> groups, List<String> tags, String zone, List<String> languages) {
    this(screenId, clusterId, groups, tags, zone, languages, null, null);
  }

  @JsonCreator // the canonical constructor is the wire form, not the shorter one above
  public ScreenProfile {
    Check.id(screenId, "screenId");
    Check.id(clusterId, "clusterId");
    groups = Names.of(groups, "groups");
    tags = Names.of(tags, "tags");
    Check.text(zone, "zone", 64);
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("zone must be an IANA time zone such as Asia/Ho_Chi_Minh, got '" + zone + "'");
    }
    languages = Check.list(languages, "languages", Limits.MAX_LANGUAGES);
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("languages must name at least one language");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < languages.size(); i++) {
      Check.languageTag(languages.get(i), "languages[" + i + "]");
      if (!seen.add(languages.get(i))) {
        throw new IllegalArgumentException("languages[" + i + "] repeats " + languages.get(i));
      }
    }
    if (screenName != null) {
      Check.humanText(screenName, "screenName", Limits.MAX_TEXT_LENGTH);
    }
    if (gateName != null) {
      Check.humanText(gateName, "gateName", Limits.MAX_TEXT_LENGTH);
    }
  }

  /** This profile for another screen of the same kind: its id and names, everything else the same. */
  public ScreenProfile forScreen(String otherScreenId, String otherScreenName, String otherGateName) {
    return new ScreenProfile(otherScreenId, clusterId, groups, tags, zone, languages, otherScreenName, otherGateName);
  }
}
