package io.gatecast.schedules.model;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A display at a gate: where it is (cluster, groups, tags), its zone and its languages in order. */
public record Screen(
    String id, String clusterId, Set<String> groups, Set<String> tags, ZoneId zone, List<String> languages) {
  public Screen {
    Require.text(id, "id");
    Require.text(clusterId, "clusterId");
    groups = Require.names(groups, "groups");
    tags = Require.names(tags, "tags");
    Require.present(zone, "zone");
    languages = Require.list(languages, "languages");
    if (languages.isEmpty()) {
      throw new InvalidModelException("languages", "a screen needs at least one language");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < languages.size(); i++) {
      Require.languageTag(languages.get(i), "languages[" + i + "]");
      if (!seen.add(languages.get(i))) {
        throw new InvalidModelException("languages[" + i + "]", "duplicate language " + languages.get(i));
      }
    }
  }
}
