package io.gatecast.schedules.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneClocksTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void theBorderClockReadsAnHourApart() {
    List<ZoneTime> times = ZoneClocks.at(Instant.parse("2026-12-02T02:55:00Z"), List.of(HANOI, BEIJING));
    assertThat(times).extracting(ZoneTime::hhmm).containsExactly("09:55", "10:55");
    assertThat(times).extracting(ZoneTime::offsetLabel).containsExactly("UTC+7", "UTC+8");
    assertThat(times).extracting(ZoneTime::daylightSaving).containsExactly(false, false);
  }

  @Test
  void parisSpringsForwardAndFallsBack() {
    // 29 March 2026, 01:00 UTC: 02:00 local jumps to 03:00.
    ZoneTime before = ZoneClocks.at(Instant.parse("2026-03-29T00:59:00Z"), PARIS);
    ZoneTime after = ZoneClocks.at(Instant.parse("2026-03-29T01:00:00Z"), PARIS);
    assertThat(before.local()).isEqualTo(LocalDateTime.parse("2026-03-29T01:59"));
    assertThat(after.local()).isEqualTo(LocalDateTime.parse("2026-03-29T03:00"));
    assertThat(List.of(before.offsetLabel(), after.offsetLabel())).containsExactly("UTC+1", "UTC+2");
    assertThat(after.daylightSaving()).isTrue();
    // 25 October 2026, 01:00 UTC: 03:00 local goes back to 02:00, so 02:30 happens twice.
    ZoneTime first = ZoneClocks.at(Instant.parse("2026-10-25T00:30:00Z"), PARIS);
    ZoneTime second = ZoneClocks.at(Instant.parse("2026-10-25T01:30:00Z"), PARIS);
    assertThat(first.hhmm()).isEqualTo("02:30");
    assertThat(second.hhmm()).isEqualTo("02:30");
    assertThat(List.of(first.daylightSaving(), second.daylightSaving())).containsExactly(true, false);
  }

  @Test
  void newYorkAcrossItsChangesWhileHanoiNeverMoves() {
    Instant spring = Instant.parse("2026-03-08T07:00:00Z"); // 02:00 EST -> 03:00 EDT
    List<ZoneTime> justBefore = ZoneClocks.at(spring.minusSeconds(60), List.of(NEW_YORK, HANOI));
    List<ZoneTime> at = ZoneClocks.at(spring, List.of(NEW_YORK, HANOI));
    assertThat(justBefore).extracting(ZoneTime::hhmm).containsExactly("01:59", "13:59");
    assertThat(at).extracting(ZoneTime::hhmm).containsExactly("03:00", "14:00");
    assertThat(at.get(0).offsetLabel()).isEqualTo("UTC-4");
    Instant autumn = Instant.parse("2026-11-01T06:00:00Z"); // 02:00 EDT -> 01:00 EST
    assertThat(ZoneClocks.at(autumn, NEW_YORK).hhmm()).isEqualTo("01:00");
    assertThat(ZoneClocks.at(autumn, NEW_YORK).offsetLabel()).isEqualTo("UTC-5");
    assertThat(ZoneClocks.at(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("Asia/Kolkata")).offsetLabel())
        .isEqualTo("UTC+5:30");
  }
}
