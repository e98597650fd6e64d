package io.gatecast.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gatecast.schedules.layout.Layout;
import io.gatecast.schedules.layout.LayoutSchedule;
import io.gatecast.schedules.layout.Region;
import io.gatecast.schedules.layout.RegionContent;
import io.gatecast.schedules.layout.RegionRole;
import io.gatecast.schedules.layout.RegionSlot;
import io.gatecast.schedules.layout.WidgetTexts;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Variant;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of zoned layouts over random rules (RandomRules) and random layouts: every region's
 * timeline is contiguous, all regions switch language exactly with the MAIN region, and the answer
 * is the same on every call and on every screen of the gate.
 */
class LayoutPropertiesTest {
  private static final ZoneId[] ZONES = {Fixtures.HCM, Fixtures.SHANGHAI};
  private static final int WINDOW_SECONDS = 8 * 3600;

  private static Screen screen(String id, ZoneId zone) {
    return new Screen(id, "gate", Set.of(), Set.of("hall"), zone, List.of("vi", "zh-Hans", "en"));
  }

  private static ZoneId zone(long seed) {
    return ZONES[(int) Math.floorMod(seed, ZONES.length)];
  }

  private static Instant from(ZoneId zone, int offsetSeconds) {
    return RandomRules.BASE.atZone(zone).toInstant().plusSeconds(offsetSeconds);
  }

