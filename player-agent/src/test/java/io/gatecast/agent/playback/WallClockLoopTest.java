package io.gatecast.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.agent.playback.WallClockLoop.Slot;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScheduledItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WallClockLoopTest {
  // A 10 + 5 + 15 = 30 second cycle; epoch second 1_800_000_000 is a multiple of 30.
  private static final long CYCLE_START = 1_800_000_000L;
  private final ScheduledItem a = item("a", 10);
  private final ScheduledItem b = item("b", 5);
  private final ScheduledItem c = item("c", 15);
  private final WallClockLoop loop = new WallClockLoop(List.of(a, b, c));

  @Test
  void walksTheItemsInOrderAlignedToTheWallClock() {
    assertThat(loop.cycleSeconds()).isEqualTo(30);
    assertThat(at(0)).isEqualTo(new Slot(a, second(10)));
    assertThat(at(9)).isEqualTo(new Slot(a, second(10)));
    assertThat(at(10)).isEqualTo(new Slot(b, second(15)));
    assertThat(at(14)).isEqualTo(new Slot(b, second(15)));
    assertThat(at(15)).isEqualTo(new Slot(c, second(30)));
    assertThat(at(29)).isEqualTo(new Slot(c, second(30)));
    assertThat(at(30)).isEqualTo(new Slot(a, second(40)));
    assertThat(at(30 * 1000 + 12)).isEqualTo(new Slot(b, second(30 * 1000 + 15)));
  }

  @Test
  void fractionsOfASecondStayInTheSecondTheyBelongTo() {
    Instant almostTen = Instant.ofEpochSecond(CYCLE_START + 9, 999_999_999);
    assertThat(loop.at(almostTen)).contains(new Slot(a, second(10)));
  }

  @Test
  void twoLoopsOfTheSameScheduleAgreeWhateverTheyWereBuiltAt() {
    WallClockLoop other = new WallClockLoop(List.of(a, b, c));
    for (long s = 0; s < 90; s += 7) {
      assertThat(other.at(second(s))).isEqualTo(loop.at(second(s)));
    }
  }

  @Test
  void worksBeforeTheEpochToo() {
    assertThat(loop.at(Instant.ofEpochSecond(-1))).contains(new Slot(c, Instant.ofEpochSecond(0)));
  }

  @Test
  void anEmptyScheduleShowsNothing() {
    assertThat(new WallClockLoop(List.of()).at(second(0))).isEmpty();
  }

  @Test
  void refusesACycleTooLongToPlay() {
    assertThatThrownBy(() -> new WallClockLoop(List.of(item("x", Long.MAX_VALUE), item("y", 10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("durations add up");
  }

  private Slot at(long secondsIntoCycle) {
    return loop.at(second(secondsIntoCycle)).orElseThrow();
  }

  private static Instant second(long secondsAfterCycleStart) {
    return Instant.ofEpochSecond(CYCLE_START + secondsAfterCycleStart);
  }

  static ScheduledItem item(String id, long seconds) {
    return new ScheduledItem(id, "Title " + id,
        new MediaRef("0".repeat(63) + "1", "http://media.example/" + id, "image/png", 1L), seconds);
  }
}
