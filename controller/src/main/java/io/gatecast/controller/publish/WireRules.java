package io.gatecast.controller.publish;

import io.gatecast.controller.media.Media;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.DaypartSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.LanguagePolicySpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.protocol.rules.RecurrenceSpec;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.model.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's model to the wire, field for field: the only engine-to-wire mapping (the agent's
 * {@code RulesMapper} is the only way back). Only what concerns the screen is sent — the campaigns
 * aimed at it and its cluster's alerts, exactly the ones the engine would pick for it — and each
 * item once, with the address and size of every file it needs.
 */
public final class WireRules {
  private WireRules() {}

  /** @param mediaBaseUrl where agents download media, e.g. {@code http://10.0.0.5:8080/media/} */
  public static ScreenRules of(ScreenPlan plan, String mediaBaseUrl) {
    Screen screen = plan.screen();
    Map<String, ItemSpec> items = new LinkedHashMap<>();
    List<CampaignSpec> campaigns = new ArrayList<>();
    for (Campaign c : plan.rules().campaigns()) {
      if (c.targets().matches(screen)) {
        campaigns.add(new CampaignSpec(c.id(), c.name(), playlist(c.playlist(), items, plan, mediaBaseUrl),
            targets(c.targets()), c.start(), c.end(),
            c.dayparts().stream().map(d -> new DaypartSpec(List.copyOf(d.days()), d.start(), d.end())).toList(),
            c.recurrences().stream().map(r -> new RecurrenceSpec(r.rule(), r.at(), r.duration().toString())).toList(),
            c.priority(), c.weight(), policy(c.languagePolicy())));
      }
    }
    Playlist fallback = plan.rules().defaultPlaylist();
    PlaylistSpec defaultPlaylist = fallback == null ? null : playlist(fallback, items, plan, mediaBaseUrl);
    List<AlertSpec> alerts = plan.rules().alerts().stream()
        .filter(a -> a.clusterId().equals(screen.clusterId()))
        .map(WireRules::alert)
        .toList();
    ScreenProfile profile = new ScreenProfile(screen.id(), screen.clusterId(), List.copyOf(screen.groups()),
        List.copyOf(screen.tags()), screen.zone().getId(), screen.languages());
    return new ScreenRules(profile, List.copyOf(items.values()), campaigns, defaultPlaylist,
        policy(plan.rules().defaultPolicy()), alerts);
  }

  private static PlaylistSpec playlist(Playlist playlist, Map<String, ItemSpec> items, ScreenPlan plan, String baseUrl) {
    List<EntrySpec> entries = new ArrayList<>();
    for (PlaylistEntry e : playlist.entries()) {
      items.computeIfAbsent(e.item().id(), id -> item(e.item(), plan, baseUrl));
      entries.add(new EntrySpec(e.item().id(), e.weight(), e.position()));
    }
    return new PlaylistSpec(playlist.id(), entries);
  }

  private static ItemSpec item(ContentItem item, ScreenPlan plan, String baseUrl) {
    List<VariantSpec> variants = new ArrayList<>();
    for (Variant v : item.variants()) {
      variants.add(v.isText()
          ? VariantSpec.text(v.language(), v.text(), v.seconds())
          : VariantSpec.media(v.language(), mediaRef(plan.files().get(v.media().id()), v, baseUrl), v.seconds()));
    }
    return new ItemSpec(item.id(), item.title(), variants);
  }

  private static MediaRef mediaRef(Media file, Variant variant, String baseUrl) {
    if (file == null) {
      throw new IllegalStateException("variant " + variant.language() + " names media " + variant.media().id()
          + " that the plan does not hold");
    }
    return new MediaRef(file.sha256(), baseUrl + file.sha256(), file.mimeType(), file.sizeBytes());
  }

  private static TargetsSpec targets(Targets t) {
    return new TargetsSpec(List.copyOf(t.clusters()), List.copyOf(t.groups()), List.copyOf(t.tags()),
        List.copyOf(t.screens()));
  }

  private static LanguagePolicySpec policy(LanguagePolicy p) {
    return new LanguagePolicySpec(LanguagePolicySpec.Mode.valueOf(p.mode().name()), p.language());
  }

  private static AlertSpec alert(Alert a) {
    return new AlertSpec(a.id(), a.clusterId(), a.start(), a.expires(), a.text());
  }
}
