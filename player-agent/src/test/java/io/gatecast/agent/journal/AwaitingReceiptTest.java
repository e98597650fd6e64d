package io.gatecast.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The receipt waits on a clock the test moves: what is held, when it goes out again, when the agent stops waiting. */
class AwaitingReceiptTest {
  private static final Duration FIRST = Duration.ofSeconds(2);
  private static final AwaitingReceipt.Expired NOTHING = new AwaitingReceipt.Expired(List.of(), List.of());
  private final AtomicLong nanos = new AtomicLong();
  private final AwaitingReceipt awaiting = new AwaitingReceipt(FIRST, nanos::get);

  private void after(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void aReceiptReleasesExactlyItsBatchsPlays() {
    awaiting.sent("b1", List.of(1L, 2L));
    awaiting.sent("b2", List.of(3L));
    assertThat(awaiting.holds(1)).isTrue();
    assertThat(awaiting.receipted("b1")).containsExactly(1L, 2L);
    assertThat(awaiting.holds(1)).isFalse();
    assertThat(awaiting.holds(3)).isTrue();
    assertThat(awaiting.receipted("b1")).as("a copy's receipt").isEmpty();
    assertThat(awaiting.receipted("unknown")).isEmpty();
  }

  @Test
  void aBatchGoesOutAgainOnlyOnceItsWaitRanOutAndEachWaitIsTwiceTheLast() {
    awaiting.sent("b1", List.of(1L));
    after(FIRST.minusMillis(1));
    assertThat(awaiting.expire()).isEqualTo(NOTHING);
    after(Duration.ofMillis(1));
    assertThat(awaiting.expire().again()).containsExactly(1L);
    assertThat(awaiting.holds(1)).isFalse();
    assertThat(awaiting.currentWait()).isEqualTo(FIRST.multipliedBy(2));

    awaiting.sent("b2", List.of(1L));
    after(FIRST);
    assertThat(awaiting.expire()).as("the second wait is longer").isEqualTo(NOTHING);
    after(FIRST);
    assertThat(awaiting.expire().again()).containsExactly(1L);
  }

  @Test
  void whileTheControllerIsNotHeardOnlyTheOldestBatchGoesOutAgainAndOnceItIsEveryOneMissed() {
    awaiting.sent("b1", List.of(1L));
    awaiting.sent("b2", List.of(2L));
    awaiting.sent("b3", List.of(3L));
    after(FIRST);
    assertThat(awaiting.expire().again()).as("a probe: the oldest alone").containsExactly(1L);
    assertThat(awaiting.holds(2)).isTrue();
    assertThat(awaiting.holds(3)).isTrue();
    after(FIRST.multipliedBy(2));
    assertThat(awaiting.expire().again()).as("the next probe, a wait later").containsExactly(2L);

    awaiting.receipted("the probe's batch"); // heard: the controller is back
    assertThat(awaiting.currentWait()).isEqualTo(FIRST);
    assertThat(awaiting.expire().again()).as("everything it missed, at once").containsExactly(3L);
    assertThat(awaiting.currentWait()).as("no longer wait for that").isEqualTo(FIRST);
  }

  @Test
  void aReceiptResetsTheWait() {
    awaiting.sent("b1", List.of(1L));
    after(FIRST);
    awaiting.expire();
    awaiting.sent("b2", List.of(1L));
    assertThat(awaiting.receipted("b2")).containsExactly(1L);
    assertThat(awaiting.currentWait()).isEqualTo(FIRST);
  }

  @Test
  void theWaitStopsGrowingAtAnHour() {
    awaiting.receipted("x"); // a controller that has answered: waiting never stops
    for (int i = 0; i < 20; i++) {
      awaiting.sent("b" + i, List.of((long) i));
      after(AwaitingReceipt.LONGEST_WAIT);
      awaiting.expire();
    }
    assertThat(awaiting.currentWait()).isEqualTo(AwaitingReceipt.LONGEST_WAIT);
  }

  @Test
  void aControllerThatNeverAnsweredIsNoLongerWaitedForUntilItDoes() {
    for (int i = 1; i < AwaitingReceipt.UNANSWERED_BEFORE_GIVING_UP; i++) {
      awaiting.sent("b" + i, List.of(1L));
      after(AwaitingReceipt.LONGEST_WAIT);
      assertThat(awaiting.expire().again()).containsExactly(1L);
      assertThat(awaiting.holding()).isTrue();
    }
    awaiting.sent("last", List.of(1L));
    after(AwaitingReceipt.LONGEST_WAIT);
    AwaitingReceipt.Expired expired = awaiting.expire();
    assertThat(expired.again()).isEmpty();
    assertThat(expired.letGo()).containsExactly(1L);
    assertThat(awaiting.holding()).isFalse();

    awaiting.receipted("late");
    assertThat(awaiting.holding()).as("a receipt shows it does send them").isTrue();
  }

  @Test
  void aControllerThatAnsweredOnceIsWaitedForHoweverLongItIsAway() {
    awaiting.sent("b0", List.of(0L));
    awaiting.receipted("b0");
    for (int i = 0; i < 2 * AwaitingReceipt.UNANSWERED_BEFORE_GIVING_UP; i++) {
      awaiting.sent("b" + (i + 1), List.of(1L));
      after(AwaitingReceipt.LONGEST_WAIT);
      assertThat(awaiting.expire().again()).containsExactly(1L);
    }
    assertThat(awaiting.holding()).isTrue();
  }
}
