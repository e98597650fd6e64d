package io.gatecast.schedules.wire;

import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.layout.LayoutSpec;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's model ({@code schedules.model}) to the wire's rules ({@code protocol.rules}) and
 * back, field for field: the controller sends with {@link #toWire}, the agent plays what
 * {@link #fromWire} gives its engine. Both directions live here so they cannot drift apart
 * ({@code WireMappingRoundTripTest} holds them to each other).
 *
 * <p>What the wire does not carry back: a file's address and size (the engine knows a file by its
 * SHA-256 and kind; the sender supplies the rest, see {@link MediaFiles}), and the profile's
 * screen and gate names (the controller adds them per screen after mapping).
 */
public final class WireMapping {
  /**
   * The engine's view of one screen's rules: the rules, the screen they are for, its layout (null:
   * the programme full screen) and the layouts its campaigns bring, by campaign id (issue 23; the
   * engine's {@code ScreenLayouts} says which applies when).
   */
  public record Mapped(Rules rules, Screen screen, ScreenLayout layout, Map<String, ScreenLayout> campaignLayouts) {
    public Mapped {
      campaignLayouts = campaignLayouts == null ? Map.of() : java.util.Collections.unmodifiableMap(
          new java.util.TreeMap<>(campaignLayouts));
    }

    public Mapped(Rules rules, Screen screen, ScreenLayout layout) {
      this(rules, screen, layout, Map.of());
    }

    public Mapped(Rules rules, Screen screen) {
      this(rules, screen, null, Map.of());
    }
  }

  /** Where the sender's files are: the wire's reference for a variant's media, or null if it holds none. */
  @FunctionalInterface
  public interface MediaFiles {
    MediaRef of(Media media);
  }

  private WireMapping() {}

  /**
   * One screen's rules for its message. Only what concerns the screen is sent — the campaigns
   * aimed at it and its cluster's alerts, exactly the ones the engine would pick for it — and each
   * item once (in order of first mention), with the address and size of every file it needs.
   *
   * @throws IllegalStateException if a variant names media {@code files} does not hold
   */
  public static ScreenRules toWire(Screen screen, Rules rules, MediaFiles files) {
    return toWire(screen, rules, null, files);
  }

  /**
   * As {@link #toWire(Screen, Rules, MediaFiles)}, with the screen's layout (null: none): its items
   * follow the programme's in the message's items, in order of first mention.
   */
  public static ScreenRules toWire(Screen screen, Rules rules, ScreenLayout layout, MediaFiles files) {
    return toWire(screen, rules, layout, Map.of(), files);
  }

  /**
   * As {@link #toWire(Screen, Rules, ScreenLayout, MediaFiles)}, with the layouts campaigns bring, by
   * campaign id: only those of campaigns aimed at the screen are sent; their items follow the
   * layout's, in order of first mention.
   */
  public static ScreenRules toWire(Screen screen, Rules rules, ScreenLayout layout,
      Map<String, ScreenLayout> campaignLayouts, MediaFiles files) {
    Map<String, ItemSpec> items = new LinkedHashMap<>();
    List<CampaignSpec> campaigns = new ArrayList<>();
    for (Campaign c : rules.campaigns()) {
      if (c.targets().matches(screen)) {
        campaigns.add(new CampaignSpec(c.id(), c.name(), playlist(c.playlist(), items, files),
            targets(c.targets()), c.start(), c.end(),
            c.dayparts().stream().map(d -> new DaypartSpec(List.copyOf(d.days()), d.start(), d.end())).toList(),
            c.recurrences().stream().map(r -> new RecurrenceSpec(r.rule(), r.at(), r.duration().toString())).toList(),
            c.priority(), c.weight(), policy(c.languagePolicy())));
      }
    }
    Playlist fallback = rules.defaultPlaylist();
    PlaylistSpec defaultPlaylist = fallback == null ? null : playlist(fallback, items, files);
    List<AlertSpec> alerts = rules.alerts().stream()
        .filter(a -> a.clusterId().equals(screen.clusterId()))
        .map(WireMapping::alert)
        .toList();
    ScreenProfile profile = new ScreenProfile(screen.id(), screen.clusterId(), List.copyOf(screen.groups()),
        List.copyOf(screen.tags()), screen.zone().getId(), screen.languages());
    if (layout != null) {
      layout.items().forEach((id, item) -> items.computeIfAbsent(id, x -> item(item, files)));
    }
    Map<String, LayoutSpec> byCampaign = new java.util.TreeMap<>();
    for (CampaignSpec c : campaigns) {
      ScreenLayout brought = campaignLayouts.get(c.id());
      if (brought != null) {
        byCampaign.put(c.id(), brought.spec());
      }
    }
    byCampaign.keySet().forEach(id ->
        campaignLayouts.get(id).items().forEach((itemId, item) -> items.computeIfAbsent(itemId, x -> item(item, files))));
    return new ScreenRules(profile, List.copyOf(items.values()), campaigns, defaultPlaylist,
        policy(rules.defaultPolicy()), alerts, layout == null ? null : layout.spec(), byCampaign);
  }

  /**
   * The engine's rules and screen from a screen's message. The engine re-checks what the rules
   * mean (an RRULE, a daypart, a language tag); its complaint is prefixed with the path into the
   * message so the FAILED ack points at the field.
   *
   * @throws IllegalArgumentException naming the field (e.g. {@code rules.campaigns[0].recurrences[1].rule})
   */
  public static Mapped fromWire(ScreenRules wire) {
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
      alerts.add(at("rules.alerts[" + i + "]", () -> fromWire(a)));
    }
    Rules rules = at("rules", () -> new Rules(campaigns, fallback,
        at("rules.defaultPolicy", () -> policy(wire.defaultPolicy())), alerts));
    ScreenLayout layout = wire.layout() == null ? null : layout(wire.layout(), items, "rules.layout");
    Map<String, ScreenLayout> campaignLayouts = new LinkedHashMap<>();
    wire.campaignLayouts().forEach((campaignId, spec) ->
        campaignLayouts.put(campaignId, layout(spec, items, "rules.campaignLayouts." + campaignId)));
    return new Mapped(rules, at("rules.profile", () -> screen(wire.profile())), layout, campaignLayouts);
  }

  /** A layout of the message with the items it names, checked by the engine (the path on a refusal). */
  private static ScreenLayout layout(LayoutSpec spec, Map<String, ItemSpec> items, String path) {
    Map<String, ContentItem> layoutItems = new LinkedHashMap<>();
    for (String id : spec.itemIds()) {
      if (!layoutItems.containsKey(id)) {
        layoutItems.put(id, at("rules.items[" + id + "]", () -> item(items.get(id))));
      }
    }
    ScreenLayout mapped = new ScreenLayout(spec, layoutItems);
    at(path, mapped::engine); // the engine's own checks of the regions, with the path on a refusal
    return mapped;
  }

  /** An alert as the engine knows it (from the rules or from the cluster's alert topic). */
  public static Alert fromWire(AlertSpec wire) {
    return new Alert(wire.id(), wire.clusterId(), wire.start(), wire.expires(), wire.text());
  }

  /** What the engine must render for a file, from the MIME type the controller stored with it. */
  public static MediaKind kindOf(MediaRef media) {
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

  // engine -> wire

  private static PlaylistSpec playlist(Playlist playlist, Map<String, ItemSpec> items, MediaFiles files) {
    List<EntrySpec> entries = new ArrayList<>();
    for (PlaylistEntry e : playlist.entries()) {
      items.computeIfAbsent(e.item().id(), id -> item(e.item(), files));
      entries.add(new EntrySpec(e.item().id(), e.weight(), e.position()));
    }
    return new PlaylistSpec(playlist.id(), entries);
  }

  private static ItemSpec item(ContentItem item, MediaFiles files) {
    List<VariantSpec> variants = new ArrayList<>();
    for (Variant v : item.variants()) {
      variants.add(v.isText()
          ? VariantSpec.text(v.language(), v.text(), v.seconds())
          : VariantSpec.media(v.language(), mediaRef(files, v), v.seconds()));
    }
    return new ItemSpec(item.id(), item.title(), variants);
  }

  private static MediaRef mediaRef(MediaFiles files, Variant variant) {
    MediaRef ref = files.of(variant.media());
    if (ref == null) {
      throw new IllegalStateException("variant " + variant.language() + " names media " + variant.media().id()
          + ", for which the sender holds no file");
    }
    return ref;
  }

  private static AlertSpec alert(Alert a) {
    return new AlertSpec(a.id(), a.clusterId(), a.start(), a.expires(), a.text());
  }

  private static TargetsSpec targets(Targets t) {
    return new TargetsSpec(List.copyOf(t.clusters()), List.copyOf(t.groups()), List.copyOf(t.tags()),
        List.copyOf(t.screens()));
  }

  private static LanguagePolicySpec policy(LanguagePolicy p) {
    return new LanguagePolicySpec(LanguagePolicySpec.Mode.valueOf(p.mode().name()), p.language());
  }

  // wire -> engine

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
