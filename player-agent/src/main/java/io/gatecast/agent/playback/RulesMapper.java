package io.gatecast.agent.playback;

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
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.InvalidModelException;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.Media;
import io.gatecast.schedules.model.MediaKind;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.model.Variant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The wire's rules ({@code protocol.rules}) to the engine's model, field for field. This is the only
 * wire-to-engine mapping in GateCast; the controller maps the other way (engine to wire) in its
 * {@code publish/WireRules}, so each direction is written once. The engine re-checks what the
 * rules mean (an RRULE, a daypart, a language tag); its complaint is prefixed with the path into
 * the message so the FAILED ack points at the field.
 */
public final class RulesMapper {
  /** The engine's view of one schedule message: its rules and the screen they are for. */
  public record Mapped(Rules rules, Screen screen) {}

  private RulesMapper() {}

  /** @throws IllegalArgumentException naming the field (e.g. {@code rules.campaigns[0].recurrences[1].rule}) */
  public static Mapped map(ScreenRules wire) {
    Map<String, ItemSpec> items = wire.itemsById();
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < wire.campaigns().size(); i++) {
      CampaignSpec c = wire.campaigns().get(i);
      String path = "rules.campaigns[" + i + "]";
      campaigns.add(at(path, () -> new Campaign(c.id(), c.name(), playlist(c.playlist(), items, path + ".playlist"),
          at(path + ".targets", () -> targets(c.targets())), c.start(), c.end(),
          dayparts(c.dayparts(), path), recurrences(c.recurrences(), path), c.priority(), c.weight(),
          at(path + ".languagePolicy", () -> policy(c.languagePolicy())))));
    }
    Playlist fallback = wire.defaultPlaylist() == null
        ? null : playlist(wire.defaultPlaylist(), items, "rules.defaultPlaylist");
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < wire.alerts().size(); i++) {
      AlertSpec a = wire.alerts().get(i);
      alerts.add(at("rules.alerts[" + i + "]", () -> alert(a)));
    }
    Rules rules = at("rules", () -> new Rules(campaigns, fallback,
        at("rules.defaultPolicy", () -> policy(wire.defaultPolicy())), alerts));
    return new Mapped(rules, at("rules.profile", () -> screen(wire.profile())));
  }

  /** An alert as the engine knows it (from the rules or from the cluster's alert topic). */
  static Alert alert(AlertSpec wire) {
    return new Alert(wire.id(), wire.clusterId(), wire.start(), wire.expires(), wire.text());
  }

  /** What the engine must render for a file, from the MIME type the controller stored with it. */
  static MediaKind kindOf(MediaRef media) {
    String type = media.mimeType().toLowerCase(Locale.ROOT);
    if (type.startsWith("image/")) {
      return MediaKind.IMAGE;
    }
    if (type.startsWith("video/")) {
      return MediaKind.VIDEO;
    }
    if (type.startsWith("text/html")) {
      return MediaKind.HTML;
    }
    throw new IllegalArgumentException("mimeType " + media.mimeType() + " of media " + media.sha256()
        + " cannot be shown (expected image/*, video/* or text/html)");
  }

  private static Playlist playlist(PlaylistSpec wire, Map<String, ItemSpec> items, String path) {
    List<PlaylistEntry> entries = new ArrayList<>();
    for (int i = 0; i < wire.entries().size(); i++) {
      EntrySpec e = wire.entries().get(i);
      String entryPath = path + ".entries[" + i + "]";
      ContentItem item = at("rules.items[" + e.itemId() + "]", () -> item(items.get(e.itemId())));
      entries.add(at(entryPath, () -> new PlaylistEntry(item, e.weight(), e.position())));
    }
    return at(path, () -> new Playlist(wire.id(), entries));
  }

  private static ContentItem item(ItemSpec wire) {
    List<Variant> variants = new ArrayList<>();
    for (int i = 0; i < wire.variants().size(); i++) {
      VariantSpec v = wire.variants().get(i);
      variants.add(at("variants[" + i + "]", () -> v.media() != null
          ? new Variant(v.language(), new Media(v.media().sha256(), kindOf(v.media())), null, v.seconds())
          : new Variant(v.language(), null, v.text(), v.seconds())));
    }
    return new ContentItem(wire.id(), wire.title(), variants);
  }

  private static Targets targets(TargetsSpec wire) {
    return new Targets(new HashSet<>(wire.clusters()), new HashSet<>(wire.groups()), new HashSet<>(wire.tags()),
        new HashSet<>(wire.screens()));
  }

  private static List<Daypart> dayparts(List<DaypartSpec> wire, String path) {
    List<Daypart> out = new ArrayList<>();
    for (int i = 0; i < wire.size(); i++) {
      DaypartSpec d = wire.get(i);
      out.add(at(path + ".dayparts[" + i + "]", () -> new Daypart(new HashSet<>(d.days()), d.start(), d.end())));
    }
    return out;
  }

  private static List<Recurrence> recurrences(List<RecurrenceSpec> wire, String path) {
    List<Recurrence> out = new ArrayList<>();
    for (int i = 0; i < wire.size(); i++) {
      RecurrenceSpec r = wire.get(i);
      out.add(at(path + ".recurrences[" + i + "]", () -> new Recurrence(r.rule(), r.at(), r.length())));
    }
    return out;
  }

  private static LanguagePolicy policy(LanguagePolicySpec wire) {
    return new LanguagePolicy(LanguagePolicy.Mode.valueOf(wire.mode().name()), wire.language());
  }

  private static Screen screen(ScreenProfile wire) {
    return new Screen(wire.screenId(), wire.clusterId(), new HashSet<>(wire.groups()), new HashSet<>(wire.tags()),
        ZoneId.of(wire.zone()), wire.languages());
  }

  /** Runs one construction, putting {@code path} in front of the engine's field name when it refuses. */
  private static <T> T at(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidModelException e) {
      throw new IllegalArgumentException(path + "." + e.getMessage(), e);
    }
  }
}
