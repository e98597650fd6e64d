package io.gatecast.schedules;

import static io.gatecast.schedules.Fixtures.HCM;
import static io.gatecast.schedules.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coarse "who owns the screen when" view a calendar draws, against the slot timeline. */
class OwnershipTest {
  private static final Screen HALL = Fixtures.hallScreen();

  @Test
  void aMondayDaypartOverTheDefaultIsOneStretchAndMidnightDoesNotSplitTheDefault() {
    Campaign base = Fixtures.campaign("base", "lao-cai-intl",
        LocalDateTime.parse("2026-03-01T00:00"), LocalDateTime.parse("2026-05-01T00:00")).priority(0).build();
    Campaign morning = Fixtures.campaign("morning", "lao-cai-intl",
        LocalDateTime.parse("2026-03-01T00:00"), LocalDateTime.parse("2026-05-01T00:00"))
        .dayparts(new Daypart(Set.of(DayOfWeek.MONDAY), LocalTime.of(7, 0), LocalTime.of(9, 0)))
        .priority(10).build();
    Rules rules = Rules.of(List.of(base, morning), Fixtures.playlist("default", Fixtures.item("d", 10, "vi")));

    // Sunday 1 March to Tuesday 3 March 2026, Hanoi time.
    List<Ownership> owners = new ScreenSchedule(rules, HALL)
        .ownership(at("2026-03-01T00:00", HCM), at("2026-03-03T00:00", HCM));

    assertThat(owners).containsExactly(
        new Ownership(at("2026-03-01T00:00", HCM), at("2026-03-02T07:00", HCM), SlotKind.CAMPAIGN, List.of("base")),
        new Ownership(at("2026-03-02T07:00", HCM), at("2026-03-02T09:00", HCM), SlotKind.CAMPAIGN, List.of("morning")),
        new Ownership(at("2026-03-02T09:00", HCM), at("2026-03-03T00:00", HCM), SlotKind.CAMPAIGN, List.of("base")));
  }

  @Test
  void everySlotLiesInAStretchOfItsOwnSource() {
    qt().withExamples(40).forAll(longs().all(), integers().between(0, 14 * 86_400)).checkAssert((seed, off) -> {
      Rules rules = RandomRules.draw(seed, HCM);
      Screen screen = new Screen("s1", "gate", Set.of(), Set.of("hall"), HCM, List.of("vi", "en"));
      Instant from = RandomRules.BASE.atZone(HCM).toInstant().plusSeconds(off);
      Instant to = from.plusSeconds(2 * 86_400);
      ScreenSchedule schedule = new ScreenSchedule(rules, screen);

      List<Ownership> owners = schedule.ownership(from, to);

      assertThat(owners.get(0).start()).isEqualTo(from);
      assertThat(owners.get(owners.size() - 1).end()).isEqualTo(to);
      for (int i = 1; i < owners.size(); i++) {
        assertThat(owners.get(i).start()).isEqualTo(owners.get(i - 1).end());
        Ownership previous = owners.get(i - 1);
        Ownership current = owners.get(i);
        assertThat(current.kind() == previous.kind() && current.sourceIds().equals(previous.sourceIds()))
            .as("stretch %s repeats its predecessor's owner", current).isFalse();
      }
      for (Slot slot : schedule.timeline(from, to)) {
        Instant probe = slot.start().isBefore(from) ? from : slot.start();
        if (!probe.isBefore(to)) {
          continue;
        }
        Ownership owner = owners.stream().filter(o -> !probe.isBefore(o.start()) && probe.isBefore(o.end()))
            .findFirst().orElseThrow();
        assertThat(owner.kind()).isEqualTo(slot.kind());
        if (slot.kind() != SlotKind.IDLE) {
          assertThat(owner.sourceIds()).contains(slot.sourceId());
        }
      }
    });
  }
}
