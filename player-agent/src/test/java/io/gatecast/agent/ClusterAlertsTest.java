package io.gatecast.agent;

import static io.gatecast.agent.TestRules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.alerts.AlertStore;
import io.gatecast.agent.display.PageServer;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.schedules.SlotKind;
import io.gatecast.testkit.IntegrationTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Urgent alerts on the cluster's retained alert topic: signed, newer than the last, they take the
 * screen at once, survive a restart with no network, and end when a newer message clears them.
 */
@IntegrationTest
class ClusterAlertsTest {
  private static final String SCREEN = "kim-thanh-hall-1";
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
  void anAlertTakesOverAtOnceSurvivesARestartOfflineAndEndsWhenCleared() throws Exception {
    PlayerAgent agent = givenAgentPlaying();

    controller.publishAlert(TestRules.CLUSTER, signed(alerts(3, flood())));

    PageServer.NowView now = await().atMost(DEADLINE).until(() -> agent.page().now(), n -> n.kind() == SlotKind.ALERT);
    assertThat(now.alert().id()).isEqualTo("flood");
    // The screen's language (vi) first, then the others.
    assertThat(now.alert().lines()).extracting(PageServer.LineView::language).containsExactly("vi", "lo", "zh-Hans");
    assertThat(Codec.decode(java.nio.file.Files.readAllBytes(dataDir.resolve(AlertStore.FILE_NAME)), AlertMessage.class)
        .version()).isEqualTo(3L);

    // Restarted with the broker gone: the alert is still on screen, from disk.
    world.closeAll(PlayerAgent.class);
    world.broker().close();
    PlayerAgent offline = world.start(world.config("tcp://127.0.0.1:1", dataDir), Clock.systemUTC());
    assertThat(offline.page().now().kind()).isEqualTo(SlotKind.ALERT);
    assertThat(offline.page().now().alert().id()).isEqualTo("flood");
  }

  @Test
  void anOlderOrForgedAlertMessageIsRefusedAndAClearEndsTheAlert() throws Exception {
    PlayerAgent agent = givenAgentPlaying();
    controller.publishAlert(TestRules.CLUSTER, signed(alerts(3, flood())));
    await().atMost(DEADLINE).until(() -> agent.page().now().kind() == SlotKind.ALERT);

    controller.publishAlert(TestRules.CLUSTER, signed(alerts(2)));
    RejectionEvent replay = awaitRejection(Rejection.REPLAYED_OR_OLDER);
    assertThat(replay.topic()).isEqualTo(Topics.alert(TestRules.CLUSTER));
    controller.publishAlert(TestRules.CLUSTER, Codec.encode(alerts(4)));
    awaitRejection(Rejection.UNSIGNED);
    assertThat(agent.page().now().kind()).isEqualTo(SlotKind.ALERT);

    controller.publishAlert(TestRules.CLUSTER, signed(alerts(5)));

    await().atMost(DEADLINE).until(() -> agent.page().now().kind() == SlotKind.DEFAULT);
    assertThat(agent.page().now().alert()).isNull();
    assertThat(agent.page().now().item().contentId()).isEqualTo("welcome");
  }

  @Test
  void anAlertPastItsExpiryNoLongerShows() throws Exception {
    PlayerAgent agent = givenAgentPlaying();
    AlertSpec over = new AlertSpec("over", TestRules.CLUSTER, Instant.now().minusSeconds(7200),
        Instant.now().minusSeconds(3600), Map.of("vi", "Đã hết hiệu lực"));

    controller.publishAlert(TestRules.CLUSTER, signed(alerts(1, over)));

    await().atMost(DEADLINE).until(() -> java.nio.file.Files.exists(dataDir.resolve(AlertStore.FILE_NAME)));
    assertThat(agent.page().now().kind()).isEqualTo(SlotKind.DEFAULT);
  }

  private AlertSpec flood() {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("vi", "Cầu Kim Thành tạm đóng do lũ");
    lines.put("zh-Hans", "金城桥因洪水暂时关闭");
    lines.put("lo", "ຂົວປິດຊົ່ວຄາວຍ້ອນນ້ຳຖ້ວມ");
    return new AlertSpec("flood", TestRules.CLUSTER, Instant.now().minusSeconds(60), null, lines);
  }

  private AlertMessage alerts(long version, AlertSpec... alerts) {
    return new AlertMessage(Header.now(Instant.now()), TestRules.CLUSTER, version, List.of(alerts));
  }

  private byte[] signed(AlertMessage message) {
    return world.keys().signer().signToBytes(Signed.ALERT, message, Instant.now().plusSeconds(3600));
  }

  private PlayerAgent givenAgentPlaying() throws Exception {
    controller.publishRetained(schedule(SCREEN, 1, welcome));
    PlayerAgent agent = world.start(world.config(dataDir), Clock.systemUTC());
    await().atMost(DEADLINE).until(() -> agent.appliedVersion().isPresent());
    return agent;
  }

  private RejectionEvent awaitRejection(Rejection reason) {
    return await().atMost(DEADLINE).until(
        () -> controller.rejections.stream().filter(r -> r.reason() == reason).findFirst(), Optional::isPresent).get();
  }
}
