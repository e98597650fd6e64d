package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.publish.ScheduleSender;
import io.gatecast.protocol.ClusterSchedule;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Placement;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screens whose agents play placements (issue 21, docs/proposals/cluster-schedules.md): each gets a
 * signed placement once, naming its profile in its gate's schedule, and a content change reaches them
 * all as one signed cluster schedule on the gate's topic; a screen whose agent does not say so keeps
 * getting whole schedules. The rollout view counts the placed screens through their gate's schedule, by
 * what they answer; a gate's schedule recorded and not confirmed is sent by the next start.
 */
@IntegrationTest
class PlacedPublishTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path dataDir;

  @Test
  void placedScreensGetOnePlacementAndEachContentChangeIsOneGateSchedule() throws Exception {
    withController((controller, admin, approver) -> {
      String passwordA = register(admin, "pl-a");
      String passwordB = register(admin, "pl-b");
      String passwordC = register(admin, "pl-c");
      PinnedKey key = controller.signingKey();
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default");
          PlacedScreen b = new PlacedScreen(controller.brokerUrl(), key, "pl-b", passwordB, "default");
          AckingScreen c = new AckingScreen(controller.brokerUrl(), key, "pl-c", passwordC)) {
        heartbeatUntilOnline(admin, a, b);

        scheduleNew(admin, approver, "pl-notice-1");
        long first = published(admin);

        await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1"))
            && items(b).equals(List.of("pl-notice-1")) && c.itemsOnAir().equals(List.of("pl-notice-1")));
        // One profile (same gate, same playlist): named after its first screen; each screen under its own id.
        assertThat(a.placements).extracting(Placement::profileId).containsExactly("pl-a");
        assertThat(b.placements).extracting(Placement::profileId).containsExactly("pl-a");
        assertThat(a.playing().orElseThrow().profile().screenId()).isEqualTo("pl-a");
        assertThat(b.playing().orElseThrow().profile().screenId()).isEqualTo("pl-b");
        assertThat(a.gateSchedules).hasSize(1);
        assertThat(a.gateSchedules.get(0).profiles()).containsOnlyKeys("pl-a");
        awaitAllApplied(admin, first, 3);

        scheduleNew(admin, approver, "pl-notice-2");
        long second = published(admin);

        // The gate's new schedule comes after any placement the controller would have sent on the same
        // connection: once it is here, a new placement would be too.
        await().atMost(DEADLINE).until(() -> a.gateSchedules.size() == 2 && b.gateSchedules.size() == 2);
        assertThat(a.placements).as("a content change sends no placement").hasSize(1);
        assertThat(b.placements).hasSize(1);
        assertThat(items(a)).containsExactly("pl-notice-1", "pl-notice-2");
        await().atMost(DEADLINE).until(() -> c.itemsOnAir().size() == 2);
        assertThat(a.applied).containsExactly("1/1", "1/2");
        JsonNode rollout = awaitAllApplied(admin, second, 3);
        assertThat(rollout.get("planned").asInt()).isEqualTo(3);

        // Nothing changed: nothing is sent, not even to the gate.
        assertThat(admin.publishAndAwait().body().get("sent")).isEmpty();
        assertThat(admin.get("/api/v1/publishes").body().get(0).get("counts").get("screens").asInt()).isZero();
      }
    });
  }

  /**
   * A placed screen whose first try fails (a download broke off on a thin link) answers FAILED; its agent
   * retries and plays it: the rollout says applied then, not failed for good.
   */
  @Test
  void aPlacedScreenThatPlaysAfterARetryIsAppliedInTheRollout() throws Exception {
    withController((controller, admin, approver) -> {
      String password = register(admin, "pl-retry");
      try (PlacedScreen screen = new PlacedScreen(controller.brokerUrl(), controller.signingKey(), "pl-retry", password,
          "default")) {
        screen.failNextPlay = "download of notice.svg broke off";
        heartbeatUntilOnline(admin, screen);
        scheduleNew(admin, approver, "pl-retry-notice", "Cửa khẩu mở cửa 7:00", List.of("pl-retry"));
        long publish = published(admin);
        JsonNode failed = await().atMost(DEADLINE).until(() -> admin.get("/api/v1/publishes/" + publish).body(),
            view -> view.get("counts").get("failed").asInt() == 1);
        assertThat(failed.toString()).contains("download of notice.svg broke off");

        screen.retry();
        awaitAllApplied(admin, publish, 1);
      }
    });
  }

  /** Gates whose schedules a publish sends together are signed together: one signature, each with its proof. */
  @Test
  void theGatesOfOnePassShareOneSignature() throws Exception {
    withController((controller, admin, approver) -> {
      newGate(admin, "mong-cai", "Móng Cái");
      String passwordA = register(admin, "pl-a");
      String passwordB = register(admin, "pl-b", "mong-cai");
      PinnedKey key = controller.signingKey();
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default");
          PlacedScreen b = new PlacedScreen(controller.brokerUrl(), key, "pl-b", passwordB, "mong-cai")) {
        heartbeatUntilOnline(admin, a, b);

        scheduleNew(admin, approver, "pl-notice-1");
        published(admin);

        // Both opened with the controller's key as an agent opens them (PlacedScreen), each on its own gate.
        await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1"))
            && items(b).equals(List.of("pl-notice-1")));
        JsonNode fromDefault = io.gatecast.protocol.Codec.mapper().readTree(a.gateEnvelopes.get(0));
        JsonNode fromMongCai = io.gatecast.protocol.Codec.mapper().readTree(b.gateEnvelopes.get(0));
        assertThat(fromDefault.has("batchProof")).as(fromDefault.toString()).isTrue();
        assertThat(fromMongCai.has("batchProof")).as(fromMongCai.toString()).isTrue();
        assertThat(fromDefault.get("signature")).isEqualTo(fromMongCai.get("signature"));
      }
    });
  }

  /**
   * A content change that comes with no setup change leaves for the gate before the fleet is read (the
   * fast pass, docs/proposals/cluster-schedules.md "Next"): the gate's schedule goes before the placement
   * of a screen that joined its profile since, and the publish sends the gate nothing more. When the
   * profile's own screen (its id) has a new setup, the gate waits for the fleet to be planned, as before:
   * the screen that leaves the profile gets its new placement first, then the gate its new set.
   */
  @Test
  void aContentChangeLeavesForTheGateBeforeTheFleetIsReadUnlessItsProfilesChanged() throws Exception {
    List<String> sends = new java.util.concurrent.CopyOnWriteArrayList<>();
    withController(config(), Clock.systemUTC(), inOrder(sends), (controller, admin, approver) -> {
      String passwordA = register(admin, "pl-a");
      PinnedKey key = controller.signingKey();
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default")) {
        heartbeatUntilOnline(admin, a);
        hallCampaign(admin, approver, "pl-notice-1");
        published(admin);
        await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1")));

        // The change first: pl-b then arrives while the gate's programme on air is not what it would be given,
        // so it waits for the publish (it would be placed at once otherwise: aNewScreenPlaysItsGatesProgrammeOnAirWithoutAPublish).
        approvedItem(admin, approver, "pl-notice-2");
        assertThat(admin.putJson("/api/v1/playlists/pl-hall", Map.of("entries",
            List.of(Map.of("contentId", "pl-notice-1"), Map.of("contentId", "pl-notice-2")))).status()).isEqualTo(200);
        String passwordB = register(admin, "pl-b");
        try (PlacedScreen b = new PlacedScreen(controller.brokerUrl(), key, "pl-b", passwordB, "default")) {
          heartbeatUntilOnline(admin, b);
          sends.clear();
          published(admin);

          assertThat(sends).as("the gate first, then pl-b's placement in pl-a's profile; the gate once")
              .containsExactly("gate default", "screen pl-b");
          await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1", "pl-notice-2"))
              && items(b).equals(List.of("pl-notice-1", "pl-notice-2")));
          assertThat(b.placements).extracting(Placement::profileId).containsExactly("pl-a");
          assertThat(a.gateSchedules).extracting(ClusterSchedule::version).containsExactly(1L, 2L);

          // pl-a, whose id names the profile, gets a notice of its own: pl-b leaves the profile first.
          approvedItem(admin, approver, "pl-notice-3");
          assertThat(admin.postJson("/api/v1/schedule", Map.of("contentId", "pl-notice-3", "screenIds",
              List.of("pl-a"))).status()).isEqualTo(200);
          sends.clear();
          published(admin);

          assertThat(sends).as("pl-b's new placement, then the gate's new set").containsExactly("screen pl-b",
              "gate default");
          await().atMost(DEADLINE).until(() -> items(a).size() == 3 && b.placements.size() == 2
              && a.gateSchedules.size() == 3);
          assertThat(items(a)).containsExactlyInAnyOrder("pl-notice-1", "pl-notice-2", "pl-notice-3");
          assertThat(b.placements.get(1).profileId()).isEqualTo("pl-b");
          assertThat(items(b)).containsExactly("pl-notice-1", "pl-notice-2");
        }
      }
    });
  }

  /**
   * A newly paired screen plays its gate's programme at once, not nothing until an operator's next publish:
   * its gate's schedule on air holds a profile with exactly the rules a publish would give it, so the
   * controller places it there (recorded under that publish, whose rollout counts it, and audited).
   */
  @Test
  void aNewScreenPlaysItsGatesProgrammeOnAirWithoutAPublish() throws Exception {
    withTheHallCampaignOnAir((controller, admin, approver) -> {
      long first = admin.get("/api/v1/publishes").body().get(0).get("id").asLong();
      try (PlacedScreen arrived = newScreen(controller, admin, "pl-new")) {
        await().atMost(DEADLINE).until(() -> items(arrived).equals(List.of("pl-notice-1")));
        assertThat(arrived.placements).extracting(Placement::profileId).containsExactly("pl-a");
        assertThat(arrived.playing().orElseThrow().profile().screenId()).isEqualTo("pl-new");
        assertThat(admin.get("/api/v1/publishes").body()).as("no publish was made for it").hasSize(1);
        awaitAllApplied(admin, first, 2);
        JsonNode audit = admin.get("/api/v1/audit?subjectType=screen&subjectId=pl-new").body();
        assertThat(audit.get(0).get("action").asText()).isEqualTo("place");
        assertThat(audit.get(0).get("after").get("profile").asText()).isEqualTo("pl-a");
        assertThat(arrivals(controller, "placed")).isEqualTo(1.0);
        assertThat(waitsForPublish(admin, "pl-new")).isNull();
        // The next publish changes nothing for it: nothing is sent.
        assertThat(admin.publishAndAwait().body().get("sent")).isEmpty();
      }
    });
  }

  /**
   * A newly paired screen whose gate's programme changed since the last publish (an approved item added,
   * not yet published) is given nothing before the publish: what it would be given is not on air, and what
   * is on air is no longer what the operator has approved for it.
   */
  @Test
  void aNewScreenWaitsForThePublishWhenItsGatesProgrammeChangedSinceTheLast() throws Exception {
    withTheHallCampaignOnAir((controller, admin, approver) -> {
      approvedItem(admin, approver, "pl-notice-2");
      assertThat(admin.putJson("/api/v1/playlists/pl-hall", Map.of("entries",
          List.of(Map.of("contentId", "pl-notice-1"), Map.of("contentId", "pl-notice-2")))).status()).isEqualTo(200);
      try (PlacedScreen arrived = newScreen(controller, admin, "pl-new")) {
        // Tried and left to wait (counted once the try is over; a placed screen is sent before it is counted).
        await().atMost(DEADLINE).until(() -> arrivals(controller, "waiting") == 2.0);
        assertThat(arrived.placements).isEmpty();
        assertThat(arrived.wholeSchedules).isEmpty();
        assertThat(admin.get("/api/v1/audit?subjectType=screen&subjectId=pl-new").body())
            .extracting(e -> e.get("action").asText()).doesNotContain("place");
        assertThat(waitsForPublish(admin, "pl-new")).isEqualTo("PROGRAMME_CHANGED");

        published(admin);
        await().atMost(DEADLINE).until(() -> items(arrived).equals(List.of("pl-notice-1", "pl-notice-2")));
        assertThat(arrived.placements).hasSize(1);
        assertThat(waitsForPublish(admin, "pl-new")).isNull();
      }
    });
  }

  /**
   * A screen a technician sets up (a place, say) before its agent has ever reported is tried then, with nothing
   * known of its agent: that try decides nothing, so the agent's first report, a moment later, places it at once
   * (not ten minutes later, when a screen that must wait is tried again).
   */
  @Test
  void aScreenSetUpBeforeItsAgentFirstReportsPlaysItsGatesProgrammeOnceItDoes() throws Exception {
    withTheHallCampaignOnAir((controller, admin, approver) -> {
      String password = register(admin, "pl-new");
      assertThat(admin.putJson("/api/v1/screens/pl-new", Map.of("clusterId", "default", "location", "Sảnh B"))
          .status()).isEqualTo(200);
      await().atMost(DEADLINE).until(() -> arrivals(controller, "unknown_agent") == 1.0);
      try (PlacedScreen arrived = new PlacedScreen(controller.brokerUrl(), controller.signingKey(), "pl-new",
          password, "default")) {
        arrived.heartbeat();
        await().atMost(DEADLINE).until(() -> items(arrived).equals(List.of("pl-notice-1")));
        assertThat(admin.get("/api/v1/publishes").body()).as("no publish was made for it").hasSize(1);
      }
    });
  }

  /**
   * While no setup changes (content only: the hall's playlist), a publish reads only the screens not placed
   * (issue 21: the placed ones are planned as the fast pass rebuilt their gates) and misses nothing: a setup
   * change since (a screen moved and renamed, a screen's own notice) makes the next publish read every screen
   * again, and each screen plays what a full read gives it. The gate a screen left keeps a schedule naming it,
   * which the fast pass cannot rebuild: it holds no placed screen, so it does not make every publish read the
   * fleet. A restarted controller's first publish reads every screen and finds nothing those left unsent.
   */
  @Test
  void whileNoSetupChangesAPublishReadsOnlyTheScreensNotPlacedAndASetupChangeIsNeverMissed() throws Exception {
    withController((controller, admin, approver) -> {
      newGate(admin, "pl-lc", "Cửa khẩu Lào Cai");
      String passwordA = register(admin, "pl-a");
      String passwordB = register(admin, "pl-b");
      String passwordC = register(admin, "pl-c", "pl-lc");
      String passwordOld = register(admin, "pl-old");
      PinnedKey key = controller.signingKey();
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default");
          PlacedScreen b = new PlacedScreen(controller.brokerUrl(), key, "pl-b", passwordB, "default");
          AckingScreen old = new AckingScreen(controller.brokerUrl(), key, "pl-old", passwordOld)) {
        try (PlacedScreen c = new PlacedScreen(controller.brokerUrl(), key, "pl-c", passwordC, "pl-lc")) {
          heartbeatUntilOnline(admin, a, b, c);
          hallCampaign(admin, approver, "pl-notice-1", "default", "pl-lc");
          assertThat(screensReadBy(controller, () -> published(admin))).as("the first publish since the start")
              .isEqualTo(4.0);
          await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1"))
              && items(c).equals(List.of("pl-notice-1")) && old.itemsOnAir().equals(List.of("pl-notice-1")));

          approvedItem(admin, approver, "pl-notice-2");
          hallPlays(admin, "pl-notice-1", "pl-notice-2");
          assertThat(screensReadBy(controller, () -> published(admin))).as("content only: pl-old, a whole schedule")
              .isEqualTo(1.0);
          await().atMost(DEADLINE).until(() -> items(a).size() == 2 && items(b).size() == 2 && items(c).size() == 2
              && old.itemsOnAir().size() == 2);
          assertThat(b.placements).as("placed as before").hasSize(1);
        }

        Answer moved = admin.putJson("/api/v1/screens/pl-c", Map.of("id", "pl-c", "name", "Sảnh C",
            "clusterId", "default"));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(screensReadBy(controller, () -> published(admin))).as("pl-c moved and renamed").isEqualTo(4.0);
        // This stand-in follows one gate: pl-c logs in again as one of the default gate's.
        try (PlacedScreen c = new PlacedScreen(controller.brokerUrl(), key, "pl-c", passwordC, "default")) {
          await().atMost(DEADLINE).until(() -> !c.placements.isEmpty()
              && latestPlacement(c).clusterId().equals("default") && "Sảnh C".equals(latestPlacement(c).screenName())
              && items(c).equals(List.of("pl-notice-1", "pl-notice-2")));

          scheduleNew(admin, approver, "pl-notice-3", "Giữ trật tự", List.of("pl-a"));
          assertThat(screensReadBy(controller, () -> published(admin))).as("pl-a's own notice").isEqualTo(4.0);
          await().atMost(DEADLINE).until(() -> items(a).contains("pl-notice-3")
              && latestPlacement(b).profileId().equals("pl-b"));

          approvedItem(admin, approver, "pl-notice-4");
          hallPlays(admin, "pl-notice-1", "pl-notice-2", "pl-notice-4");
          assertThat(screensReadBy(controller, () -> published(admin))).as("content only again, pl-lc left empty")
              .isEqualTo(1.0);
          List<String> hall = List.of("pl-notice-1", "pl-notice-2", "pl-notice-4");
          await().atMost(DEADLINE).until(() -> items(a).contains("pl-notice-4") && items(b).equals(hall)
              && items(c).equals(hall) && old.itemsOnAir().contains("pl-notice-4"));
          assertThat(items(a)).containsExactlyInAnyOrder("pl-notice-1", "pl-notice-2", "pl-notice-3", "pl-notice-4");
        }
      }
    });
    withController((controller, admin, approver) -> {
      long[] sent = new long[1];
      assertThat(screensReadBy(controller, () -> sent[0] = admin.publishAndAwait().body().get("sent").size()))
          .as("after a start, every screen").isEqualTo(4.0);
      assertThat(sent[0]).as("nothing was left for a full read").isZero();
    });
  }

  /**
   * A setup change that moves no placed screen (one more notice in the own playlist of every screen of the gate:
   * pl-a's profile keeps pl-a and pl-b) is planned ahead once it has settled, without being asked: the publish then
   * sends the gate's new schedule before it reads any screen, and reads only the screen not placed (an older
   * agent's). A change planned ahead that would move a placed screen (a notice of pl-b's own: pl-b leaves pl-a's
   * profile) is not used so, as the gate rebuilt from it could give pl-b pl-a's rules: the publish reads every
   * screen.
   */
  @Test
  void aSetupChangePlannedAheadLeavesBeforeTheFleetIsReadUnlessItMovesAPlacedScreen() throws Exception {
    List<String> sends = new java.util.concurrent.CopyOnWriteArrayList<>();
    withController(config(), Clock.systemUTC(), inOrder(sends), (controller, admin, approver) -> {
      String passwordA = register(admin, "pl-a");
      String passwordB = register(admin, "pl-b");
      String passwordOld = register(admin, "pl-old");
      PinnedKey key = controller.signingKey();
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default");
          PlacedScreen b = new PlacedScreen(controller.brokerUrl(), key, "pl-b", passwordB, "default");
          AckingScreen old = new AckingScreen(controller.brokerUrl(), key, "pl-old", passwordOld)) {
        heartbeatUntilOnline(admin, a, b);
        hallCampaign(admin, approver, "pl-notice-1");
        published(admin);
        await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1"))
            && items(b).equals(List.of("pl-notice-1")) && old.itemsOnAir().equals(List.of("pl-notice-1")));

        double plannedBefore = plannedAheadOnceSettled(controller);
        scheduleNew(admin, approver, "pl-own-1", "Chào mừng quý khách", List.of("pl-a", "pl-b", "pl-old"));
        await().atMost(DEADLINE).until(() -> metric(controller, PLANNED_AHEAD) > plannedBefore);
        sends.clear();
        assertThat(screensReadBy(controller, () -> published(admin))).as("planned ahead: pl-old only").isEqualTo(1.0);
        assertThat(sends).as("the gate before any screen is read, then pl-old's whole schedule")
            .containsExactly("gate default", "screen pl-old");
        await().atMost(DEADLINE).until(() -> items(a).size() == 2 && items(b).size() == 2
            && old.itemsOnAir().size() == 2);
        assertThat(items(b)).containsExactlyInAnyOrder("pl-notice-1", "pl-own-1");
        assertThat(b.placements).as("placed as before").extracting(Placement::profileId).containsExactly("pl-a");

        double plannedAgain = plannedAheadOnceSettled(controller);
        scheduleNew(admin, approver, "pl-own-2", "Giữ trật tự", List.of("pl-b"));
        await().atMost(DEADLINE).until(() -> metric(controller, PLANNED_AHEAD) > plannedAgain);
        sends.clear();
        assertThat(screensReadBy(controller, () -> published(admin))).as("pl-b moves: every screen").isEqualTo(3.0);
        assertThat(sends).as("pl-b's new placement, then the gate's new set").containsExactly("screen pl-b",
            "gate default");
        await().atMost(DEADLINE).until(() -> b.placements.size() == 2 && items(b).size() == 3);
        assertThat(b.placements.get(1).profileId()).isEqualTo("pl-b");
        assertThat(items(a)).containsExactlyInAnyOrder("pl-notice-1", "pl-own-1");
      }
    });
  }

  /** The controller's count of the fleet's profiles planned ahead of a publish. */
  private static final String PLANNED_AHEAD = "gatecast_publish_profiles_planned_ahead_total";

  /**
   * The count of the fleet's profiles planned ahead, once a planning under way (one the timer began before) ended
   * (counted as it ends): a later count is of a setup change made after this call.
   */
  private static double plannedAheadOnceSettled(Controller controller) throws Exception {
    controller.planProfilesAheadNow().await(); // nothing new: the generation is planned already, or every screen was
    return metric(controller, PLANNED_AHEAD);
  }

  /** The hall campaign's playlist (pl-hall) now plays these items. */
  private static void hallPlays(ApiClient admin, String... contentIds) {
    assertThat(admin.putJson("/api/v1/playlists/pl-hall", Map.of("entries", java.util.Arrays.stream(contentIds)
        .map(id -> Map.of("contentId", id)).toList())).status()).isEqualTo(200);
  }

  /** How many screens the publishes {@code publishing} makes read to plan them (the controller's metric). */
  private static double screensReadBy(Controller controller, Runnable publishing) throws Exception {
    double before = metric(controller, "gatecast_publish_screens_read_total");
    publishing.run();
    // The metric is counted when the publish's end is told on the event bus, just after the API says it is done;
    // every publish of these tests reads at least one screen (a publish that reads none would time out here).
    return await().atMost(DEADLINE).until(() -> metric(controller, "gatecast_publish_screens_read_total") - before,
        read -> read > 0);
  }

  /** What a test does with its controller (on its embedded broker), the admin and an approver. */
  @FunctionalInterface
  private interface Running {
    void then(Controller controller, ApiClient admin, ApiClient approver) throws Exception;
  }

  /** Starts a controller on this test's data folder, runs {@code test} with it and stops it, whatever happened. */
  private void withController(Running test) throws Exception {
    withController(config(), Clock.systemUTC(), UnaryOperator.identity(), test);
  }

  /** {@link #withController(Running)} with its settings, clock, and {@code wrapSender} around its sends. */
  private void withController(ControllerConfig config, Clock clock, UnaryOperator<ScheduleSender> wrapSender,
      Running test) throws Exception {
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx, config, clock, wrapSender).await();
    try {
      ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
      test.then(controller, admin, TestUsers.user(admin, controller.httpPort(), "placed-approver", "approver"));
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  /** A controller whose default gate plays the hall campaign's pl-notice-1 on pl-a, published; then {@code test}. */
  private void withTheHallCampaignOnAir(Running test) throws Exception {
    withController((controller, admin, approver) -> {
      String passwordA = register(admin, "pl-a");
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), controller.signingKey(), "pl-a", passwordA,
          "default")) {
        heartbeatUntilOnline(admin, a);
        // pl-a too reported playing nothing, in a gate with no programme yet: it waits, and its page says why.
        await().atMost(DEADLINE).until(() -> arrivals(controller, "waiting") == 1.0);
        assertThat(waitsForPublish(admin, "pl-a")).isEqualTo("NO_PROGRAMME");
        hallCampaign(admin, approver, "pl-notice-1");
        published(admin);
        await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1")));
        assertThat(waitsForPublish(admin, "pl-a")).as("published: it waits no more").isNull();
        test.then(controller, admin, approver);
      }
    });
  }

  /** A screen registered at the default gate whose agent logs in and reports it plays nothing yet. */
  private static PlacedScreen newScreen(Controller controller, ApiClient admin, String screenId) throws Exception {
    String password = register(admin, screenId);
    PlacedScreen screen = new PlacedScreen(controller.brokerUrl(), controller.signingKey(), screenId, password, "default");
    screen.heartbeat();
    return screen;
  }

  /**
   * A placed screen a technician moves to another gate plays that gate's programme on air at once, not its
   * old gate's until the next publish: the gate's schedule holds exactly what a publish would give it there.
   */
  @Test
  void aScreenMovedToAnotherGatePlaysThatGatesProgrammeOnAirWithoutAPublish() throws Exception {
    withController((controller, admin, approver) -> {
      newGate(admin, "pl-lc", "Cửa khẩu Lào Cai");
      String passwordA = register(admin, "pl-a");
      String passwordB = register(admin, "pl-b", "pl-lc");
      PinnedKey key = controller.signingKey();
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default");
          PlacedScreen b = new PlacedScreen(controller.brokerUrl(), key, "pl-b", passwordB, "pl-lc")) {
        heartbeatUntilOnline(admin, a, b);
        hallCampaign(admin, approver, "pl-notice-1");
        approvedItem(admin, approver, "pl-lc-notice");
        assertThat(admin.postJson("/api/v1/playlists", Map.of("id", "pl-lc-hall", "entries",
            List.of(Map.of("contentId", "pl-lc-notice")))).status()).isEqualTo(201);
        assertThat(admin.postJson("/api/v1/campaigns", Map.of("id", "pl-lc-notices", "playlistId", "pl-lc-hall",
            "targets", Map.of("clusters", List.of("pl-lc")), "start", "2026-01-01T00:00", "end", "2099-01-01T00:00"))
            .status()).isEqualTo(201);
        published(admin);
        await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1"))
            && items(b).equals(List.of("pl-lc-notice")));

        assertThat(admin.putJson("/api/v1/screens/pl-b", Map.of("clusterId", "default")).status()).isEqualTo(200);
        // Its agent follows the gate its placement names; this stand-in follows one gate, so it logs in again as
        // one of the default gate's (the broker drops the old login): it plays once the placement there has come
        // (the old one names pl-lc's profile).
        try (PlacedScreen moved = new PlacedScreen(controller.brokerUrl(), key, "pl-b", passwordB, "default")) {
          await().atMost(DEADLINE).until(() -> !moved.placements.isEmpty()
              && latestPlacement(moved).clusterId().equals("default") && items(moved).equals(List.of("pl-notice-1")));
          assertThat(latestPlacement(moved).profileId()).isEqualTo("pl-a");
        }
        assertThat(admin.get("/api/v1/publishes").body()).as("no publish was made for it").hasSize(1);
        assertThat(admin.get("/api/v1/audit?subjectType=screen&subjectId=pl-b").body().get(0).get("action").asText())
            .isEqualTo("place");
      }
    });
  }

  private static Placement latestPlacement(PlacedScreen screen) {
    return screen.placements.get(screen.placements.size() - 1);
  }

  /** Why the screen's page says it waits for the next publish; null: it does not. */
  private static String waitsForPublish(ApiClient admin, String screenId) {
    JsonNode waits = admin.get("/api/v1/screens/" + screenId).body().get("waitsForPublish");
    return waits == null || waits.isNull() ? null : waits.get("reason").asText();
  }

  /** The controller's count of screens that reported playing nothing, by {@code outcome} ({@code placed}, {@code waiting}). */
  private static double arrivals(Controller controller, String outcome) throws Exception {
    return metric(controller, "gatecast_arrivals_total\\{outcome=\"" + outcome + "\",?\\}");
  }

  /** The value of the controller's metric whose name and labels match {@code series} (a pattern); 0 when absent. */
  private static double metric(Controller controller, String series) throws Exception {
    return ScrapedMetrics.value(controller, series).orElse(0);
  }

  /**
   * A placed screen that reports playing an older version of its gate's schedule than the newest (an
   * agent started afresh, handed the older one by a rolled-back broker) makes the controller send the
   * gate's newest again: at the re-assertion's next tick once {@code QUIET} has passed since the broker
   * took it, not at the end of the slow sweep's round (10 minutes at least). The same when a screen
   * refuses the gate's schedule as older than the one it holds (the gate's topic holds an older one).
   */
  @Test
  void aPlacedScreenBehindItsGateIsSentTheGatesNewestScheduleAgain() throws Exception {
    MovableClock clock = new MovableClock(Instant.now());
    withController(config(), clock, UnaryOperator.identity(), (controller, admin, approver) -> {
      String password = register(admin, "pl-behind");
      try (PlacedScreen screen = new PlacedScreen(controller.brokerUrl(), controller.signingKey(), "pl-behind",
          password, "default")) {
        heartbeatUntilOnline(admin, screen);
        scheduleNew(admin, approver, "pl-behind-1", "Cửa khẩu mở cửa 7:00", List.of("pl-behind"));
        published(admin);
        scheduleNew(admin, approver, "pl-behind-2", "Cửa khẩu đóng cửa 22:00", List.of("pl-behind"));
        published(admin);
        await().atMost(DEADLINE).until(() -> screen.applied.contains("1/2"));
        assertThat(screen.gateSchedules).extracting(ClusterSchedule::version).containsExactly(1L, 2L);

        clock.advance(Duration.ofMinutes(3)); // past QUIET since the broker took version 2
        screen.heartbeatPlayingGate(1);

        await().atMost(DEADLINE).until(() -> screen.gateSchedules.size() == 3);
        assertThat(screen.gateSchedules.get(2)).as("the gate's newest, as recorded").isEqualTo(screen.gateSchedules.get(1));

        clock.advance(Duration.ofMinutes(3));
        screen.refuseGateAsOlder();
        await().atMost(DEADLINE).until(() -> screen.gateSchedules.size() == 4);
        assertThat(screen.gateSchedules.get(3)).isEqualTo(screen.gateSchedules.get(1));
      }
    });
  }

  /**
   * A placement the broker took and never handed to the screen (a NATS node electing leaders): the
   * screen's heartbeat says it never received that version, so it is sent again {@code LOST} (15 s)
   * after the broker took it, not {@code QUIET} (2 minutes), which is for a screen still fetching.
   */
  @Test
  void aPlacementTheBrokerTookAndNeverHandedOverIsSentAgainOnceTheScreenSaysItNeverReceivedIt() throws Exception {
    MovableClock clock = new MovableClock(Instant.now());
    java.util.concurrent.atomic.AtomicBoolean lose = new java.util.concurrent.atomic.AtomicBoolean();
    withController(config(), clock, screenSchedulesLostWhile(lose), (controller, admin, approver) -> {
      String password = register(admin, "pl-lost");
      try (PlacedScreen screen = new PlacedScreen(controller.brokerUrl(), controller.signingKey(), "pl-lost",
          password, "default")) {
        heartbeatUntilOnline(admin, screen);
        scheduleNew(admin, approver, "pl-lost-1", "Cửa khẩu mở cửa 7:00", List.of("pl-lost"));
        published(admin);
        await().atMost(DEADLINE).until(() -> screen.applied.contains("1/1"));

        // Renamed: a new placement (names travel in it), which the broker takes and loses.
        lose.set(true);
        assertThat(admin.putJson("/api/v1/screens/pl-lost", Map.of("name", "Sảnh xuất cảnh mới")).status())
            .isEqualTo(200);
        published(admin);
        assertThat(admin.get("/api/v1/screens/pl-lost").body().get("publishedVersion").asLong()).isEqualTo(2);
        lose.set(false);

        clock.advance(Duration.ofSeconds(20)); // past LOST, well before QUIET
        screen.heartbeat(); // plays 1, received 1

        await().atMost(DEADLINE).until(() -> screen.placements.size() == 2);
        assertThat(screen.placements.get(1).version()).isEqualTo(2);
        assertThat(screen.placements.get(1).screenName()).isEqualTo("Sảnh xuất cảnh mới");
      }
    });
  }

  @Test
  void aGateScheduleTheBrokerNeverConfirmedIsSentByTheNextStart() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Controller first = Controller.start(vertx, config().withSendDeadline(Duration.ofSeconds(1)), Clock.systemUTC(),
          gateSchedulesNeverLeave()).await();
      String password;
      try {
        ApiClient admin = TestUsers.admin(first.httpPort(), dataDir);
        password = register(admin, "pl-restart");
        try (PlacedScreen screen = new PlacedScreen(first.brokerUrl(), first.signingKey(), "pl-restart", password,
            "default")) {
          heartbeatUntilOnline(admin, screen);
          scheduleNew(admin, TestUsers.user(admin, first.httpPort(), "restart-approver", "approver"), "pl-restart-notice");
          published(admin);
          await().atMost(DEADLINE).until(() -> screen.placements.size() == 1);
          assertThat(screen.gateSchedules).as("recorded, never sent").isEmpty();
          assertThat(screen.playing()).isEmpty();
        }
      } finally {
        first.close();
      }

      Controller second = Controller.start(vertx, config(), Clock.systemUTC()).await();
      try (PlacedScreen screen = new PlacedScreen(second.brokerUrl(), second.signingKey(), "pl-restart", password,
          "default")) {
        await().atMost(DEADLINE).until(() -> screen.playing().isPresent());
        assertThat(screen.gateSchedules.get(screen.gateSchedules.size() - 1).version()).isEqualTo(1);
        assertThat(screen.playing().orElseThrow().items()).extracting(ItemSpec::id).containsExactly("pl-restart-notice");
      } finally {
        second.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  /**
   * A gate whose recorded profile keys do not read back (a damaged row) is planned with the fleet, as
   * before the fast pass, while the other gates still leave before the fleet is read; that publish
   * records the gate's keys afresh.
   */
  @Test
  void aGateWhoseRecordedKeysAreDamagedWaitsForTheFleetWhileTheOthersLeaveFirst() throws Exception {
    List<String> sends = new java.util.concurrent.CopyOnWriteArrayList<>();
    withController(config(), Clock.systemUTC(), inOrder(sends), (controller, admin, approver) -> {
      newGate(admin, "border-a", "Cửa khẩu A");
      String passwordA = register(admin, "pl-a");
      String passwordX = register(admin, "pl-x", "border-a");
      PinnedKey key = controller.signingKey();
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default");
          PlacedScreen x = new PlacedScreen(controller.brokerUrl(), key, "pl-x", passwordX, "border-a")) {
        heartbeatUntilOnline(admin, a, x);
        hallCampaign(admin, approver, "pl-notice-1", "default", "border-a");
        published(admin);
        await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1"))
            && items(x).equals(List.of("pl-notice-1")));

        // border-a's recorded keys damaged: a zone that is none.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gatecast.db"));
            java.sql.Statement statement = c.createStatement()) {
          assertThat(statement.executeUpdate("UPDATE cluster_schedules SET profile_keys = '{\"pl-x\": {\"zone\": \"Nowhere/Here\"}}'"
              + " WHERE cluster_id = 'border-a'")).isPositive();
        }
        approvedItem(admin, approver, "pl-notice-2");
        assertThat(admin.putJson("/api/v1/playlists/pl-hall", Map.of("entries",
            List.of(Map.of("contentId", "pl-notice-1"), Map.of("contentId", "pl-notice-2")))).status()).isEqualTo(200);
        sends.clear();
        published(admin);

        // Before, one damaged row sent every gate with the fleet, in id order: border-a, then default.
        assertThat(sends).as("default before the fleet is read, border-a with it").containsExactly("gate default",
            "gate border-a");
        await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1", "pl-notice-2"))
            && items(x).equals(List.of("pl-notice-1", "pl-notice-2")));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gatecast.db"));
            java.sql.Statement statement = c.createStatement();
            java.sql.ResultSet newest = statement.executeQuery("SELECT profile_keys FROM cluster_schedules"
                + " WHERE cluster_id = 'border-a' ORDER BY version DESC LIMIT 1")) {
          assertThat(newest.next()).isTrue();
          assertThat(newest.getString(1)).as("recorded afresh").contains("\"pl-x\"").contains("Asia/Ho_Chi_Minh");
        }
      }
    });
  }

  /**
   * A gate's schedule the fast pass recorded and the broker never took is sent by the next start, as the
   * other passes' are: recorded before it is sent, the rest of the publish goes on without it.
   */
  @Test
  void aGateScheduleOfTheFastPassTheBrokerNeverTookIsSentByTheNextStart() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean gatesLeave = new java.util.concurrent.atomic.AtomicBoolean(true);
    List<String> sends = new java.util.concurrent.CopyOnWriteArrayList<>();
    Vertx vertx = Vertx.vertx();
    try {
      Controller first = Controller.start(vertx, config().withSendDeadline(Duration.ofSeconds(1)), Clock.systemUTC(),
          real -> inOrder(sends).apply(gateSchedulesLeaveWhile(gatesLeave).apply(real))).await();
      String passwordA;
      try {
        ApiClient admin = TestUsers.admin(first.httpPort(), dataDir);
        ApiClient approver = TestUsers.user(admin, first.httpPort(), "restart-approver", "approver");
        passwordA = register(admin, "pl-a");
        String passwordB = register(admin, "pl-b");
        try (PlacedScreen a = new PlacedScreen(first.brokerUrl(), first.signingKey(), "pl-a", passwordA, "default")) {
          heartbeatUntilOnline(admin, a);
          hallCampaign(admin, approver, "pl-notice-1");
          published(admin);
          await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1")));

          try (PlacedScreen b = new PlacedScreen(first.brokerUrl(), first.signingKey(), "pl-b", passwordB, "default")) {
            heartbeatUntilOnline(admin, b);
            approvedItem(admin, approver, "pl-notice-2");
            assertThat(admin.putJson("/api/v1/playlists/pl-hall", Map.of("entries", List.of(
                Map.of("contentId", "pl-notice-1"), Map.of("contentId", "pl-notice-2")))).status()).isEqualTo(200);
            gatesLeave.set(false);
            sends.clear();
            published(admin);
            List<String> seen = List.copyOf(sends); // the re-assertion goes on sending the gate each second
            assertThat(seen.subList(0, 2)).as("the fast pass's gate (never taken), then pl-b's placement")
                .containsExactly("gate default", "screen pl-b");
            assertThat(seen.subList(2, seen.size())).as("then only the gate again").allMatch("gate default"::equals);
            // pl-b plays its profile in the gate's schedule the broker holds, as pl-a does: the one before.
            await().atMost(DEADLINE).until(() -> items(b).equals(List.of("pl-notice-1")));
            assertThat(a.gateSchedules).extracting(ClusterSchedule::version).as("recorded, never sent").containsExactly(1L);
          }
        }
      } finally {
        first.close();
      }

      Controller second = Controller.start(vertx, config(), Clock.systemUTC()).await();
      try (PlacedScreen a = new PlacedScreen(second.brokerUrl(), second.signingKey(), "pl-a", passwordA, "default")) {
        await().atMost(DEADLINE).until(() -> items(a).equals(List.of("pl-notice-1", "pl-notice-2")));
        assertThat(a.gateSchedules.get(a.gateSchedules.size() - 1).version()).isEqualTo(2);
      } finally {
        second.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  /**
   * A gate's schedule is one message, within the wire's limit: profiles join it in the order of their
   * first screens while there is room; a screen whose profile finds none is sent its whole schedule, as a
   * screen of an older agent is, and plays every change all the same. Here pl-a's profile is small,
   * pl-b's and pl-c's large (the same {@value #LARGE_ITEMS} long notices, and one of their own): pl-a and
   * pl-b fit, pl-c does not.
   */
  @Test
  void aScreenWhoseProfileHasNoRoomInItsGatesScheduleIsSentItsWholeSchedule() throws Exception {
    withController((controller, admin, approver) -> {
      Map<String, String> passwords = new java.util.LinkedHashMap<>();
      for (String id : List.of("pl-a", "pl-b", "pl-c")) {
        passwords.put(id, register(admin, id));
      }
      PinnedKey key = controller.signingKey();
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwords.get("pl-a"), "default");
          PlacedScreen b = new PlacedScreen(controller.brokerUrl(), key, "pl-b", passwords.get("pl-b"), "default");
          PlacedScreen c = new PlacedScreen(controller.brokerUrl(), key, "pl-c", passwords.get("pl-c"), "default")) {
        heartbeatUntilOnline(admin, a, b, c);
        List<String> large = new java.util.ArrayList<>();
        for (int i = 0; i < LARGE_ITEMS; i++) {
          large.add(scheduleNew(admin, approver, "room-" + i, "x".repeat(500), List.of("pl-b", "pl-c")));
        }
        scheduleNew(admin, approver, "room-a", "A", List.of("pl-a"));
        scheduleNew(admin, approver, "room-b", "B", List.of("pl-b"));
        scheduleNew(admin, approver, "room-c", "C", List.of("pl-c"));
        published(admin);

        await().atMost(DEADLINE).until(() -> items(a).size() == 1 && items(b).size() == LARGE_ITEMS + 1
            && items(c).size() == LARGE_ITEMS + 1);
        assertThat(items(a)).containsExactly("room-a");
        assertThat(items(b)).contains("room-b").containsAll(large);
        assertThat(items(c)).contains("room-c").containsAll(large);
        assertThat(a.placements).hasSize(1);
        assertThat(b.placements).hasSize(1);
        assertThat(c.placements).as("no room for its profile").isEmpty();
        assertThat(c.wholeSchedules).hasSize(1);
        ClusterSchedule gate = a.gateSchedules.get(a.gateSchedules.size() - 1);
        assertThat(gate.profiles()).containsOnlyKeys("pl-a", "pl-b");

        // A change for all three: pl-a and pl-b through a new gate schedule, pl-c a new whole schedule.
        scheduleNew(admin, approver, "room-all", "All", List.of("pl-a", "pl-b", "pl-c"));
        published(admin);
        await().atMost(DEADLINE).until(() -> items(a).contains("room-all") && items(b).contains("room-all")
            && items(c).contains("room-all"));
        assertThat(c.wholeSchedules).hasSize(2);
        assertThat(c.placements).isEmpty();
        assertThat(a.placements).as("a content change sends no placement").hasSize(1);
      }
    });
  }

  /**
   * Content alone can make a gate's profiles outgrow its schedule ({@code GateRoom}) while no setup changes: the
   * fast pass cannot rebuild that gate, so the publish reads every screen again, and the profile left without
   * room has its screen sent a whole schedule, as a full read always did.
   */
  @Test
  void contentThatOutgrowsAGatesScheduleIsPlannedFromEveryScreenThoughNoSetupChanged() throws Exception {
    withController((controller, admin, approver) -> {
      String passwordA = register(admin, "pl-a");
      String passwordB = register(admin, "pl-b");
      PinnedKey key = controller.signingKey();
      try (PlacedScreen a = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default");
          PlacedScreen b = new PlacedScreen(controller.brokerUrl(), key, "pl-b", passwordB, "default")) {
        heartbeatUntilOnline(admin, a, b);
        scheduleNew(admin, approver, "room-a", "A", List.of("pl-a")); // two profiles: each has a notice of its own
        scheduleNew(admin, approver, "room-b", "B", List.of("pl-b"));
        hallCampaign(admin, approver, "pl-notice-1");
        assertThat(screensReadBy(controller, () -> published(admin))).isEqualTo(2.0);
        await().atMost(DEADLINE).until(() -> items(a).size() == 2 && items(b).size() == 2);

        List<String> hall = new java.util.ArrayList<>(List.of("pl-notice-1"));
        for (int i = 0; i < LARGE_ITEMS; i++) {
          approvedItem(admin, approver, "room-" + i, "x".repeat(500));
          hall.add("room-" + i);
        }
        hallPlays(admin, hall.toArray(String[]::new));
        assertThat(screensReadBy(controller, () -> published(admin))).as("content only, but the gate outgrown")
            .isEqualTo(2.0);
        await().atMost(DEADLINE).until(() -> items(a).containsAll(hall) && items(b).containsAll(hall));
        assertThat(b.wholeSchedules).as("no room left for pl-b's profile").hasSize(1);
        assertThat(a.placements).as("pl-a's profile still fits").hasSize(1);
      }
    });
  }

  /** pl-b's and pl-c's shared long notices: each profile about 110-180 KB, two of them more than a gate's room. */
  private static final int LARGE_ITEMS = 200;

  /**
   * A send whose confirmation was lost (the controller's connection dropped between send and PUBACK, as
   * when a NATS node elects JetStream leaders) reached the screen all the same: the rollout shows what
   * the screen answered, whichever came first. pl-a is away when its placement's send fails, so the
   * failure is recorded first and its answer comes when it is back; pl-b answers its schedule before its
   * send's failure is told, and keeps both its answer and its place (the next publish sends it nothing).
   */
  @Test
  void aSendWhoseConfirmationWasLostShowsWhatItsScreenAnswered() throws Exception {
    Promise<Void> confirmationOfB = Promise.promise();
    Vertx vertx = Vertx.vertx();
    // Both sends reach the broker; pl-a's fails at once, pl-b's when the test says (before the deadline).
    Controller controller = Controller.start(vertx, config().withSendDeadline(Duration.ofMinutes(5)),
        Clock.systemUTC(), real -> new ScheduleSender() {
          @Override
          public Future<Void> send(String screenId, byte[] envelope) {
            return real.send(screenId, envelope).compose(taken -> switch (screenId) {
              case "pl-a" -> Future.failedFuture("connection lost");
              case "pl-b" -> confirmationOfB.future();
              default -> Future.succeededFuture();
            });
          }

          @Override
          public Future<Void> sendToCluster(String clusterId, byte[] envelope) {
            return real.sendToCluster(clusterId, envelope);
          }
        }).await();
    try {
      ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
      ApiClient approver = TestUsers.user(admin, controller.httpPort(), "lost-approver", "approver");
      String passwordA = register(admin, "pl-a");
      String passwordB = register(admin, "pl-b");
      PinnedKey key = controller.signingKey();
      try (PlacedScreen away = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default")) {
        heartbeatUntilOnline(admin, away); // it plays placements; then it is away
      }
      try (AckingScreen b = new AckingScreen(controller.brokerUrl(), key, "pl-b", passwordB)) {
        scheduleNew(admin, approver, "pl-lost-1");
        long publishId = admin.post("/api/v1/publish").body().get("publishId").asLong();
        await().atMost(DEADLINE).until(() -> status(admin, publishId, "pl-b").equals("APPLIED"));

        confirmationOfB.fail("connection lost");
        await().atMost(DEADLINE).until(() -> admin.get("/api/v1/publishes/" + publishId).body().get("state").asText(),
            "DONE"::equals);
        JsonNode b1 = delivery(admin, publishId, "pl-b");
        assertThat(b1.get("status").asText()).as("pl-b answered first").isEqualTo("APPLIED");
        assertThat(b1.hasNonNull("error")).isFalse();
        JsonNode a1 = delivery(admin, publishId, "pl-a");
        assertThat(a1.get("status").asText()).as("pl-a is away").isEqualTo("FAILED");
        assertThat(a1.get("error").asText()).contains("connection lost");

        try (PlacedScreen back = new PlacedScreen(controller.brokerUrl(), key, "pl-a", passwordA, "default")) {
          await().atMost(DEADLINE).until(() -> status(admin, publishId, "pl-a").equals("APPLIED"));
          assertThat(back.applied).isNotEmpty();
        }
        assertThat(admin.publishAndAwait().body().get("sent")).extracting(sent -> sent.get("screenId").asText())
            .doesNotContain("pl-b");
      }
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  /** {@code screenId}'s line in publish {@code publishId}'s rollout; missing (a JSON "missing" node) until it is recorded. */
  private static JsonNode delivery(ApiClient admin, long publishId, String screenId) {
    for (JsonNode screen : admin.get("/api/v1/publishes/" + publishId).body().path("screens")) {
      if (screen.get("screenId").asText().equals(screenId)) {
        return screen;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String status(ApiClient admin, long publishId, String screenId) {
    return delivery(admin, publishId, screenId).path("status").asText();
  }

  private ControllerConfig config() {
    return ControllerConfig.defaults(dataDir).withPorts(0, 0);
  }

  /** Screens' schedules and placements go out; gates' schedules never leave and are never confirmed. */
  private static java.util.function.UnaryOperator<ScheduleSender> gateSchedulesNeverLeave() {
    return gateSchedulesLeaveWhile(new java.util.concurrent.atomic.AtomicBoolean(false));
  }

  /** Screens' schedules and placements go out; gates' schedules only while {@code leave} holds (then never confirmed). */
  private static java.util.function.UnaryOperator<ScheduleSender> gateSchedulesLeaveWhile(
      java.util.concurrent.atomic.AtomicBoolean leave) {
    return real -> new ScheduleSender() {
      @Override
      public Future<Void> send(String screenId, byte[] envelope) {
        return real.send(screenId, envelope);
      }

      @Override
      public Future<Void> sendToCluster(String clusterId, byte[] envelope) {
        return leave.get() ? real.sendToCluster(clusterId, envelope) : Promise.<Void>promise().future();
      }
    };
  }

  /** Gates' schedules go out; screens' schedules and placements, while {@code lose} holds, are taken and never handed. */
  private static java.util.function.UnaryOperator<ScheduleSender> screenSchedulesLostWhile(
      java.util.concurrent.atomic.AtomicBoolean lose) {
    return real -> new ScheduleSender() {
      @Override
      public Future<Void> send(String screenId, byte[] envelope) {
        return lose.get() ? Future.succeededFuture() : real.send(screenId, envelope);
      }

      @Override
      public Future<Void> sendToCluster(String clusterId, byte[] envelope) {
        return real.sendToCluster(clusterId, envelope);
      }
    };
  }

  /** Every send in order: {@code gate <id>} a gate's schedule, {@code screen <id>} a screen's schedule or placement. */
  private static java.util.function.UnaryOperator<ScheduleSender> inOrder(List<String> sends) {
    return real -> new ScheduleSender() {
      @Override
      public Future<Void> send(String screenId, byte[] envelope) {
        sends.add("screen " + screenId);
        return real.send(screenId, envelope);
      }

      @Override
      public Future<Void> sendToCluster(String clusterId, byte[] envelope) {
        sends.add("gate " + clusterId);
        return real.sendToCluster(clusterId, envelope);
      }
    };
  }

  /** A new approved item alone in playlist {@code pl-hall}, played by a campaign aimed at {@code gates} (default: the default gate). */
  private static void hallCampaign(ApiClient admin, ApiClient approver, String contentId, String... gates) {
    approvedItem(admin, approver, contentId);
    assertThat(admin.postJson("/api/v1/playlists", Map.of("id", "pl-hall", "entries",
        List.of(Map.of("contentId", contentId)))).status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/campaigns", Map.of("id", "pl-hall-notices", "playlistId", "pl-hall",
        "targets", Map.of("clusters", gates.length == 0 ? List.of("default") : List.of(gates)), "start",
        "2026-01-01T00:00", "end", "2099-01-01T00:00")).status()).isEqualTo(201);
  }

  /** A gate of its own, in Vietnamese, Chinese and English. */
  private static void newGate(ApiClient admin, String id, String name) {
    assertThat(admin.postJson("/api/v1/clusters", Map.of("id", id, "name", name, "province", "Quảng Ninh", "zone",
        "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans", "en"))).status()).isEqualTo(201);
  }

  /** A new approved text item, scheduled nowhere yet. */
  private static void approvedItem(ApiClient admin, ApiClient approver, String contentId) {
    approvedItem(admin, approver, contentId, "Cửa khẩu mở cửa 7:00");
  }

  private static void approvedItem(ApiClient admin, ApiClient approver, String contentId, String text) {
    assertThat(admin.postJson("/api/v1/content", Map.of("id", contentId, "title", "Thông báo " + contentId,
        "variants", List.of(Map.of("language", "vi", "text", text, "seconds", 10)))).status()).isEqualTo(201);
    TestUsers.approve(approver, contentId);
  }

  private static void scheduleNew(ApiClient admin, ApiClient approver, String contentId) {
    scheduleNew(admin, approver, contentId, "Cửa khẩu mở cửa 7:00", List.of("pl-a", "pl-b", "pl-c", "pl-restart").stream()
        .filter(id -> admin.get("/api/v1/screens/" + id).status() == 200).toList());
  }

  /** A new approved text item scheduled on {@code screens}; its id. */
  private static String scheduleNew(ApiClient admin, ApiClient approver, String contentId, String text,
      List<String> screens) {
    assertThat(admin.postJson("/api/v1/content", Map.of("id", contentId, "title", "Thông báo " + contentId,
        "variants", List.of(Map.of("language", "vi", "text", text, "seconds", 10)))).status()).isEqualTo(201);
    TestUsers.approve(approver, contentId);
    assertThat(admin.postJson("/api/v1/schedule", Map.of("contentId", contentId, "screenIds", screens)).status())
        .isEqualTo(200);
    return contentId;
  }

  /** Publishes and waits until it is DONE; its id. */
  private static long published(ApiClient admin) {
    Answer done = admin.publishAndAwait();
    assertThat(done.status()).isEqualTo(200);
    return admin.get("/api/v1/publishes").body().get(0).get("id").asLong();
  }

  private static JsonNode awaitAllApplied(ApiClient admin, long publishId, int screens) {
    return await().atMost(DEADLINE).until(() -> admin.get("/api/v1/publishes/" + publishId).body(),
        view -> view.get("counts").get("screens").asInt() == screens
            && view.get("counts").get("applied").asInt() == screens);
  }

  /** Each screen sends a heartbeat; returns once the controller holds every one of them ONLINE. */
  private static void heartbeatUntilOnline(ApiClient admin, PlacedScreen... screens)
      throws org.eclipse.paho.client.mqttv3.MqttException {
    for (PlacedScreen screen : screens) {
      screen.heartbeat();
    }
    await().atMost(DEADLINE).until(() -> java.util.Arrays.stream(screens).allMatch(s -> online(admin, s.screenId())));
  }

  private static boolean online(ApiClient admin, String screenId) {
    return admin.get("/api/v1/screens/" + screenId).body().get("health").get("agent").asText().equals("ONLINE");
  }

  private static List<String> items(PlacedScreen screen) {
    return screen.playing().map(rules -> rules.items().stream().map(ItemSpec::id).toList()).orElse(List.of());
  }

  private static String register(ApiClient admin, String screenId) {
    return register(admin, screenId, "default");
  }

  /** A new screen in gate {@code clusterId}; its MQTT password. */
  private static String register(ApiClient admin, String screenId, String clusterId) {
    Answer answer = admin.postJson("/api/v1/screens", Map.of("id", screenId, "clusterId", clusterId));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }
}
