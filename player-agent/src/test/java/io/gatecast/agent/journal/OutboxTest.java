package io.gatecast.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleAck.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's contract with its link, with a link whose failures the test decides (the real
 * MQTT link is exercised end to end in OfflineTest and TortureTest).
 */
class OutboxTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @TempDir Path dir;

  /** Records what it was given; refuses while down, and fails every n-th publish as a lost PUBACK would. */
  static final class FlakyLink implements Outbox.Link {
    final List<Long> confirmed = new CopyOnWriteArrayList<>();
    final AtomicBoolean up = new AtomicBoolean(false);
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public boolean isConnected() {
      return up.get();
    }

    @Override
    public void publishConfirmed(byte[] payload) throws Exception {
      if (!up.get()) {
        throw new IllegalStateException("not connected");
      }
      if (attempts.incrementAndGet() % 3 == 0) {
        throw new IllegalStateException("timed out waiting for PUBACK");
      }
      confirmed.add(Codec.decode(payload, ScheduleAck.class).version());
    }
  }

  @Test
  void queuesWhileDownSurvivesAReopenAndSendsInOrderUntilConfirmed() throws Exception {
    FlakyLink link = new FlakyLink();
    Path file = dir.resolve("outbox.journal");
    Outbox outbox = Outbox.open(file, link);
    for (long v = 1; v <= 5; v++) {
      outbox.send(ack(v));
    }
    assertThat(outbox.pending()).isEqualTo(5);
    outbox.close(); // e.g. a restart while the link is still down

    Outbox reopened = Outbox.open(file, link);
    for (long v = 6; v <= 10; v++) {
      reopened.send(ack(v));
    }
    link.up.set(true);
    reopened.wake();

    await().atMost(DEADLINE).until(() -> reopened.pending() == 0);
    assertThat(link.confirmed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(link.attempts.get()).isGreaterThan(10); // the failed ones were tried again
    reopened.close();
    assertThat(Outbox.open(file, link).pending()).isZero();
  }

  @Test
  void anEventMadeAfterTheOutboxClosedIsNeitherJournaledNorSentWithoutItsSafetyNet() throws Exception {
    FlakyLink link = new FlakyLink();
    link.up.set(true);
    Path file = dir.resolve("outbox.journal");
    Outbox outbox = Outbox.open(file, link);
    outbox.close(); // the agent is stopping; its apply thread still reports a schedule's outcome

    outbox.send(ack(1));

    // Not sent past the journal either: the link goes next, and the outcome is in every heartbeat.
    assertThat(link.attempts.get()).as("publishes tried").isZero();
    assertThat(Outbox.open(file, link).pending()).isZero();
  }

  @Test
  void aThreadInterruptedByTheAgentsStopWritesNothingSoTheJournalStaysOpenForTheOthers() throws Exception {
    FlakyLink link = new FlakyLink(); // down: nothing leaves, everything stays journaled
    Path file = dir.resolve("outbox.journal");
    Outbox outbox = Outbox.open(file, link);

    Thread.currentThread().interrupt(); // as the stop's shutdownNow interrupts the apply thread
    try {
      outbox.send(ack(1));
    } finally {
      Thread.interrupted();
    }
    outbox.send(ack(2)); // another thread, not interrupted, in the same stop

    assertThat(outbox.pending()).as("journaled").isEqualTo(1);
    assertThat(link.attempts.get()).as("publishes tried").isZero();
    outbox.close();
    assertThat(Outbox.open(file, link).pending()).as("journaled, after a restart").isEqualTo(1);
  }

  private static ScheduleAck ack(long version) {
    return new ScheduleAck(Header.now(Instant.now()), "s1", version, Outcome.APPLIED, null);
  }
}
