package io.gatecast.agent;

import static io.gatecast.agent.TestRules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.commands.CommandSequence;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.Command.Kind;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.CommandResult.Outcome;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.testkit.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator commands over a real broker: each one the controller signed, with an expiry, for this
 * screen and with a new sequence runs once and is answered; everything else is refused and reported.
 */
@IntegrationTest
class CommandsTest {
  private static final String SCREEN = "mong-cai-hall-3";
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @TempDir Path dataDir;
  @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN);
  private ControllerSpy controller;
  private ItemSpec welcome;

  @BeforeEach
  void startWorld() throws Exception {
    controller = world.controller();
    welcome = world.welcome(10);
  }

  @Test
  void identifyRunsOnceItsCopiesAreDroppedAndAnOlderOneIsRefusedEvenAfterARestart() throws Exception {
    PlayerAgent agent = givenAgent();
    byte[] identify = command(4, Kind.IDENTIFY, 60, Instant.now().plusSeconds(600));

    controller.sendCommand(SCREEN, identify);

    CommandResult result = awaitResult(4);
    assertThat(result.outcome()).isEqualTo(Outcome.DONE);
    assertThat(result.kind()).isEqualTo(Kind.IDENTIFY);
    assertThat(result.detail()).contains("60 s");
    assertThat(agent.page().now().identify().screenId()).isEqualTo(SCREEN);
    assertThat(Files.readString(dataDir.resolve(CommandSequence.FILE_NAME)).trim()).isEqualTo("4");

    // The controller sends a command again while it has no answer: the same bytes, or the same
    // sequence signed anew. Neither runs again nor is refused; each gets the answer again (the
    // same message, so the controller stores it once). An older sequence is refused.
    controller.sendCommand(SCREEN, identify);
    controller.sendCommand(SCREEN, command(4, Kind.IDENTIFY, 60, Instant.now().plusSeconds(600)));
    controller.sendCommand(SCREEN, command(2, Kind.IDENTIFY, 60, Instant.now().plusSeconds(600)));
    assertThat(awaitRejection(Rejection.REPLAYED_OR_OLDER).detail()).contains("version 2", "accepted version 4");
    assertThat(controller.rejections).hasSize(1);
    await().atMost(DEADLINE).until(() -> controller.commandResults.size() == 3);
    assertThat(controller.commandResults).allSatisfy(r -> assertThat(r).isEqualTo(result));

    world.closeAll(PlayerAgent.class);
    givenAgent();
    controller.sendCommand(SCREEN, identify);
    controller.sendCommand(SCREEN, command(3, Kind.IDENTIFY, 60, Instant.now().plusSeconds(600)));
    await().atMost(DEADLINE).until(() -> controller.rejections.stream()
        .filter(r -> r.reason() == Rejection.REPLAYED_OR_OLDER).count() == 2);
    assertThat(controller.rejections).hasSize(2);
    assertThat(controller.commandResults).hasSize(3); // the answer went with the process: the copy is not run, not answered
  }

  @Test
  void unsignedExpiredUndatedAndMisaddressedCommandsAreRefusedAndNotRun() throws Exception {
    PlayerAgent agent = givenAgent();
    Command identify = new Command(Header.now(Instant.now()), SCREEN, 1L, Kind.IDENTIFY, 60);

    controller.sendCommand(SCREEN, Codec.encode(identify));
    controller.sendCommand(SCREEN, world.keys().signer().signToBytes(Signed.COMMAND, identify, Instant.now().minusSeconds(3600)));
    controller.sendCommand(SCREEN, world.keys().signer().signToBytes(Signed.COMMAND, identify, null));
    controller.sendCommand(SCREEN, world.keys().signer().signToBytes(Signed.COMMAND,
        new Command(Header.now(Instant.now()), "other-screen", 2L, Kind.RESTART, null), Instant.now().plusSeconds(600)));

    assertThat(awaitRejection(Rejection.UNSIGNED).topic()).isEqualTo(Topics.commands(SCREEN));
    awaitRejection(Rejection.EXPIRED);
    assertThat(awaitRejection(Rejection.MALFORMED).detail()).contains("expiresAt");
    assertThat(awaitRejection(Rejection.WRONG_SCREEN).detail()).contains("other-screen");
    assertThat(controller.commandResults).isEmpty();
    assertThat(agent.page().now().identify()).isNull();
    assertThat(agent.restartRequested()).isNotDone();
    assertThat(dataDir.resolve(CommandSequence.FILE_NAME)).doesNotExist();
  }

  @Test
  void restartIsAnsweredThenAskedOfTheProcess() throws Exception {
    PlayerAgent agent = givenAgent();

    controller.sendCommand(SCREEN, command(1, Kind.RESTART, null, Instant.now().plusSeconds(600)));

    assertThat(awaitResult(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(agent.restartRequested().get()).isEqualTo(PlayerAgent.RESTART_EXIT_CODE);
  }

  @Test
  void clearCacheKeepsWhatTheScheduleNeedsAndDeletesTheRest() throws Exception {
    givenAgentPlaying();
    Path stale = dataDir.resolve("media").resolve("a".repeat(64));
    Files.writeString(stale, "an old clip nobody schedules");

    controller.sendCommand(SCREEN, command(1, Kind.CLEAR_CACHE, null, Instant.now().plusSeconds(600)));

    CommandResult result = awaitResult(1);
    assertThat(result.outcome()).isEqualTo(Outcome.DONE);
    assertThat(result.detail()).contains("removed 1");
    assertThat(stale).doesNotExist();
    assertThat(dataDir.resolve("media").resolve(TestRules.mediaOf(welcome).sha256())).exists();
  }

  @Test
  void aScreenshotWithNoBrowserToAskFailsSayingWhy() throws Exception {
    givenAgent();

    controller.sendCommand(SCREEN, command(1, Kind.SCREENSHOT, null, Instant.now().plusSeconds(600)));

    CommandResult result = awaitResult(1);
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).contains("DevTools port is not known");
    assertThat(result.attachmentSha256()).isNull();
  }

  @Test
  void aKeyRotationStillArrivesOnTheCommandsTopic() throws Exception {
    givenAgent();
    TestKeys next = TestKeys.generate();
    byte[] rotation = world.keys().signer().signToBytes(Signed.KEY_ROTATION, new io.gatecast.protocol.KeyRotation(
        Header.now(Instant.now()), next.keyId(), next.pinned().publicKey(), Instant.now().plusSeconds(3600)), null);

    controller.sendCommand(SCREEN, rotation);

    await().atMost(DEADLINE).until(() -> Files.readString(dataDir.resolve("pinned-keys.json")).contains(next.keyId()));
    assertThat(controller.rejections).isEmpty();
  }

  private byte[] command(long sequence, Kind kind, Integer seconds, Instant expiresAt) {
    return world.keys().signer().signToBytes(Signed.COMMAND,
        new Command(Header.now(Instant.now()), SCREEN, sequence, kind, seconds), expiresAt);
  }

  private PlayerAgent givenAgent() {
    PlayerAgent agent = world.start(world.config(dataDir), Clock.systemUTC());
    // Commands are not retained: one sent before the subscription is granted is never heard.
    await().atMost(DEADLINE).until(agent::isListening);
    return agent;
  }

  private PlayerAgent givenAgentPlaying() throws Exception {
    PlayerAgent agent = givenAgent();
    controller.publishRetained(schedule(SCREEN, 1, welcome));
    await().atMost(DEADLINE).until(() -> agent.appliedVersion().isPresent());
    return agent;
  }

  private CommandResult awaitResult(long sequence) {
    return await().atMost(DEADLINE).until(() -> controller.commandResults.stream()
        .filter(r -> r.sequence() == sequence).findFirst(), Optional::isPresent).get();
  }

  private RejectionEvent awaitRejection(Rejection reason) {
    return await().atMost(DEADLINE).until(
        () -> controller.rejections.stream().filter(r -> r.reason() == reason).findFirst(), Optional::isPresent).get();
  }
}