  /** A random layout: MAIN plays the programme or a playlist; the bands play text playlists or widgets. */
  static Layout layout(long seed) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    List<Region> regions = new ArrayList<>();
    if (r.nextInt(5) == 0) {
      regions.add(Region.playlist(RegionRole.MAIN, lines(r, "main")));
    }
    regions.add(r.nextBoolean() ? Region.playlist(RegionRole.TICKER, lines(r, "ticker"))
        : Region.widgets(RegionRole.TICKER, "TICKER"));
    if (r.nextBoolean()) {
      regions.add(Region.widgets(RegionRole.HEADER, "CLOCK", "DATE"));
    }
    if (r.nextBoolean()) {
      regions.add(r.nextBoolean() ? Region.playlist(RegionRole.SIDE, lines(r, "side"))
          : Region.widgets(RegionRole.SIDE, "OPENING_HOURS", "QR"));
    }
    return new Layout("random-" + seed, regions);
  }

  /** Text items in some of the screen's languages (some in none of them), of uneven lengths. */
  private static Playlist lines(Random r, String id) {
    List<PlaylistEntry> entries = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      List<Variant> variants = new ArrayList<>();
      for (String lang : RandomRules.LANGUAGES) {
        if (r.nextInt(2) == 0 || (variants.isEmpty() && lang.equals("hmn"))) {
          variants.add(Variant.text(lang, id + " line " + i + " " + lang, 4 + r.nextInt(30)));
        }
      }
      entries.add(PlaylistEntry.weighted(new ContentItem(id + "-" + i, id + " line " + i, variants), 1 + r.nextInt(2)));
    }
    return new Playlist(id, entries);
  }

  private static Map<RegionRole, List<RegionSlot>> timelines(long seed, String screenId, Instant from, Instant to) {
    ZoneId zone = zone(seed);
    return new LayoutSchedule(RandomRules.draw(seed, zone), screen(screenId, zone), layout(seed)).timelines(from, to);
  }

  @Test
  void everyRegionIsCoveredWithoutGapsOrOverlaps() {
    qt().withExamples(40).forAll(longs().all(), integers().between(0, 14 * 86_400)).checkAssert((seed, off) -> {
      Instant from = from(zone(seed), off);
      Instant to = from.plusSeconds(WINDOW_SECONDS);
      Map<RegionRole, List<RegionSlot>> all = timelines(seed, "s1", from, to);

      assertThat(all.keySet()).containsAll(layout(seed).regions().stream().map(Region::role).toList());
      all.forEach((role, slots) -> {
        assertThat(slots.get(0).start()).as(role + " first").isBeforeOrEqualTo(from);
        assertThat(slots.get(slots.size() - 1).end()).as(role + " last").isAfterOrEqualTo(to);
        for (int i = 0; i < slots.size(); i++) {
          assertThat(slots.get(i).start()).as(role + " slot " + i).isBefore(slots.get(i).end());
          assertThat(slots.get(i).role()).isEqualTo(role);
          if (i > 0) {
            assertThat(slots.get(i).start()).as(role + " slot " + i).isEqualTo(slots.get(i - 1).end());
          }
        }
      });
    });
  }

  @Test
  void allRegionsSwitchLanguageTogetherWithTheMainRegion() {
    qt().withExamples(40).forAll(longs().all(), integers().between(0, 14 * 86_400)).checkAssert((seed, off) -> {
      ZoneId zone = zone(seed);
      Screen screen = screen("s1", zone);
      Layout layout = layout(seed);
      Rules rules = RandomRules.draw(seed, zone);
      // The MAIN region's language, read from the plain engine, independently of the layout code.
      ScreenSchedule mainAlone = layout.main().content() == RegionContent.PLAYLIST
          ? new ScreenSchedule(new Rules(List.of(), layout.main().playlist(), rules.defaultPolicy(), rules.alerts()), screen)
          : new ScreenSchedule(rules, screen);
      Instant from = from(zone, off);
      Map<RegionRole, List<RegionSlot>> all =
          new LayoutSchedule(rules, screen, layout).timelines(from, from.plusSeconds(WINDOW_SECONDS));

      all.forEach((role, slots) -> {
        for (RegionSlot s : slots) {
          String atStart = language(mainAlone.resolve(s.start()), screen);
          String atEnd = language(mainAlone.resolve(s.end().minusMillis(1)), screen);
          assertThat(s.language()).as(role + " at " + s.start()).isEqualTo(atStart);
          assertThat(atEnd).as(role + ": MAIN's language is constant over " + s).isEqualTo(atStart);
          if (role != RegionRole.MAIN && s.slot() != null) {
            assertThat(s.slot().variant())
                .as(role + " shows the moment's language, or the item's fallback")
                .isEqualTo(WidgetTexts.pick(s.slot().item(), s.language(), screen.languages()));
          }
        }
        for (int i = 1; i < slots.size(); i++) {
          if (!slots.get(i).language().equals(slots.get(i - 1).language())) {
            Instant t = slots.get(i).start();
            assertThat(language(mainAlone.resolve(t.minusMillis(1)), screen))
                .as(role + " switches language at " + t + " only where MAIN does")
                .isNotEqualTo(language(mainAlone.resolve(t), screen));
          }
        }
      });
    });
  }

  @Test
  void sameInputsGiveTheSameRegionsAndScreensOfAGateAgreeSlotBySlot() {
    qt().withExamples(30).forAll(longs().all(), integers().between(0, 14 * 86_400)).checkAssert((seed, off) -> {
      Instant from = from(zone(seed), off);
      Instant to = from.plusSeconds(WINDOW_SECONDS);
      Map<RegionRole, List<RegionSlot>> first = timelines(seed, "s1", from, to);
      assertThat(timelines(seed, "s1", from, to)).isEqualTo(first);
      assertThat(timelines(seed, "s2", from, to)).isEqualTo(first);
    });
  }

  @Test
  void resolveAgreesWithTheTimelineSlotContainingTheInstant() {
    qt().withExamples(30).forAll(longs().all(), integers().between(0, 14 * 86_400)).checkAssert((seed, off) -> {
      ZoneId zone = zone(seed);
      LayoutSchedule schedule = new LayoutSchedule(RandomRules.draw(seed, zone), screen("s1", zone), layout(seed));
      Instant from = from(zone, off);
      schedule.timelines(from, from.plusSeconds(3600)).forEach((role, slots) -> {
        for (RegionSlot s : slots) {
          Instant probe = s.start().plusMillis(s.end().toEpochMilli() - s.start().toEpochMilli() - 1);
          assertThat(schedule.resolve(role, s.start())).isEqualTo(s);
          assertThat(schedule.resolve(role, probe)).isEqualTo(s);
        }
      });
    });
  }

  private static String language(Slot s, Screen screen) {
    return s.language() != null ? s.language() : screen.languages().get(0);
  }
}
