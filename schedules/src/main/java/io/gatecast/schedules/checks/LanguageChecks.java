package io.gatecast.schedules.checks;

import io.gatecast.schedules.Messages;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items that have no variant in any language of a screen they play on (MISSING_LANGUAGE), and
 * items of a campaign that lack some of the languages its screens show (INCOMPLETE_LANGUAGES: a
 * vi-only notice on a vi/zh-Hans/en gate plays, but its Chinese and English readers get nothing in
 * theirs). The default playlist is the gates' own fill and is not held to the second rule. Screens
 * are grouped by their language list, so each item is looked at once per distinct list, not once per screen.
 */
final class LanguageChecks {
  private LanguageChecks() {}

  static List<Finding> missingVariants(Rules rules, List<Screen> fleet, List<BitSet> targeted) {
    Map<List<String>, BitSet> byLanguages = new LinkedHashMap<>();
    for (int i = 0; i < fleet.size(); i++) {
      byLanguages.computeIfAbsent(fleet.get(i).languages(), k -> new BitSet()).set(i);
    }
    List<Finding> out = new ArrayList<>();
    BitSet everyone = new BitSet();
    everyone.set(0, fleet.size());
    if (rules.defaultPlaylist() != null) {
      check("the default playlist", null, rules.defaultPlaylist(), everyone, byLanguages, fleet, out);
    }
    for (int c = 0; c < rules.campaigns().size(); c++) {
      Campaign campaign = rules.campaigns().get(c);
      check("campaign " + campaign.id(), campaign, campaign.playlist(), targeted.get(c), byLanguages, fleet, out);
    }
    return out;
  }

  private static void check(
      String source, Campaign campaign, Playlist playlist, BitSet screens, Map<List<String>, BitSet> byLanguages,
      List<Screen> fleet, List<Finding> out) {
    for (Map.Entry<List<String>, BitSet> group : byLanguages.entrySet()) {
      BitSet affected = (BitSet) group.getValue().clone();
      affected.and(screens);
      if (affected.isEmpty()) {
        continue;
      }
      for (PlaylistEntry e : playlist.entries()) {
        ContentItem item = e.item();
        List<String> missing = group.getKey().stream().filter(lang -> item.variant(lang).isEmpty()).toList();
        if (campaign != null && !missing.isEmpty() && missing.size() < group.getKey().size()) {
          List<String> ids = Checks.ids(affected, fleet);
          List<String> subjects = new ArrayList<>(List.of(item.id()));
          subjects.addAll(ids);
          out.add(new Finding(
              Severity.WARNING, Finding.INCOMPLETE_LANGUAGES,
              Messages.incompleteLanguages(source, item, missing, ids),
              subjects,
              Finding.details("source", "campaign", "campaign", campaign.id(), "campaignName", campaign.name(),
                  "item", item.id(), "itemTitle", item.title(), "missing", String.join(",", missing),
                  "languages", String.join(",", group.getKey()), "screens", ids.size())));
        }
        if (missing.size() == group.getKey().size()) {
          List<String> ids = Checks.ids(affected, fleet);
          List<String> subjects = new ArrayList<>(List.of(item.id()));
          subjects.addAll(ids);
          out.add(new Finding(
              Severity.WARNING, Finding.MISSING_LANGUAGE,
              Messages.missingLanguage(source, item, group.getKey(), ids, item.variants().get(0).language()),
              subjects,
              Finding.details("source", campaign == null ? "default" : "campaign",
                  "campaign", campaign == null ? null : campaign.id(),
                  "campaignName", campaign == null ? null : campaign.name(),
                  "item", item.id(), "itemTitle", item.title(), "languages", String.join(",", group.getKey()),
                  "fallback", item.variants().get(0).language(), "screens", ids.size())));
        }
      }
    }
  }
}
