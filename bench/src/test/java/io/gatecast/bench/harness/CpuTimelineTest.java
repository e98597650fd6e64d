package io.gatecast.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A span's CPU is read at samples that enclose it, for each process named and the whole machine. */
class CpuTimelineTest {
  @Test
  void aSpanThatHasEndedIsReadAtSamplesThatEncloseItForEveryProcessAndTheMachine() {
    long self = ProcessHandle.current().pid();
    Map<String, Double> spent;
    long from;
    long to;
    try (CpuTimeline timeline = new CpuTimeline(Map.of("this", self))) {
      from = System.nanoTime();
      long work = 1;
      for (int i = 0; i < 5_000_000; i++) { // some CPU inside the span, however long it takes
        work = work * 31 + i;
      }
      assertThat(work).as("the loop's result, kept so it runs").isNotEqualTo(Long.MIN_VALUE);
      to = System.nanoTime(); // a span that ended just now, after the reader's last sample
      spent = timeline.between(from, to);
    }
    assertThat(spent).containsOnlyKeys("windowMs", "this", CpuTimeline.MACHINE);
    // windowMs is rounded to 0.1 ms
    assertThat(spent.get("windowMs") * 1e6).as("the window read, in ns").isGreaterThanOrEqualTo((to - from) - 1e5);
    assertThat(spent.get("this")).isGreaterThanOrEqualTo(0.0);
    assertThat(spent.get(CpuTimeline.MACHINE)).isGreaterThanOrEqualTo(0.0);
  }
}
