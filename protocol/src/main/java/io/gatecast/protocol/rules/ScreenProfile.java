package io.gatecast.protocol.rules;

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
 */
public record ScreenProfile(
    String screenId, String clusterId, List<String> groups, List<String> tags, String zone, List<String> languages) {
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
  }
}
