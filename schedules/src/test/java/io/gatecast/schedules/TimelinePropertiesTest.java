package io.gatecast.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties over random rules; each example is a (seed, offset) pair QuickTheories can report. */
class TimelinePropertiesTest {
  private static final ZoneId[] ZONES = {Fixtures.HCM, Fixtures.SHANGHAI};
  private static final int WINDOW_SECONDS = 36 * 3600;

  private static Screen screen(String id, ZoneId zone) {
    return new Screen(id, "gate", Set.of(), Set.of("hall"), zone, List.of("vi", "zh-Hans", "en"));
  }

  private static ZoneId zone(long seed) {
    return ZONES[(int) Math.floorMod(seed, ZONES.length)];
  }

  private static Instant from(ZoneId zone, int offsetSeconds) {
    return RandomRules.BASE.atZone(zone).toInstant().plusSeconds(offsetSeconds);
  }

  @Test
  void timelinesAreContiguousWithoutOverlapsOrGaps() {
    qt().withExamples(60).forAll(longs().all(), integers().between(0, 14 * 86_400)).checkAssert((seed, off) -> {
      ZoneId zone = zone(seed);
      Rules rules = RandomRules.draw(seed, zone);
      Instant from = from(zone, off);
      Instant to = from.plusSeconds(WINDOW_SECONDS);

      List<Slot> slots = Schedules.timeline(rules, screen("s1", zone), from, to);

      assertThat(slots.get(0).start()).isBeforeOrEqualTo(from);
      assertThat(slots.get(slots.size() - 1).end()).isAfterOrEqualTo(to);
      for (int i = 0; i < slots.size(); i++) {
        assertThat(slots.get(i).start()).isBefore(slots.get(i).end());
        if (i > 0) {
          assertThat(slots.get(i).start()).isEqualTo(slots.get(i - 1).end());
        }
        if (rules.defaultPlaylist() != null) {
          assertThat(slots.get(i).kind()).isNotEqualTo(SlotKind.IDLE);
        }
      }
    });
  }

  @Test
  void aSlotNeverComesFromACampaignWhileAHigherOneIsOn() {
    qt().withExamples(60).forAll(longs().all(), integers().between(0, 14 * 86_400)).checkAssert((seed, off) -> {
      ZoneId zone = zone(seed);
      Rules rules = RandomRules.draw(seed, zone);
      Instant from = from(zone, off);

      for (Slot slot : Schedules.timeline(rules, screen("s1", zone), from, from.plusSeconds(WINDOW_SECONDS))) {
        Instant t = slot.start().isBefore(from) ? from : slot.start();
        List<Campaign> on = rules.campaigns().stream().filter(c -> ActivityOracle.isOn(c, zone, t)).toList();
        boolean alertOn = rules.alerts().stream().anyMatch(a -> a.isActive(t));
        int top = on.stream().mapToInt(Campaign::priority).max().orElse(Integer.MIN_VALUE);
        switch (slot.kind()) {
          case ALERT -> assertThat(alertOn).isTrue();
          case CAMPAIGN -> {
            assertThat(alertOn).isFalse();
            Campaign source = on.stream().filter(c -> c.id().equals(slot.sourceId())).findFirst().orElseThrow();
            assertThat(source.priority()).isEqualTo(top);
          }
          default -> {
            assertThat(alertOn).isFalse();
            assertThat(on).isEmpty();
          }
        }
      }
    });
  }

  @Test
  void sameInputsGiveTheSameTimelineAndScreensOfAClusterAgree() {
    qt().withExamples(40).forAll(longs().all(), integers().between(0, 14 * 86_400)).checkAssert((seed, off) -> {
      ZoneId zone = zone(seed);
      Instant from = from(zone, off);
      Instant to = from.plusSeconds(WINDOW_SECONDS);

      List<Slot> first = Schedules.timeline(RandomRules.draw(seed, zone), screen("s1", zone), from, to);
      List<Slot> again = Schedules.timeline(RandomRules.draw(seed, zone), screen("s1", zone), from, to);
      List<Slot> neighbour = Schedules.timeline(RandomRules.draw(seed, zone), screen("s2", zone), from, to);

      assertThat(again).isEqualTo(first);
      assertThat(neighbour).isEqualTo(first);
    });
  }

  @Test
  void resolveAgreesWithTheTimelineSlotContainingTheInstant() {
    qt().withExamples(80)
        .forAll(longs().all(), integers().between(0, 14 * 86_400), integers().between(0, WINDOW_SECONDS - 1))
        .checkAssert((seed, off, into) -> {
          ZoneId zone = zone(seed);
          Rules rules = RandomRules.draw(seed, zone);
          Instant from = from(zone, off);
          Instant t = from.plusSeconds(into).plusMillis(into % 1000);

          Slot resolved = Schedules.resolve(rules, screen("s1", zone), t);
          List<Slot> timeline = Schedules.timeline(rules, screen("s1", zone), from, from.plusSeconds(WINDOW_SECONDS));

          assertThat(resolved.contains(t)).isTrue();
          assertThat(timeline.stream().filter(s -> s.contains(t)).toList()).containsExactly(resolved);
        });
  }

  @Test
  void alertsOnlyReachTheirOwnCluster() {
    qt().withExamples(30).forAll(longs().all(), integers().between(0, 14 * 86_400)).checkAssert((seed, off) -> {
      ZoneId zone = zone(seed);
      Rules rules = RandomRules.draw(seed, zone);
      Screen elsewhere = new Screen("x", "other-gate", Set.of(), Set.of("hall"), zone, List.of("vi"));
      Instant from = from(zone, off);

      assertThat(Schedules.timeline(rules, elsewhere, from, from.plusSeconds(WINDOW_SECONDS)))
          .noneMatch(s -> s.kind() == SlotKind.ALERT);
      assertThat(rules.alerts()).allMatch((Alert a) -> a.clusterId().equals("gate"));
    });
  }
}
