package io.gatecast.schedules.wire;

import io.gatecast.protocol.Limits;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.layout.ClockSpec;
import io.gatecast.protocol.layout.ClockZoneSpec;
import io.gatecast.protocol.layout.CountdownSpec;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.LayoutTemplate;
import io.gatecast.protocol.layout.OpeningDaySpec;
import io.gatecast.protocol.layout.OpeningHoursSpec;
import io.gatecast.protocol.layout.OpeningSpanSpec;
import io.gatecast.protocol.layout.QrSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.protocol.layout.TickerSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Daypart;
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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One screen and rules for it drawn from a seed: valid for the engine and inside the wire's limits,
 * with the edges both sides must agree on (ids of every allowed character up to 64, text with
 * quotes, control characters, Vietnamese and emoji, nanoseconds, extreme priorities, pinned
 * positions, overnight dayparts, "RRULE:" prefixes). Some campaigns and alerts are aimed at other
 * screens and clusters, so the filter of {@link WireMapping#toWire} is exercised too. Every file a
 * variant names is in {@link #files}, with a MIME type of its kind.
 */
final class RandomModel {
  private static final List<String> LANGUAGES =
      List.of("vi", "en", "zh-Hans", "zh-Hant", "lo", "km", "hmn", "fr", "ru", "ko", "th", "en-GB", "zh-Hans-CN");
  private static final List<String> ZONES = List.of(
      "Asia/Ho_Chi_Minh", "Asia/Shanghai", "Asia/Vientiane", "Asia/Phnom_Penh", "UTC", "Europe/Paris",
      "America/New_York", "+07:00");
  private static final List<String> RRULES = List.of(
      "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=MONTHLY;BYMONTHDAY=1,15", "FREQ=DAILY;INTERVAL=3",
      "FREQ=WEEKLY;COUNT=10;BYDAY=SA", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=10", "RRULE:FREQ=DAILY",
      "FREQ=DAILY;UNTIL=20270101T000000");
  private static final String ID_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String ID_REST = ID_FIRST + "_.-";
  /** Text a person may type, and what JSON must escape: quotes, backslashes, control characters. */
  private static final String[] TEXT = {
      "a", "Z", "7", " ", "ă", "đ", "ơ", "ư", "Ế", "ỹ", "中", "文", "ລາວ", "ខ្មែរ", "🚧", "🇻🇳", "\"", "\\", "\n",
      "\t", "\u0001", "/", "<", "&", "'", "é"};
  private static final LocalDateTime BASE = LocalDateTime.parse("2026-01-01T00:00");
  private static final Instant BASE_INSTANT = Instant.parse("2026-01-01T00:00:00Z");

  final Screen screen;
  final Rules rules;
  /** Every file a variant names, by its media id (the SHA-256), as the sender would describe it. */
  final Map<String, MediaRef> files = new HashMap<>();
  /** Half the time a layout (issue 23), with playlists of the pool's items and widgets naming text items. */
  final ScreenLayout layout;
  /** Layouts some campaigns bring (issue 23), by campaign id; some of those campaigns are not aimed at the screen. */
  final Map<String, ScreenLayout> campaignLayouts = new LinkedHashMap<>();

  private final Random r;
  private int serial;

  RandomModel(long seed) {
    r = new Random(seed);
    screen = screen();
    List<ContentItem> pool = new ArrayList<>();
    int items = 1 + r.nextInt(6);
    for (int i = 0; i < items; i++) {
      pool.add(item());
    }
    List<Campaign> campaigns = new ArrayList<>();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      campaigns.add(campaign(pool));
    }
    Playlist fallback = r.nextInt(10) < 7 ? playlist(pool) : null;
    List<Alert> alerts = new ArrayList<>();
    int a = r.nextInt(4);
    for (int i = 0; i < a; i++) {
      alerts.add(alert());
    }
    rules = new Rules(campaigns, fallback, policy(), alerts);
    layout = r.nextBoolean() ? layout(pool) : null;
    for (Campaign c : campaigns) {
      if (r.nextInt(3) == 0) {
        campaignLayouts.put(c.id(), layout(pool));
      }
    }
  }

  /** What a screen's message can carry of {@link #campaignLayouts}: those of the campaigns aimed at it. */
  Map<String, ScreenLayout> campaignLayoutsForScreen() {
    Map<String, ScreenLayout> out = new java.util.TreeMap<>();
    for (Campaign c : forScreen().campaigns()) {
      if (campaignLayouts.containsKey(c.id())) {
        out.put(c.id(), campaignLayouts.get(c.id()));
      }
    }
    return out;
  }

  private ScreenLayout layout(List<ContentItem> pool) {
    List<LayoutTemplate> templates = List.copyOf(Templates.all());
    LayoutTemplate template = pick(templates);
    Map<String, ContentItem> items = new LinkedHashMap<>();
    List<RegionSpec> regions = new ArrayList<>();
    for (RegionRole role : template.roles()) {
      int kind = r.nextInt(3);
      if (role == RegionRole.MAIN && kind == 0) {
        if (r.nextBoolean()) {
          regions.add(RegionSpec.programme());
        } // else left out: MAIN plays the programme
      } else if (kind == 1) {
        Playlist p = playlist(pool);
        p.entries().forEach(e -> items.putIfAbsent(e.item().id(), e.item()));
        regions.add(RegionSpec.playlist(role, new PlaylistSpec(p.id(),
            p.entries().stream().map(e -> new EntrySpec(e.item().id(), e.weight(), e.position())).toList())));
      } else {
        List<WidgetSpec> widgets = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
          widgets.add(widget(items));
        }
        regions.add(new RegionSpec(role, null, widgets));
      }
    }
    return new ScreenLayout(new LayoutSpec(id("l"), template.id(), template.shape(), regions), items);
  }

  private WidgetSpec widget(Map<String, ContentItem> items) {
    return switch (r.nextInt(6)) {
      case 0 -> WidgetSpec.clock(new ClockSpec(List.of(new ClockZoneSpec("Asia/Ho_Chi_Minh",
          r.nextBoolean() ? textItem(items, text(Limits.MAX_TEXT_LENGTH)) : null),
          new ClockZoneSpec(pick(List.of("Asia/Shanghai", "Europe/Paris", "America/New_York")), null))));
      case 1 -> WidgetSpec.date(r.nextBoolean());
      case 2 -> WidgetSpec.ticker(new TickerSpec(List.of(textItem(items, text(Limits.MAX_LINE_LENGTH)),
          textItem(items, text(Limits.MAX_LINE_LENGTH)))));
      case 3 -> WidgetSpec.qr(new QrSpec(textItem(items, pick(List.of("https://laocai.gov.vn/", "http://dn.vn/a?b=c&d=%22e%22")))));
      case 4 -> WidgetSpec.countdown(new CountdownSpec(textItem(items, text(Limits.MAX_TEXT_LENGTH)),
          BASE_INSTANT.plusSeconds(r.nextInt(400 * 86_400))));
      default -> WidgetSpec.openingHours(new OpeningHoursSpec(List.of(new OpeningDaySpec(DayOfWeek.of(1 + r.nextInt(7)),
          List.of(new OpeningSpanSpec(LocalTime.of(7, 0), LocalTime.of(11, 30)),
              new OpeningSpanSpec(LocalTime.of(13, 0), r.nextBoolean() ? LocalTime.MIDNIGHT : LocalTime.of(17, 0))))),
          r.nextBoolean() ? List.of() : List.of(java.time.LocalDate.of(2027, 2, 8))));
    };
  }

  /** A new text item (one variant per language) added to {@code items}; its id. */
  private String textItem(Map<String, ContentItem> items, String text) {
    List<Variant> variants = new ArrayList<>();
    for (String language : languages(1 + r.nextInt(3))) {
      variants.add(Variant.text(language, text, 1 + r.nextInt(60)));
    }
    ContentItem item = new ContentItem(id("w"), text(Limits.MAX_TEXT_LENGTH), variants);
    items.put(item.id(), item);
    return item.id();
  }

  /** What a screen's message can carry of {@link #rules}: its campaigns and its cluster's alerts. */
  Rules forScreen() {
    return new Rules(rules.campaigns().stream().filter(c -> c.targets().matches(screen)).toList(),
        rules.defaultPlaylist(), rules.defaultPolicy(),
        rules.alerts().stream().filter(a -> a.clusterId().equals(screen.clusterId())).toList());
  }

  private Screen screen() {
    return new Screen(id("s"), id("gate"), names("g", 3), names("t", 3), ZoneId.of(pick(ZONES)), languages(1 + r.nextInt(4)));
  }

  private Campaign campaign(List<ContentItem> pool) {
    LocalDateTime start = dateTime();
    List<Daypart> dayparts = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      dayparts.add(daypart());
    }
    List<Recurrence> recurrences = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      recurrences.add(new Recurrence(pick(RRULES), time(), duration()));
    }
    return new Campaign(id("c"), text(Limits.MAX_TEXT_LENGTH), playlist(pool), targets(), start,
        start.plusSeconds(1 + r.nextInt(60 * 86_400)).plusNanos(r.nextBoolean() ? 0 : r.nextInt(1_000_000_000)),
        dayparts, recurrences, priority(), 1 + r.nextInt(r.nextBoolean() ? 3 : Limits.MAX_WEIGHT), policy());
  }

  /** Distinct items; pinned entries at distinct positions within the cycle, as the engine demands. */
  private Playlist playlist(List<ContentItem> pool) {
    List<ContentItem> chosen = new ArrayList<>(pool);
    Collections.shuffle(chosen, r);
    chosen = chosen.subList(0, 1 + r.nextInt(Math.min(5, chosen.size())));
    List<Integer> weights = new ArrayList<>();
    List<Boolean> pinned = new ArrayList<>();
    int cycle = 0;
    for (int i = 0; i < chosen.size(); i++) {
      weights.add(1 + r.nextInt(r.nextInt(10) == 0 ? Limits.MAX_WEIGHT : 3));
      pinned.add(r.nextInt(4) == 0);
      cycle += pinned.get(i) ? 1 : weights.get(i);
    }
    List<Integer> positions = new ArrayList<>();
    for (int p = 1; p <= cycle; p++) {
      positions.add(p);
    }
    Collections.shuffle(positions, r);
    List<PlaylistEntry> entries = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      entries.add(new PlaylistEntry(chosen.get(i), weights.get(i), pinned.get(i) ? positions.get(i) : null));
    }
    return new Playlist(id("p"), entries);
  }

  private ContentItem item() {
    boolean ticker = r.nextInt(3) == 0;
    List<Variant> variants = new ArrayList<>();
    for (String language : languages(1 + r.nextInt(4))) {
      int seconds = 1 + r.nextInt(r.nextInt(10) == 0 ? Limits.MAX_PLAY_SECONDS : 60);
      variants.add(ticker ? Variant.text(language, text(Limits.MAX_LINE_LENGTH), seconds)
          : new Variant(language, media(), null, seconds));
    }
    return new ContentItem(id("i"), text(Limits.MAX_TEXT_LENGTH), variants);
  }

  private Media media() {
    StringBuilder sha = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      sha.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    MediaKind kind = pick(List.of(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.HTML));
    String mimeType = switch (kind) {
      case IMAGE -> pick(List.of("image/png", "image/jpeg", "image/svg+xml", "IMAGE/WEBP"));
      case VIDEO -> pick(List.of("video/mp4", "video/webm"));
      default -> pick(List.of("text/html", "text/html; charset=utf-8"));
    };
    String base = pick(List.of("http://10.0.0.5:8080/media/", "https://controller.example/media/"));
    files.put(sha.toString(), new MediaRef(sha.toString(), base + sha, mimeType, (long) r.nextInt(Integer.MAX_VALUE) * r.nextInt(8)));
    return new Media(sha.toString(), kind);
  }

  /** Any of the screen's own names or others, so some campaigns are for it and some are not. */
  private Targets targets() {
    while (true) {
      Set<String> clusters = some(Set.of(screen.clusterId(), "other-gate"));
      Set<String> groups = some(union(screen.groups(), "g-elsewhere"));
      Set<String> tags = some(union(screen.tags(), "t-elsewhere"));
      Set<String> screens = some(Set.of(screen.id(), "s-elsewhere"));
      if (!(clusters.isEmpty() && groups.isEmpty() && tags.isEmpty() && screens.isEmpty())) {
        return new Targets(clusters, groups, tags, screens);
      }
    }
  }

  private Daypart daypart() {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    days.add(DayOfWeek.of(1 + r.nextInt(7)));
    for (DayOfWeek day : DayOfWeek.values()) {
      if (r.nextInt(3) == 0) {
        days.add(day);
      }
    }
    LocalTime start = time();
    LocalTime end = r.nextInt(5) == 0 ? LocalTime.MIDNIGHT : time(); // may run overnight
    if (end.equals(start) && !end.equals(LocalTime.MIDNIGHT)) {
      end = end.plusHours(1);
    }
    return new Daypart(days, start, end);
  }

  private Alert alert() {
    Instant start = BASE_INSTANT.plusSeconds(r.nextInt(400 * 86_400)).plusNanos(r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
    Instant expires = r.nextBoolean() ? null : start.plusSeconds(1 + r.nextInt(30 * 86_400));
    Map<String, String> text = new LinkedHashMap<>();
    for (String language : languages(1 + r.nextInt(3))) {
      text.put(language, text(Limits.MAX_LINE_LENGTH));
    }
    return new Alert(id("a"), r.nextInt(4) == 0 ? "other-gate" : screen.clusterId(), start, expires, text);
  }

  private LanguagePolicy policy() {
    return switch (r.nextInt(3)) {
      case 0 -> LanguagePolicy.rotate();
      case 1 -> LanguagePolicy.every();
      default -> LanguagePolicy.fixed(pick(LANGUAGES));
    };
  }

  private int priority() {
    return switch (r.nextInt(10)) {
      case 0 -> Integer.MIN_VALUE;
      case 1 -> Integer.MAX_VALUE;
      default -> r.nextInt(2001) - 1000;
    };
  }

  private LocalDateTime dateTime() {
    LocalDateTime t = BASE.plusSeconds(r.nextInt(700 * 86_400));
    return r.nextBoolean() ? t : t.plusNanos(r.nextInt(1_000_000_000));
  }

  private LocalTime time() {
    LocalTime t = LocalTime.ofSecondOfDay(r.nextInt(86_400));
    return r.nextInt(4) == 0 ? t.plusNanos(r.nextInt(1_000_000_000)) : t;
  }

  private Duration duration() {
    Duration d = Duration.ofSeconds(1 + r.nextInt(3 * 86_400));
    return r.nextInt(4) == 0 ? d.plusNanos(r.nextInt(1_000_000_000)) : d;
  }

  /** Unique (a serial number in it), of every allowed character, sometimes the full 64. */
  private String id(String prefix) {
    StringBuilder id = new StringBuilder(prefix).append(serial++);
    if (r.nextBoolean()) {
      id.append(ID_REST.charAt(r.nextInt(ID_REST.length())));
    }
    int target = r.nextInt(8) == 0 ? 64 : id.length() + r.nextInt(8);
    while (id.length() < target) {
      id.append(ID_REST.charAt(r.nextInt(ID_REST.length())));
    }
    if (!Character.isLetterOrDigit(id.charAt(0))) {
      id.setCharAt(0, ID_FIRST.charAt(r.nextInt(ID_FIRST.length())));
    }
    return id.toString();
  }

  /** Never blank; mostly short, sometimes up to the wire's limit (in UTF-16 units, as the wire counts). */
  private String text(int maxLength) {
    int length = 1 + r.nextInt(r.nextInt(10) == 0 ? maxLength : 30);
    StringBuilder s = new StringBuilder().append(ID_FIRST.charAt(r.nextInt(ID_FIRST.length())));
    while (true) {
      String next = TEXT[r.nextInt(TEXT.length)];
      if (s.length() + next.length() > length) {
        return s.toString();
      }
      s.append(next);
    }
  }

  private List<String> languages(int n) {
    List<String> all = new ArrayList<>(LANGUAGES);
    Collections.shuffle(all, r);
    return List.copyOf(all.subList(0, n));
  }

  private Set<String> names(String prefix, int max) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = r.nextInt(max + 1); i > 0; i--) {
      names.add(id(prefix));
    }
    return names;
  }

  private Set<String> some(Set<String> from) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String name : from) {
      if (r.nextInt(3) == 0) {
        chosen.add(name);
      }
    }
    return chosen;
  }

  private static Set<String> union(Set<String> names, String extra) {
    Set<String> all = new LinkedHashSet<>(names);
    all.add(extra);
    return all;
  }

  private <T> T pick(List<T> values) {
    return values.get(r.nextInt(values.size()));
  }
}
