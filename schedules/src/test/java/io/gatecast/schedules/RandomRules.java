package io.gatecast.schedules;

import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.MediaKind;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.model.Variant;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Rules drawn from a seed, all within March 2026 on cluster "gate". QuickTheories supplies the
 * seed, so every failure is reproducible from the seed it prints.
 */
final class RandomRules {
  static final LocalDateTime BASE = LocalDateTime.parse("2026-03-01T00:00");
  static final List<String> LANGUAGES = List.of("vi", "zh-Hans", "en", "lo", "hmn");
  private static final String[] BYDAY = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  private RandomRules() {}

  static Rules draw(long seed, ZoneId zone) {
    Random r = new Random(seed);
    List<Campaign> campaigns = new ArrayList<>();
    int n = 1 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      LocalDateTime start = BASE.plusHours(r.nextInt(24 * 10));
      Campaign.Builder b = Campaign.builder("c" + i)
          .targets(r.nextBoolean() ? Targets.clusters("gate") : Targets.tags("hall"))
          .window(start, start.plusHours(1 + r.nextInt(24 * 8)))
          .playlist(playlist(r, "p" + i))
          .priority(r.nextInt(4))
          .weight(1 + r.nextInt(3))
          .languages(policy(r));
      if (r.nextInt(3) == 0) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        days.add(DayOfWeek.of(1 + r.nextInt(7)));
        days.add(DayOfWeek.of(1 + r.nextInt(7)));
        int startHour = r.nextInt(24);
        LocalTime end = LocalTime.of((startHour + 1 + r.nextInt(23)) % 24, 0); // may run overnight
        b.dayparts(new Daypart(days, LocalTime.of(startHour, 30 * r.nextInt(2)), end));
      }
      if (r.nextInt(3) == 0) {
        String rule = r.nextBoolean() ? "FREQ=DAILY" : "FREQ=WEEKLY;BYDAY=" + BYDAY[r.nextInt(7)] + "," + BYDAY[r.nextInt(7)];
        b.recurrences(Recurrence.of(rule, LocalTime.of(r.nextInt(24), 15 * r.nextInt(4)), Duration.ofMinutes(30 + r.nextInt(300))));
      }
      campaigns.add(b.build());
    }
    Playlist defaults = r.nextInt(10) < 7 ? playlist(r, "default") : null;
    List<Alert> alerts = new ArrayList<>();
    if (r.nextInt(10) < 3) {
      Instant start = BASE.plusHours(r.nextInt(24 * 10)).atZone(zone).toInstant();
      alerts.add(new Alert("a", "gate", start, r.nextBoolean() ? null : start.plusSeconds(60 + r.nextInt(20_000)),
          Map.of("vi", "Thông báo khẩn", "en", "Urgent notice")));
    }
    return new Rules(campaigns, defaults, policy(r), alerts);
  }

  private static Playlist playlist(Random r, String id) {
    List<PlaylistEntry> entries = new ArrayList<>();
    int items = 1 + r.nextInt(3);
    for (int i = 0; i < items; i++) {
      List<Variant> variants = new ArrayList<>();
      for (String lang : LANGUAGES) {
        if (variants.isEmpty() && lang.equals("hmn") || r.nextInt(3) == 0) {
          variants.add(Variant.media(lang, id + i + lang, MediaKind.VIDEO, 3 + r.nextInt(40)));
        }
      }
      ContentItem item = new ContentItem(id + "-i" + i, "Item " + i, variants);
      entries.add(i == 0 && r.nextInt(4) == 0 ? PlaylistEntry.pinned(item, 1) : PlaylistEntry.weighted(item, 1 + r.nextInt(3)));
    }
    return new Playlist(id, entries);
  }

  private static LanguagePolicy policy(Random r) {
    switch (r.nextInt(3)) {
      case 0:
        return LanguagePolicy.every();
      case 1:
        return LanguagePolicy.fixed(LANGUAGES.get(r.nextInt(LANGUAGES.size())));
      default:
        return LanguagePolicy.rotate();
    }
  }
}
