package io.gatecast.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.CapturedLog;
import io.gatecast.agent.TestRules;
import io.gatecast.agent.playback.Playback;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.testkit.MovableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receipt handled after proof of play closed (the agent stops while the controller's receipt is on its way):
 * it changes nothing and is no error; the plays it names stay journaled and go out again after the restart.
 */
class ReceiptAfterCloseTest {
  private static final String SCREEN = "KT.Hall-1";
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
  private final List<PlayBatch> sent = new CopyOnWriteArrayList<>();
  @RegisterExtension final CapturedLog log = new CapturedLog(ProofOfPlay.class);

  @Test
  void aReceiptAfterCloseKeepsItsPlaysForTheNextStart() throws Exception {
    Playback playback = new Playback(clock);
    byte[] poster = "poster".getBytes(StandardCharsets.UTF_8);
    playback.play(TestRules.schedule(SCREEN, 1,
        TestRules.item("poster", "Chào mừng", "https://cms.example/poster.png", poster, "image/png", 10)));
    Outbox outbox = Outbox.open(dir.resolve("outbox.journal"), new RecordingLink());
    ProofOfPlay proof = open(playback, outbox);
    proof.observe();
    clock.advance(Duration.ofSeconds(25)); // the poster's first slot ended: one play to journal
    proof.observe();
    proof.flush();
    await().atMost(DEADLINE).until(() -> !sent.isEmpty());
    String batchId = sent.get(0).header().messageId();
    int plays = sent.get(0).plays().size();
    assertThat(plays).isPositive();

    proof.close();
    outbox.close();
    proof.receipted(batchId); // the receipt, handled after the stop closed the journal

    assertThat(log.warningsAndErrors()).isEmpty();
    Outbox restartedOutbox = Outbox.open(dir.resolve("outbox.journal"), new RecordingLink());
    ProofOfPlay restarted = open(playback, restartedOutbox);
    assertThat(restarted.unsent()).as("the receipted batch's plays, journaled still").isGreaterThanOrEqualTo(plays);
    restarted.close();
    restartedOutbox.close();
  }

  private ProofOfPlay open(Playback playback, Outbox outbox) throws Exception {
    return ProofOfPlay.open(dir.resolve("plays.journal"), SCREEN, playback, outbox, () -> true, clock,
        Optional::empty, DiskReserve.in(dir), Duration.ofHours(1));
  }

  /** Always connected; keeps the play batches it is given. */
  private final class RecordingLink implements Outbox.Link {
    @Override
    public boolean isConnected() {
      return true;
    }

    @Override
    public void publishConfirmed(byte[] payload) throws Exception {
      if (Codec.mapper().readTree(payload).has("plays")) {
        sent.add(Codec.decode(payload, PlayBatch.class));
      }
    }
  }
}
