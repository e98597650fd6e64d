package io.gatecast.agent;

import static io.gatecast.agent.TestRules.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.cache.ScheduleStore;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.ClusterSchedule;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Placement;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A screen placed in its gate's schedule (issue 21, docs/proposals/cluster-schedules.md): the
 * controller sends the gate's rules once, on the cluster's schedule topic, and each screen a signed
 * placement naming its profile. The agent plays the two together, checks each as it checks a whole
 * schedule (signature, screen or cluster, newer than the one held), keeps the pair on disk and reads
 * it back with the same checks, and answers with both versions.
 */
@IntegrationTest
class PlacementsTest {
  private static final String SCREEN = "lc-hall-7";
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path dataDir;
  @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN);
  private ControllerSpy controller;
  private ItemSpec welcome;
  private ItemSpec notice;

  @BeforeEach
  void media() {
    controller = world.controller();
    byte[] a = "welcome".getBytes(StandardCharsets.UTF_8);
    welcome = item("welcome", "Welcome", world.media().serve(a), a, "image/png", 10);
    byte[] b = "notice".getBytes(StandardCharsets.UTF_8);
    notice = item("notice", "Notice", world.media().serve(b), b, "image/png", 10);
  }

  @Test
  void aPlacedScreenPlaysItsProfileUnderItsNamesAndAContentChangeIsOneGateMessage() throws Exception {
    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(1, Map.of("p-hall", welcome))));
    controller.publishRetained(SCREEN, signed(placement(1, "p-hall")));
    PlayerAgent agent = world.start(world.config(dataDir), Clock.systemUTC());

    awaitAck(1, 1L);
    assertThat(agent.page().now().item().contentId()).isEqualTo("welcome");
    StatusMessage status = await().atMost(DEADLINE).until(
        () -> last(controller.statuses), s -> s != null && Objects.equals(s.appliedClusterVersion(), 1L));
    assertThat(status.appliedVersion()).isEqualTo(1L);
    // What it received is said once its link has been up a while (not in the heartbeat sent on connecting).
    await().atMost(DEADLINE).until(() -> last(controller.statuses), s -> Long.valueOf(1).equals(s.receivedVersion()));
    assertThat(status.placements()).isTrue();

    // New content for the gate: one message on the gate's topic, no new placement.
    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(2, Map.of("p-hall", notice))));

    awaitAck(1, 2L);
    assertThat(agent.page().now().item().contentId()).isEqualTo("notice");
    assertThat(Placed.isPair(Files.readAllBytes(dataDir.resolve(ScheduleStore.FILE_NAME)))).isTrue();
    assertThat(controller.acks).allMatch(a -> a.outcome() == Outcome.APPLIED);
  }

  /**
   * An urgent alert sent after the gate's schedule was built, and a screen placed after the alert (paired then,
   * say): the gate's rules, which predate the alert and so do not hold it, must not hide it because the
   * placement that names them is newer. Seen in the demo: the new screen kept showing its welcome slide.
   */
  @Test
  void anAlertSentAfterTheGatesScheduleShowsOnAScreenPlacedAfterTheAlert() throws Exception {
    Instant built = Instant.now().minusSeconds(120);
    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(1, Map.of("p-hall", welcome), built)));
    AlertSpec flood = new AlertSpec("flood", TestRules.CLUSTER, built, null, Map.of("vi", "Cầu tạm đóng do lũ"));
    AlertMessage alert = new AlertMessage(header(built.plusSeconds(60)), TestRules.CLUSTER, 1L, List.of(flood));
    controller.publishAlert(TestRules.CLUSTER,
        world.keys().signer().signToBytes(Signed.ALERT, alert, Instant.now().plusSeconds(3600)));
    controller.publishRetained(SCREEN, signed(placement(1, "p-hall")));
    PlayerAgent agent = world.start(world.config(dataDir), Clock.systemUTC());

    awaitAck(1, 1L);
    await().atMost(DEADLINE).until(() -> agent.page().now().alert() != null);
    assertThat(agent.page().now().alert().id()).isEqualTo("flood");
  }

  @Test
  void olderOrUnsignedGateSchedulesAndOlderPlacementsAreRefused() throws Exception {
    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(2, Map.of("p-hall", notice))));
    controller.publishRetained(SCREEN, signed(placement(3, "p-hall")));
    PlayerAgent agent = world.start(world.config(dataDir), Clock.systemUTC());
    awaitAck(3, 2L);

    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(1, Map.of("p-hall", welcome))));
    assertThat(awaitRejection(Rejection.REPLAYED_OR_OLDER).topic()).isEqualTo(Topics.clusterSchedule(TestRules.CLUSTER));
    controller.publishClusterSchedule(TestRules.CLUSTER, Codec.encode(gate(5, Map.of("p-hall", welcome))));
    assertThat(awaitRejection(Rejection.UNSIGNED).topic()).isEqualTo(Topics.clusterSchedule(TestRules.CLUSTER));
    // A placement signed for another screen, and an older one of this screen's.
    controller.publishRetained(SCREEN, signed(new Placement(Header.now(Instant.now()), "lc-hall-8", 9L,
        TestRules.CLUSTER, "p-hall", null, null)));
    awaitRejection(Rejection.WRONG_SCREEN);
    controller.publishRetained(SCREEN, signed(placement(2, "p-hall")));
    await().atMost(DEADLINE).until(() -> controller.rejections.stream()
        .filter(r -> r.reason() == Rejection.REPLAYED_OR_OLDER && r.topic().equals(Topics.schedule(SCREEN))).count() == 1);

    assertThat(agent.page().now().item().contentId()).isEqualTo("notice");
    assertThat(controller.acks).extracting(ScheduleAck::version, ScheduleAck::clusterVersion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 2L));
  }

  @Test
  void aPlacementWaitsForAGateScheduleWithItsProfileAndAWholeScheduleTakesOverAgain() throws Exception {
    controller.publishRetained(TestRules.schedule(SCREEN, 1, welcome));
    PlayerAgent agent = world.start(world.config(dataDir), Clock.systemUTC());
    awaitAck(1, null);

    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(1, Map.of("p-hall", welcome))));
    controller.publishRetained(SCREEN, signed(placement(3, "p-lane")));
    // A replayed older whole schedule does not displace the newer placement waiting for its profile.
    controller.publishRetained(TestRules.schedule(SCREEN, 2, welcome));
    assertThat(awaitRejection(Rejection.REPLAYED_OR_OLDER).topic()).isEqualTo(Topics.schedule(SCREEN));
    // Its heartbeats say it plays 1 and received 3: the controller's broker did hand the placement over.
    await().atMost(DEADLINE).until(() -> last(controller.statuses),
        s -> s != null && Long.valueOf(1).equals(s.appliedVersion()) && Long.valueOf(3).equals(s.receivedVersion()));
    Map<String, ItemSpec> both = new LinkedHashMap<>();
    both.put("p-hall", welcome);
    both.put("p-lane", notice);
    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(2, both)));

    awaitAck(3, 2L);
    assertThat(controller.acks).as("nothing played before the profile came")
        .extracting(ScheduleAck::version, ScheduleAck::clusterVersion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, null), org.assertj.core.groups.Tuple.tuple(3L, 2L));
    assertThat(agent.page().now().item().contentId()).isEqualTo("notice");

    // The controller goes back to a whole schedule for this screen (a newer version of the same sequence).
    controller.publishRetained(TestRules.schedule(SCREEN, 4, welcome));
    awaitAck(4, null);
    assertThat(agent.page().now().item().contentId()).isEqualTo("welcome");
    await().atMost(DEADLINE).until(() -> last(controller.statuses),
        s -> s != null && Long.valueOf(4).equals(s.appliedVersion()) && s.appliedClusterVersion() == null);
    assertThat(Placed.isPair(Files.readAllBytes(dataDir.resolve(ScheduleStore.FILE_NAME)))).isFalse();
  }

  @Test
  void aPlacementWhoseGateScheduleTheBrokerDidNotHandOverAsksTheBrokerForItAgain() throws Exception {
    // A whole schedule plays; then the screen is placed in its gate, whose schedule the broker holds
    // but does not hand to the agent's first subscription to the gate's topic (a NATS node electing).
    controller.publishRetained(TestRules.schedule(SCREEN, 1, welcome));
    MissedRetained broker = new MissedRetained(Topics.clusterSchedule(TestRules.CLUSTER));
    LinkCutter link = world.closing(new LinkCutter(world.broker().url(), broker));
    PlayerAgent agent = world.start(world.config(link.url(), dataDir), Clock.systemUTC());
    awaitAck(1, null);
    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(1, Map.of("p-hall", notice))));
    controller.publishRetained(SCREEN, signed(placement(2, "p-hall")));

    // The placement waits, then the agent asks again and plays the pair.
    awaitAck(2, 1L);
    assertThat(broker.dropped()).as("the gate's schedule the first subscription missed").isPositive();
    assertThat(broker.subscriptions()).isGreaterThanOrEqualTo(2);
    assertThat(agent.page().now().item().contentId()).isEqualTo("notice");
  }

  @Test
  void thePairOnDiskPlaysOfflineAndIsCheckedAsIfFromTheWire() throws Exception {
    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(1, Map.of("p-hall", welcome))));
    controller.publishRetained(SCREEN, signed(placement(1, "p-hall")));
    world.start(world.config(dataDir), Clock.systemUTC());
    awaitAck(1, 1L);
    controller.publishClusterSchedule(TestRules.CLUSTER, signed(gate(2, Map.of("p-hall", notice))));
    awaitAck(1, 2L);

    world.closeAll(PlayerAgent.class);
    world.broker().close();
    PlayerAgent offline = world.start(world.config("tcp://127.0.0.1:1", dataDir), Clock.systemUTC());
    assertThat(offline.appliedVersion()).contains(1L);
    assertThat(offline.page().now().item().contentId()).isEqualTo("notice");

    // The newest pair edited on disk (the gate's content swapped): refused, the previous good pair plays.
    world.closeAll(PlayerAgent.class);
    Path saved = dataDir.resolve(ScheduleStore.FILE_NAME);
    Files.writeString(saved, Files.readString(saved).replace("\"Notice\"", "\"Forged\""));
    PlayerAgent fellBack = world.start(world.config("tcp://127.0.0.1:1", dataDir), Clock.systemUTC());
    assertThat(fellBack.page().now().item().contentId()).isEqualTo("welcome");
  }

  private ClusterSchedule gate(long version, Map<String, ItemSpec> profiles) {
    return gate(version, profiles, Instant.now());
  }

  /** The gate's schedule as the controller built it at {@code builtAt} (no alert in force then). */
  private ClusterSchedule gate(long version, Map<String, ItemSpec> profiles, Instant builtAt) {
    Map<String, ScreenRules> rules = new LinkedHashMap<>();
    profiles.forEach((id, item) -> rules.put(id, new ScreenRules(TestRules.profile(id, "vi"), List.of(item), List.of(),
        TestRules.playlist("default", item), null, List.of())));
    return new ClusterSchedule(header(builtAt), TestRules.CLUSTER, version, rules);
  }

  private static Header header(Instant sentAt) {
    return new Header(Header.CURRENT_VERSION, UUID.randomUUID().toString(), sentAt);
  }

  private static Placement placement(long version, String profileId) {
    return new Placement(Header.now(Instant.now()), SCREEN, version, TestRules.CLUSTER, profileId, "Sảnh xuất cảnh 7",
        "Lào Cai");
  }

  private byte[] signed(ClusterSchedule gate) {
    return world.keys().signer().signToBytes(Signed.CLUSTER_SCHEDULE, gate, null);
  }

  private byte[] signed(Placement placement) {
    return world.keys().signer().signToBytes(Signed.PLACEMENT, placement, null);
  }

  private ScheduleAck awaitAck(long version, Long clusterVersion) {
    return await().atMost(DEADLINE).until(() -> controller.acks.stream()
        .filter(a -> a.version() == version && Objects.equals(a.clusterVersion(), clusterVersion)).findFirst(),
        Optional::isPresent).get();
  }

  private RejectionEvent awaitRejection(Rejection reason) {
    return await().atMost(DEADLINE).until(
        () -> controller.rejections.stream().filter(r -> r.reason() == reason).findFirst(), Optional::isPresent).get();
  }

  private static <T> T last(List<T> list) {
    return list.isEmpty() ? null : list.get(list.size() - 1);
  }
}
