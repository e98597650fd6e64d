package io.gatecast.controller.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.fleet.UptimeCalculator.Uptime;
import io.gatecast.controller.fleet.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uptime from history intervals: the agent's and the display's truths combined, clipped to the period. */
class UptimeCalculatorTest {
  private static final Instant T0 = Instant.parse("2026-09-02T00:00:00Z");

  @Test
  void upIsAgentOnlineAndDisplayNotDark() {
    List<HistoryEntry> changes = List.of(
        change(10, HistoryEntry.DISPLAY, "NOT_SHOWING"),
        change(20, HistoryEntry.DISPLAY, "SHOWING"),
        change(30, HistoryEntry.AGENT, "OFFLINE"),
        change(40, HistoryEntry.CONTENT, "STALE"), // freshness does not count
        change(45, HistoryEntry.AGENT, "ONLINE"),
        change(50, HistoryEntry.DISPLAY, "UNKNOWN")); // an agent that cannot see its browser counts as up

    Uptime uptime = UptimeCalculator.over(T0, T0.plus(Duration.ofMinutes(60)), "ONLINE", "SHOWING", changes);

    // down 10..20 and 30..45 of 60 minutes
    assertThat(uptime.up()).isEqualTo(Duration.ofMinutes(35));
    assertThat(uptime.measured()).isEqualTo(Duration.ofMinutes(60));
    assertThat(uptime.percent()).isEqualTo(58.33);
  }

  @Test
  void aScreenNeverSeenIsDownAndAnEmptyPeriodMeasuresNothing() {
    assertThat(UptimeCalculator.over(T0, T0.plusSeconds(60), null, null, List.of()).percent()).isEqualTo(0.0);
    assertThat(UptimeCalculator.over(T0, T0, "ONLINE", null, List.of()).percent()).isNull();
  }

  @Test
  void uptimesAddUpAcrossScreens() {
    Uptime a = new Uptime(Duration.ofMinutes(90), Duration.ofMinutes(120));
    Uptime b = new Uptime(Duration.ofMinutes(30), Duration.ofMinutes(120));
    assertThat(a.plus(b).percent()).isEqualTo(50.0);
  }

  private static HistoryEntry change(int minute, String aspect, String value) {
    return new HistoryEntry("s", T0.plus(Duration.ofMinutes(minute)), aspect, value, null);
  }
}
