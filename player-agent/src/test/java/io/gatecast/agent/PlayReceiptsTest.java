package io.gatecast.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.journal.AwaitingReceipt;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.PlayBatch.Play;
import io.gatecast.protocol.PlayReceipt;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof of play stays on the kiosk's disk until the controller's signed receipt says it is stored: the
 * broker's acknowledgement is not enough (a controller that dies before its ingest commits loses what
 * its broker handed it). With no receipt the plays go out again, after a restart too; a receipt not
 * signed by the controller, or for another screen, releases nothing; a controller that never sends
 * receipts (older than them) stops being waited for.
 */
@IntegrationTest
class PlayReceiptsTest {
  private static final String SCREEN = "lao-cai-hall-2";
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final TestKeys KEYS = TestKeys.generate();

  @TempDir Path dataDir;
  @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN, KEYS);
  private final MovableClock clock = new MovableClock(Instant.now());
  private ControllerSpy controller;
  private ItemSpec welcome;

  @BeforeEach
  void startWorld() throws Exception {
    controller = world.controller();
    welcome = world.welcome(20);
    controller.publishRetained(TestRules.schedule(SCREEN, 1, welcome));
  }

  @Test
  void playsStayOnDiskUntilTheirReceiptAndGoOutAgainWhileNoneComes() throws Exception {
    controller.sendReceipts(false);
    PlayerAgent agent = startAgent();
    String played = playOne(agent);

    // The broker has the batch (the outbox is empty), yet the play is kept: no receipt came.
    await().atMost(DEADLINE).until(() -> batchesWith(played) >= 1 && agent.outbox().pending() == 0);
    assertThat(agent.proofOfPlay().unsent()).isEqualTo(1);
    // With none, it goes out again, in a batch of its own id.
    await().atMost(DEADLINE).until(() -> batchesWith(played) >= 2);
    assertThat(controller.playBatches).allSatisfy(b -> assertThat(b.wantsReceipt()).isTrue());
    assertThat(controller.playBatches.stream().map(b -> b.header().messageId()).distinct()).hasSize(
        controller.playBatches.size());

    controller.sendReceipts(true);
    await().atMost(DEADLINE).until(() -> agent.proofOfPlay().unsent() == 0);
    assertThat(controller.receipted).isNotEmpty();

    // Receipted plays are done with: the next batch carries only the next play.
    int before = controller.playBatches.size();
    String next = playOne(agent);
    await().atMost(DEADLINE).until(() -> controller.playBatches.size() > before && agent.proofOfPlay().unsent() == 0);
    assertThat(controller.playBatches.subList(before, controller.playBatches.size()))
        .flatExtracting(PlayBatch::plays).extracting(Play::playId).containsOnly(next);
  }

  @Test
  void aPlayWithNoReceiptBeforeARestartGoesOutAgainAfterIt() throws Exception {
    controller.sendReceipts(false);
    PlayerAgent agent = startAgent();
    String played = playOne(agent);
    await().atMost(DEADLINE).until(() -> batchesWith(played) >= 1 && agent.outbox().pending() == 0);
    world.closeNow(agent);
    int beforeRestart = controller.playBatches.size();

    controller.sendReceipts(true);
    PlayerAgent restarted = startAgent();
    await().atMost(DEADLINE).until(() -> restarted.proofOfPlay().unsent() == 0
        && controller.playBatches.size() > beforeRestart);
    assertThat(controller.playBatches.subList(beforeRestart, controller.playBatches.size()))
        .flatExtracting(PlayBatch::plays).extracting(Play::playId).contains(played);
  }

  @Test
  void aReceiptNotSignedByTheControllerOrForAnotherScreenReleasesNothing() throws Exception {
    controller.sendReceipts(false);
    PlayerAgent agent = startAgent();
    String played = playOne(agent);
    await().atMost(DEADLINE).until(() -> batchesWith(played) >= 1);
    String batchId = controller.playBatches.get(0).header().messageId();

    controller.sendCommand(SCREEN, TestKeys.generate().signer().signToBytes(Signed.PLAY_RECEIPT,
        new PlayReceipt(Header.now(Instant.now()), SCREEN, batchId), null));
    controller.sendCommand(SCREEN, KEYS.signer().signToBytes(Signed.PLAY_RECEIPT,
        new PlayReceipt(Header.now(Instant.now()), "another-screen", batchId), null));
    await().atMost(DEADLINE).until(() -> controller.rejections.size() == 2);
    assertThat(controller.rejections).allSatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.commands(SCREEN)));
    assertThat(controller.rejections).extracting(r -> r.reason())
        .containsExactly(Rejection.UNKNOWN_KEY, Rejection.WRONG_SCREEN);
    assertThat(agent.proofOfPlay().unsent()).isEqualTo(1);

    controller.sendReceipts(true);
    await().atMost(DEADLINE).until(() -> agent.proofOfPlay().unsent() == 0);
  }

  @Test
  void aControllerThatNeverSendsReceiptsIsNoLongerWaitedFor() throws Exception {
    controller.sendReceipts(false);
    PlayerAgent agent = startAgent();
    String played = playOne(agent);

    // Sent, and sent again each time a wait runs out unanswered, until the last wait lets it go.
    await().atMost(DEADLINE).until(() -> agent.proofOfPlay().unsent() == 0);
    assertThat(batchesWith(played)).isEqualTo(AwaitingReceipt.UNANSWERED_BEFORE_GIVING_UP);

    // From then on a play is let go once its broker has it, as before receipts: sent once.
    String next = playOne(agent);
    await().atMost(DEADLINE).until(() -> batchesWith(next) == 1 && agent.proofOfPlay().unsent() == 0
        && agent.outbox().pending() == 0);
    assertThat(batchesWith(next)).isEqualTo(1);
  }

  private PlayerAgent startAgent() {
    PlayerAgent agent = world.start(world.config(dataDir).withPlayBatchSeconds(1), clock);
    await().atMost(DEADLINE).until(() -> controller.acks.stream().anyMatch(a -> a.version() == 1
        && a.outcome() == Outcome.APPLIED));
    return agent;
  }

  /** Plays the welcome item through once (the clock walks 20 s); the id of the play that ended. */
  private String playOne(PlayerAgent agent) {
    Set<String> known = controller.playBatches.stream().flatMap(b -> b.plays().stream()).map(Play::playId)
        .collect(Collectors.toSet());
    agent.proofOfPlay().observe();
    clock.advance(Duration.ofSeconds(20));
    agent.proofOfPlay().observe();
    List<String> sent = await().atMost(DEADLINE).until(() -> controller.playBatches.stream()
        .flatMap(b -> b.plays().stream()).map(Play::playId).filter(id -> !known.contains(id)).distinct().toList(),
        ids -> !ids.isEmpty());
    assertThat(sent).hasSize(1);
    return sent.get(0);
  }

  private long batchesWith(String playId) {
    return controller.playBatches.stream().filter(b -> b.plays().stream().anyMatch(p -> p.playId().equals(playId)))
        .count();
  }
}
