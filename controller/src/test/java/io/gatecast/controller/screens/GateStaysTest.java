package io.gatecast.controller.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of a period a screen spent at each gate, from where it was placed and when. */
class GateStaysTest {
  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant SEP = Instant.parse("2026-09-01T00:00:00Z");
  private static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");
  private static final List<GateStays.Stay> MOVED_IN_JUNE = List.of(new GateStays.Stay("lao-cai", MAR),
      new GateStays.Stay("kim-thanh", JUN));

  @Test
  void aPeriodAcrossAMoveIsSplitAtTheMove() {
    assertThat(GateStays.within(MOVED_IN_JUNE, "kim-thanh", JAN, DEC)).containsExactly(
        new GateStays.Span("lao-cai", JAN, JUN), new GateStays.Span("kim-thanh", JUN, DEC));
  }

  @Test
  void aPeriodWithinOneStayIsThatGatesOnly() {
    assertThat(GateStays.within(MOVED_IN_JUNE, "kim-thanh", SEP, DEC))
        .containsExactly(new GateStays.Span("kim-thanh", SEP, DEC));
    assertThat(GateStays.within(MOVED_IN_JUNE, "kim-thanh", JAN, MAR))
        .as("before its first recorded stay it was at its first gate").containsExactly(new GateStays.Span("lao-cai", JAN, MAR));
  }

  @Test
  void aMoveAfterThePeriodDoesNotCount() {
    assertThat(GateStays.within(MOVED_IN_JUNE, "kim-thanh", JAN, JUN))
        .containsExactly(new GateStays.Span("lao-cai", JAN, JUN));
  }

  @Test
  void withNoStaysRecordedTheWholePeriodIsAtTheGateToday() {
    assertThat(GateStays.within(List.of(), "kim-thanh", JAN, DEC)).containsExactly(new GateStays.Span("kim-thanh", JAN, DEC));
  }
}
