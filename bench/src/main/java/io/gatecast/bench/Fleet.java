package io.gatecast.bench;

import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.MediaKind;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.model.Variant;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** A realistic-looking national fleet and rule set, drawn from a fixed seed so runs compare. */
final class Fleet {
  static final LocalDateTime WEEK_START = LocalDateTime.parse("2026-08-31T00:00");
  static final int CLUSTERS = 40;
  private static final List<String> LANGS = List.of("vi", "zh-Hans", "lo", "km", "en", "ko", "fr", "hmn");
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  private Fleet() {}

  /**
   * {@code n} campaigns over two months around the week: a third with dayparts, a third with
   * weekly or monthly RRULEs, the rest all-day; priorities 0–9; aimed at clusters, groups, tags.
   */
  static Rules rules(int n, boolean withDefault) {
    Random r = new Random(42);
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDateTime start = WEEK_START.minusDays(30).plusHours(r.nextInt(24 * 45));
      Campaign.Builder b = Campaign.builder("c" + i)
          .name("Campaign " + i)
          .playlist(playlist(r, "p" + i))
          .targets(targets(r))
          .window(start, start.plusDays(3 + r.nextInt(30)))
          .priority(r.nextInt(10))
          .weight(1 + r.nextInt(3))
          .languages(r.nextInt(4) == 0 ? LanguagePolicy.every() : LanguagePolicy.rotate());
      switch (i % 3) {
        case 0 -> b.dayparts(Daypart.weekdays(LocalTime.of(6 + r.nextInt(6), 0), LocalTime.of(13 + r.nextInt(9), 0)));
        case 1 -> b.recurrences(Recurrence.of(
            r.nextBoolean() ? "FREQ=WEEKLY;BYDAY=" + DAYS[r.nextInt(7)] + "," + DAYS[r.nextInt(7)] : "FREQ=MONTHLY;BYDAY=1MO,-1FR",
            LocalTime.of(7 + r.nextInt(10), 0), Duration.ofHours(1 + r.nextInt(4))));
        default -> { }
      }
      campaigns.add(b.build());
    }
    return new Rules(campaigns, withDefault ? playlist(r, "default") : null, LanguagePolicy.rotate(), List.of());
  }

  static Screen screen(int i) {
    int cluster = i % CLUSTERS;
    ZoneId zone = ZoneId.of(cluster % 5 == 0 ? "Asia/Shanghai" : "Asia/Ho_Chi_Minh");
    List<String> langs = List.of("vi", LANGS.get(1 + cluster % 3), "en");
    return new Screen("s" + i, "k" + cluster, Set.of("g" + cluster % 8), Set.of(i % 2 == 0 ? "hall" : "lane"), zone, langs);
  }

  static List<Screen> screens(int n) {
    List<Screen> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(screen(i));
    }
    return out;
  }

  private static Targets targets(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return Targets.groups("g" + r.nextInt(8));
      case 1:
        return Targets.tags(r.nextBoolean() ? "hall" : "lane");
      default:
        return Targets.clusters("k" + r.nextInt(CLUSTERS), "k" + r.nextInt(CLUSTERS));
    }
  }

  private static Playlist playlist(Random r, String id) {
    List<PlaylistEntry> entries = new ArrayList<>();
    int items = 1 + r.nextInt(5);
    for (int i = 0; i < items; i++) {
      List<Variant> variants = new ArrayList<>();
      variants.add(Variant.media("vi", id + i + "vi", MediaKind.VIDEO, 8 + r.nextInt(30)));
      for (String lang : LANGS.subList(1, LANGS.size())) {
        if (r.nextInt(3) == 0) {
          variants.add(Variant.media(lang, id + i + lang, MediaKind.IMAGE, 8 + r.nextInt(30)));
        }
      }
      entries.add(PlaylistEntry.weighted(new ContentItem(id + "-" + i, "Item " + i, variants), 1 + r.nextInt(2)));
    }
    return new Playlist(id, entries);
  }
}
