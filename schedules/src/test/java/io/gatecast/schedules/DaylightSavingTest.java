package io.gatecast.schedules;

import static io.gatecast.schedules.Fixtures.BERLIN;
import static io.gatecast.schedules.Fixtures.at;
import static io.gatecast.schedules.Fixtures.campaign;
import static io.gatecast.schedules.Fixtures.item;
import static io.gatecast.schedules.Fixtures.playlist;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Europe/Berlin: DST starts 2026-03-29 02:00 → 03:00 and ends 2026-10-25 03:00 → 02:00. */
class DaylightSavingTest {
  private final Screen berlin = Fixtures.screen("embassy", "berlin", BERLIN, "vi", "de", "en");
  private final Rules defaultsOnly = Rules.of(List.of(), playlist("default", item("d", 30, "vi")));

  private Rules with(Campaign c) {
    return Rules.of(List.of(c), defaultsOnly.defaultPlaylist());
  }

  @Test
  void dailySevenOClockStaysAtSevenLocalAcrossBothChanges() {
    Campaign morning = campaign("m", "berlin", LocalDateTime.parse("2026-03-27T00:00"), LocalDateTime.parse("2026-10-28T00:00"))
        .recurrences(Recurrence.of("FREQ=DAILY", LocalTime.of(7, 0), Duration.ofHours(1))).build();
    ScreenSchedule s = Schedules.forScreen(with(morning), berlin);

    for (String day : List.of("2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26")) {
      Instant seven = at(day + "T07:00:00", BERLIN);
      assertThat(s.resolve(seven).sourceId()).as(day).isEqualTo("m");
      assertThat(s.resolve(seven).start()).as(day).isEqualTo(seven);
      assertThat(s.resolve(seven.minusSeconds(1)).kind()).as(day).isEqualTo(SlotKind.DEFAULT);
      assertThat(s.resolve(at(day + "T08:00:00", BERLIN)).kind()).as(day).isEqualTo(SlotKind.DEFAULT);
    }
    // Same local hour, different UTC hour: the offset changed, the wall clock did not.
    assertThat(at("2026-03-28T07:00:00", BERLIN).atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(6);
    assertThat(at("2026-03-30T07:00:00", BERLIN).atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(5);
  }

  @Test
  void daypartAcrossTheSpringGapLastsOneHourLessAndStartsAtItsWallClockTime() {
    Campaign early = campaign("e", "berlin", LocalDateTime.parse("2026-03-28T00:00"), LocalDateTime.parse("2026-03-31T00:00"))
        .dayparts(Daypart.everyDay(LocalTime.of(1, 0), LocalTime.of(4, 0))).build();
    List<Slot> day = Schedules.timeline(with(early), berlin, at("2026-03-29T00:00:00", BERLIN), at("2026-03-30T00:00:00", BERLIN));

    Duration onAir = day.stream().filter(x -> x.kind() == SlotKind.CAMPAIGN).map(Slot::duration)
        .reduce(Duration.ZERO, Duration::plus);
    assertThat(onAir).isEqualTo(Duration.ofHours(2));
    assertThat(day.stream().filter(x -> x.kind() == SlotKind.CAMPAIGN).findFirst().orElseThrow().start())
        .isEqualTo(at("2026-03-29T01:00:00", BERLIN));
    assertThat(day.get(0).start()).isEqualTo(at("2026-03-29T00:00:00", BERLIN));
    assertThat(day.get(day.size() - 1).end()).isEqualTo(at("2026-03-30T00:00:00", BERLIN));
  }

  @Test
  void daypartInsideTheSpringGapMovesForwardByTheGapAsRfc5545Does() {
    Campaign ghost = campaign("g", "berlin", LocalDateTime.parse("2026-03-28T00:00"), LocalDateTime.parse("2026-03-31T00:00"))
        .dayparts(Daypart.everyDay(LocalTime.of(2, 0), LocalTime.of(2, 30))).build();
    ScreenSchedule s = Schedules.forScreen(with(ghost), berlin);

    List<Slot> gapDay = s.timeline(at("2026-03-29T00:00:00", BERLIN), at("2026-03-29T06:00:00", BERLIN));
    List<Slot> onAir = gapDay.stream().filter(x -> x.kind() == SlotKind.CAMPAIGN).toList();
    // 02:00 and 02:30 do not exist that night; like DTSTART in RFC 5545 they move to 03:00 and 03:30.
    assertThat(onAir.get(0).start()).isEqualTo(at("2026-03-29T03:00:00", BERLIN));
    assertThat(onAir.get(onAir.size() - 1).end()).isEqualTo(at("2026-03-29T03:30:00", BERLIN));
    assertThat(s.resolve(at("2026-03-30T02:10:00", BERLIN)).sourceId()).isEqualTo("g");
  }

  @Test
  void daypartAcrossTheAutumnOverlapCoversTheRepeatedHour() {
    Campaign night = campaign("n", "berlin", LocalDateTime.parse("2026-10-24T00:00"), LocalDateTime.parse("2026-10-27T00:00"))
        .dayparts(Daypart.everyDay(LocalTime.of(1, 0), LocalTime.of(4, 0))).build();
    List<Slot> day = Schedules.timeline(with(night), berlin, at("2026-10-25T00:00:00", BERLIN), at("2026-10-26T00:00:00", BERLIN));

    Duration onAir = day.stream().filter(x -> x.kind() == SlotKind.CAMPAIGN).map(Slot::duration)
        .reduce(Duration.ZERO, Duration::plus);
    assertThat(onAir).isEqualTo(Duration.ofHours(4));
    Instant secondTwoThirty = ZonedDateTime.of(LocalDateTime.parse("2026-10-25T02:30"), BERLIN)
        .withLaterOffsetAtOverlap().toInstant();
    assertThat(Schedules.resolve(with(night), berlin, secondTwoThirty).sourceId()).isEqualTo("n");
  }
}
