package io.gatecast.agent;

import static io.gatecast.agent.TestRules.item;
import static io.gatecast.agent.TestRules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.trust.ControllerKeyArgument;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.KeyRotation;
import io.gatecast.protocol.Keys;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Signer;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
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
 * A screen shows only what the controller signed: whatever else reaches its topics is refused,
 * reported on its events topic, and the schedule on screen keeps playing.
 */
@IntegrationTest
class SignedSchedulesTest {
  private static final String SCREEN = "huu-nghi-hall-2";
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @TempDir Path dataDir;
  private final TestKeys keys = TestKeys.generate();
  @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN, keys);
  private TestBroker broker;
  private MediaServer media;
  private ControllerSpy controller;
  private ItemSpec welcome;
  private ItemSpec notice;

  @BeforeEach
  void startWorld() throws Exception {
    broker = world.broker();
    media = world.media();
    controller = world.controller();
    byte[] welcomeBytes = "welcome".getBytes(StandardCharsets.UTF_8);
    byte[] noticeBytes = "notice".getBytes(StandardCharsets.UTF_8);
    welcome = item("welcome", "Welcome", media.serve(welcomeBytes), welcomeBytes, "image/png", 10);
    notice = item("notice", "Notice", media.serve(noticeBytes), noticeBytes, "image/png", 10);
  }

  @Test
  void anUnsignedScheduleIsRefusedAndTheSignedOneKeepsPlaying() throws Exception {
    PlayerAgent agent = givenAgentPlayingVersion(2);

    controller.publishRetained(SCREEN, Codec.encode(schedule(SCREEN, 3, notice)));

    RejectionEvent rejection = awaitRejection(Rejection.UNSIGNED);
    assertThat(rejection.screenId()).isEqualTo(SCREEN);
    assertThat(rejection.topic()).isEqualTo(Topics.schedule(SCREEN));
    assertStillPlayingVersion2(agent);
  }

  @Test
  void aScheduleSignedByAnotherKeyUnderThePinnedKeyIdIsRefused() throws Exception {
    PlayerAgent agent = givenAgentPlayingVersion(2);
    Signer forger = new Signer(keys.keyId(), Keys.generate().getPrivate());

    controller.publishRetained(SCREEN, forger.signToBytes(Signed.SCHEDULE, schedule(SCREEN, 3, notice), null));

    assertThat(awaitRejection(Rejection.BAD_SIGNATURE).messageId()).isNotBlank();
    assertStillPlayingVersion2(agent);
  }

  @Test
  void aGenuineOlderScheduleIsRefusedAsARollback() throws Exception {
    PlayerAgent agent = givenAgentPlayingVersion(2);

    controller.publishRetained(schedule(SCREEN, 1, notice));

    assertThat(awaitRejection(Rejection.REPLAYED_OR_OLDER).detail()).contains("version 1", "accepted version 2");
    assertStillPlayingVersion2(agent);
  }

  @Test
  void aGenuineScheduleForAnotherScreenIsRefused() throws Exception {
    PlayerAgent agent = givenAgentPlayingVersion(2);

    controller.publishRetained(SCREEN, keys.signer().signToBytes(Signed.SCHEDULE, schedule("other-hall", 3, notice), null));

    assertThat(awaitRejection(Rejection.WRONG_SCREEN).detail()).contains("other-hall");
    assertStillPlayingVersion2(agent);
  }

  @Test
  void aSignedNewerScheduleStillAppliesAfterRefusals() throws Exception {
    PlayerAgent agent = givenAgentPlayingVersion(2);
    controller.publishRetained(SCREEN, Codec.encode(schedule(SCREEN, 3, notice)));
    awaitRejection(Rejection.UNSIGNED);

    controller.publishRetained(schedule(SCREEN, 3, notice));

    assertThat(awaitAck(3)).isEqualTo(Outcome.APPLIED);
    assertThat(agent.appliedVersion()).contains(3L);
  }

  @Test
  void theRetainedScheduleComingBackAfterARestartIsNotReportedAsARefusal() throws Exception {
    givenAgentPlayingVersion(2).close();
    controller.statuses.clear();

    PlayerAgent restarted = givenAgent();
    // Its ONLINE status follows its subscription on the same connection, so the retained
    // version 2 has been handed to it by then; the unsigned message below queues behind it.
    await().atMost(DEADLINE).until(() -> controller.statuses.stream().anyMatch(s -> s.state() == ScreenState.ONLINE));
    controller.publishRetained(SCREEN, Codec.encode(schedule(SCREEN, 3, notice)));

    awaitRejection(Rejection.UNSIGNED);
    assertThat(controller.rejections).extracting(RejectionEvent::reason).containsExactly(Rejection.UNSIGNED);
    assertThat(restarted.appliedVersion()).contains(2L);
  }

  @Test
  void theControllerRepeatingTheAppliedScheduleCostsTheAgentNothing() throws Exception {
    // The controller re-asserts a screen's last schedule byte for byte whenever the broker may have lost it.
    ScheduleMessage v2 = schedule(SCREEN, 2, welcome);
    byte[] exactly = keys.signer().signToBytes(Signed.SCHEDULE, v2, null);
    PlayerAgent agent = givenAgent();
    controller.publishRetained(SCREEN, exactly);
    assertThat(awaitAck(2)).isEqualTo(Outcome.APPLIED);
    int downloads = media.requests.size();
    int acks = controller.acks.size();

    for (int i = 0; i < 5; i++) {
      controller.publishRetained(SCREEN, exactly);
    }
    // One connection's messages arrive in order: once the unsigned marker is refused, the repeats were handled.
    controller.publishRetained(SCREEN, Codec.encode(schedule(SCREEN, 3, notice)));
    awaitRejection(Rejection.UNSIGNED);

    assertThat(controller.rejections).extracting(RejectionEvent::reason).containsExactly(Rejection.UNSIGNED);
    assertThat(controller.acks).as("no ack for a repeat").hasSize(acks);
    assertThat(media.requests).as("no download for a repeat").hasSize(downloads);
    assertStillPlayingVersion2(agent);
  }

  @Test
  void aRotatedKeyIsTrustedAcrossARestartAndTheOldKeyIsRetired() throws Exception {
    // The stand-in controller signs its proof-of-play receipts with the first key, which this test retires:
    // the agent would refuse them (UNKNOWN_KEY, on the commands topic) beside the refusal this test awaits.
    controller.sendReceipts(false);
    givenAgentPlayingVersion(2);
    TestKeys next = TestKeys.generate();
    KeyRotation rotation = new KeyRotation(Header.now(Instant.now()), next.keyId(),
        next.pinned().publicKey(), Instant.now());

    controller.sendCommand(SCREEN, keys.signer().signToBytes(Signed.KEY_ROTATION, rotation, Instant.now().plusSeconds(600)));

    Path saved = dataDir.resolve(ControllerTrust.FILE_NAME);
    await().atMost(DEADLINE).until(() -> Files.readString(saved).contains(next.keyId()));
    world.closeAll(PlayerAgent.class);
    PlayerAgent restarted = givenAgent(); // still configured with the first key, as the kiosk's command line is

    controller.publishRetained(SCREEN, next.signer().signToBytes(Signed.SCHEDULE, schedule(SCREEN, 3, notice), null));
    assertThat(awaitAck(3)).isEqualTo(Outcome.APPLIED);
    assertThat(restarted.appliedVersion()).contains(3L);
    // The retained version 2, signed with the now retired key, may have been refused on reconnect;
    // that report came before the ack above on the same topic, so clearing here is safe.
    controller.rejections.clear();

    ScheduleMessage old = schedule(SCREEN, 4, welcome);
    controller.publishRetained(old); // signed with the retired first key
    RejectionEvent rejection = awaitRejection(Rejection.UNKNOWN_KEY);
    assertThat(rejection.detail()).contains(keys.keyId(), "retired");
    assertThat(rejection.messageId()).isEqualTo(old.header().messageId());
    assertThat(restarted.appliedVersion()).contains(3L);
  }

  @Test
  void aRepeatedRotationIsNoNewsButAKnownKeyIdWithAnotherKeyIsRefused() throws Exception {
    givenAgentPlayingVersion(2);
    TestKeys next = TestKeys.generate();
    byte[] rotation = keys.signer().signToBytes(Signed.KEY_ROTATION,
        new KeyRotation(Header.now(Instant.now()), next.keyId(), next.pinned().publicKey(), Instant.now().plusSeconds(3600)), null);

    controller.sendCommand(SCREEN, rotation);
    controller.sendCommand(SCREEN, rotation); // the controller announces again after a restart
    TestKeys impostor = TestKeys.generate();
    controller.sendCommand(SCREEN, keys.signer().signToBytes(Signed.KEY_ROTATION,
        new KeyRotation(Header.now(Instant.now()), next.keyId(), impostor.pinned().publicKey(), Instant.now()), null));

    assertThat(awaitRejection(Rejection.REPLAYED_OR_OLDER).detail()).contains(next.keyId());
    assertThat(controller.rejections).as("the repeat was not reported; the refusal came after it on the same topic")
        .extracting(RejectionEvent::reason).containsExactly(Rejection.REPLAYED_OR_OLDER);
    assertThat(Files.readString(dataDir.resolve(ControllerTrust.FILE_NAME))).contains(next.pinned().publicKey())
        .doesNotContain(impostor.pinned().publicKey());
  }

  @Test
  void aRotationSignedByAnUnpinnedKeyIsRefused() throws Exception {
    givenAgentPlayingVersion(2);
    TestKeys stranger = TestKeys.generate();
    KeyRotation rotation = new KeyRotation(Header.now(Instant.now()), stranger.keyId(),
        stranger.pinned().publicKey(), Instant.now());

    controller.sendCommand(SCREEN, stranger.signer().signToBytes(Signed.KEY_ROTATION, rotation, null));

    assertThat(awaitRejection(Rejection.UNKNOWN_KEY).topic()).isEqualTo(Topics.commands(SCREEN));
    assertThat(Files.readString(dataDir.resolve(ControllerTrust.FILE_NAME))).doesNotContain(stranger.keyId());
  }

  @Test
  void anAgentWithoutAPinnedKeyRefusesToStart() {
    AgentConfig unpinned = AgentConfig.of(SCREEN, broker.url(), dataDir).withPagePort(0);

    assertThatThrownBy(() -> PlayerAgent.start(unpinned, Clock.systemUTC()))
        .hasMessageContaining("no controller key is pinned").hasMessageContaining("--controller-key");
    assertThatThrownBy(() -> ControllerKeyArgument.parse("ctl-2026"))
        .hasMessageContaining("--controller-key must be <keyId>:<base64 public key>");
    assertThatThrownBy(() -> ControllerKeyArgument.parse("ctl-2026:bm90IGEga2V5"))
        .hasMessageContaining("--controller-key").hasMessageContaining("publicKey");
    PinnedKey pinned = keys.pinned();
    assertThat(ControllerKeyArgument.parse(ControllerKeyArgument.format(pinned))).isEqualTo(pinned);
  }

  private PlayerAgent givenAgentPlayingVersion(long version) throws Exception {
    PlayerAgent agent = givenAgent();
    controller.publishRetained(schedule(SCREEN, version, welcome));
    assertThat(awaitAck(version)).isEqualTo(Outcome.APPLIED);
    return agent;
  }

  private void assertStillPlayingVersion2(PlayerAgent agent) throws Exception {
    assertThat(agent.appliedVersion()).contains(2L);
    assertThat(SavedSchedule.read(dataDir.resolve("schedule.json")).version()).isEqualTo(2L);
    assertThat(controller.acks).noneMatch(a -> a.version() == 3);
  }

  private PlayerAgent givenAgent() {
    AgentConfig config = AgentConfig.of(SCREEN, broker.url(), dataDir).withPagePort(0).withHeartbeatSeconds(1)
        .withControllerKey(keys.pinned());
    return world.closing(PlayerAgent.start(config, Clock.systemUTC()));
  }

  private RejectionEvent awaitRejection(Rejection reason) {
    return await().atMost(DEADLINE).until(
        () -> controller.rejections.stream().filter(r -> r.reason() == reason).findFirst(), Optional::isPresent).get();
  }

  private Outcome awaitAck(long version) {
    return await().atMost(DEADLINE).until(
        () -> controller.acks.stream().filter(a -> a.version() == version).findFirst(), Optional::isPresent)
        .get().outcome();
  }

  /** Closes (and forgets) every resource of this type, e.g. to restart the agent. */
}
