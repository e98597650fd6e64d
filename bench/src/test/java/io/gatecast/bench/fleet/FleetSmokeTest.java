package io.gatecast.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.FleetSetup;
import io.gatecast.bench.harness.ControllerDb;
import io.gatecast.bench.harness.InProcessController;
import io.gatecast.testkit.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet simulator against a real controller (embedded broker, SQLite, signing) with 200
 * screens: correctness only, never timing. Every screen acks every published version (also the
 * ones that dropped off and came back), the controller stores every answer and every screen's last
 * heartbeat, and nothing is refused.
 */
@IntegrationTest
class FleetSmokeTest {
  private static final int SCREENS = 200;
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void everyScreenAcksEveryPublishAndTheControllerSeesEveryHeartbeat() {
    try (InProcessController controller = new InProcessController(dir);
        ControllerDb db = new ControllerDb(dir)) {
      ControllerApi api = new ControllerApi(controller.httpPort());
      List<String> ids = IntStream.range(0, SCREENS).mapToObj(i -> String.format("smoke-%04d", i)).toList();
      List<ScreenLogin> logins = api.registerScreens(ids);
      String media = api.uploadMedia(FleetSetup.media(), "smoke.png");

      Map<String, Long> applied = new ConcurrentHashMap<>();
      try (SimulatedFleet fleet = new SimulatedFleet(logins, api.signingKey(),
          new SimulatedFleet.Options(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, false))) {
        fleet.watch(new FleetListener() {
          @Override
          public void scheduleApplied(String screenId, long version, long receivedNanos, long ackedNanos) {
            applied.merge(screenId, version, Math::max);
          }
        });
        assertThat(fleet.connectAll(controller.brokerHost(), controller.brokerPort(), 50, PATIENCE)).isEqualTo(SCREENS);

        Map<String, Long> first = publishNewItem(api, ids, media, "smoke-1");
        awaitEveryScreenApplied(applied, first);
        awaitControllerStoredAnswers(db, first);

        // a tenth of the fleet drops off during the next publish and must catch up from the retained schedule
        fleet.dropSome(SCREENS / 10, Duration.ofSeconds(2));
        Map<String, Long> second = publishNewItem(api, ids, media, "smoke-2");
        awaitEveryScreenApplied(applied, second);
        awaitControllerStoredAnswers(db, second);

        // heartbeats: the controller holds every screen ONLINE with its newest schedule version, and
        // a heartbeat marker the screen sent in this phase
        fleet.heartbeatEvery(Duration.ofMillis(500), "smoke", true);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean current = SimulatedFleet.awaitUntil(() -> {
          Map<String, ControllerDb.ScreenRow> rows = db.screens();
          return ids.stream().allMatch(id -> {
            ControllerDb.ScreenRow row = rows.get(id);
            return row != null && "ONLINE".equals(row.state()) && second.get(id).equals(row.appliedVersion())
                && row.currentContentId() != null && row.currentContentId().startsWith("smoke-");
          });
        }, deadline);
        assertThat(current).as("every screen ONLINE at the controller with version and marker of this phase: %s",
            db.screens()).isTrue();
        assertThat(fleet.rejectionCount()).as("refused: %s", fleet.rejections()).isZero();
        assertThat(fleet.screens()).allMatch(s -> s.heartbeatsSent() > 0);
      }
    }
  }

  /**
   * The same fleet playing placements, spread over two gates (issue 21): every screen plays each publish
   * through its own gate's schedule (a tenth dropped off during the second catches up from the retained
   * gate schedule), nothing is refused, the controller's rollout counts every screen APPLIED by their
   * answers, and an alert to both gates reaches every screen on its own gate's topic.
   */
  @Test
  void placedScreensPlayEveryPublishThroughTheirGatesSchedule() {
    try (InProcessController controller = new InProcessController(dir);
        ControllerDb db = new ControllerDb(dir)) {
      ControllerApi api = new ControllerApi(controller.httpPort());
      List<String> ids = IntStream.range(0, SCREENS).mapToObj(i -> String.format("placed-%04d", i)).toList();
      List<String> gates = List.of("g00", "g01");
      gates.forEach(api::createGate);
      Map<String, String> gateOfScreen = new java.util.LinkedHashMap<>();
      IntStream.range(0, SCREENS).forEach(i -> gateOfScreen.put(ids.get(i), gates.get(i % gates.size())));
      List<ScreenLogin> logins = api.registerScreens(gateOfScreen);
      String media = api.uploadMedia(FleetSetup.media(), "smoke.png");
      try (SimulatedFleet fleet = new SimulatedFleet(logins, api.signingKey(),
          new SimulatedFleet.Options(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, false).withPlacements(true)
              .withReceipts(true))) {
        long receiptsBefore = SimulatedScreen.receiptsVerified();
        assertThat(fleet.connectAll(controller.brokerHost(), controller.brokerPort(), 50, PATIENCE)).isEqualTo(SCREENS);
        // The controller has heard each screen say it plays placements before it plans the publish.
        assertThat(SimulatedFleet.awaitUntil(() -> db.placedCount() == SCREENS, System.nanoTime() + PATIENCE.toNanos()))
            .as("screens heard playing placements: %d", db.placedCount()).isTrue();

        long first = publishPlaced(api, ids, media, "placed-1");
        awaitEveryScreenPlayed(fleet, 1);
        awaitRolloutApplied(api, first);

        fleet.dropSome(SCREENS / 10, Duration.ofSeconds(2));
        long second = publishPlaced(api, ids, media, "placed-2");
        awaitEveryScreenPlayed(fleet, 2);
        awaitRolloutApplied(api, second);

        AckCollector alert = AckCollector.alert(ids, 1);
        fleet.watch(alert);
        assertThat(api.postAlert(gates, Map.of("vi", "Cửa khẩu tạm đóng"), Instant.now().plus(Duration.ofHours(1))))
            .isPresent();
        assertThat(alert.await(PATIENCE)).as("screens that did not show the alert: %s", alert.missing(ids)).isTrue();
        // Their proof of play asked for receipts (as today's agent's does): the controller signed and sent them.
        assertThat(SimulatedFleet.awaitUntil(() -> SimulatedScreen.receiptsVerified() - receiptsBefore >= SCREENS,
            System.nanoTime() + PATIENCE.toNanos())).as("receipts verified: %d",
            SimulatedScreen.receiptsVerified() - receiptsBefore).isTrue();
        assertThat(fleet.rejectionCount()).as("refused: %s", fleet.rejections()).isZero();
      }
    }
  }

  private static long publishPlaced(ControllerApi api, List<String> ids, String media, String item) {
    api.createContent(item, "Smoke " + item, media, 10);
    api.schedule(item, ids);
    long publishId = api.startPublish();
    assertThat(api.sent(publishId)).as("the publish reached every screen").hasSize(ids.size())
        .allMatch(s -> s.error() == null);
    return publishId;
  }

  private static void awaitEveryScreenPlayed(SimulatedFleet fleet, long plays) {
    boolean all = SimulatedFleet.awaitUntil(() -> fleet.screens().stream().allMatch(s -> s.progress() == plays),
        System.nanoTime() + PATIENCE.toNanos());
    assertThat(all).as("screens that did not play schedule %d: %s", plays, fleet.screens().stream()
        .filter(s -> s.progress() != plays).limit(5).toList()).isTrue();
  }

  private static void awaitRolloutApplied(ControllerApi api, long publishId) {
    boolean all = SimulatedFleet.awaitUntil(() -> api.publishView(publishId).path("counts").path("applied").asInt()
        == SCREENS, System.nanoTime() + PATIENCE.toNanos());
    assertThat(all).as("the rollout of publish %d: %s", publishId, api.publishView(publishId).path("counts")).isTrue();
  }

  private static Map<String, Long> publishNewItem(ControllerApi api, List<String> ids, String media, String item) {
    api.createContent(item, "Smoke " + item, media, 10);
    api.schedule(item, ids);
    List<ControllerApi.Sent> sent = api.publish();
    assertThat(sent).as("the publish reached every screen").hasSize(ids.size()).allMatch(s -> s.error() == null);
    return sent.stream().collect(Collectors.toMap(ControllerApi.Sent::screenId, ControllerApi.Sent::version));
  }

  private static void awaitEveryScreenApplied(Map<String, Long> applied, Map<String, Long> published) {
    boolean all = SimulatedFleet.awaitUntil(() -> published.entrySet().stream()
        .allMatch(e -> e.getValue().equals(applied.get(e.getKey()))), System.nanoTime() + PATIENCE.toNanos());
    Set<String> missing = published.entrySet().stream().filter(e -> !e.getValue().equals(applied.get(e.getKey())))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
    assertThat(all).as("screens that did not apply their version: %s", missing).isTrue();
  }

  private static void awaitControllerStoredAnswers(ControllerDb db, Map<String, Long> published) {
    long min = published.values().stream().mapToLong(Long::longValue).min().orElse(1);
    boolean all = SimulatedFleet.awaitUntil(() -> {
      Map<String, Map<Long, Instant>> answers = db.appliedAnswers(min);
      return published.entrySet().stream()
          .allMatch(e -> answers.getOrDefault(e.getKey(), Map.of()).containsKey(e.getValue()));
    }, System.nanoTime() + PATIENCE.toNanos());
    assertThat(all).as("the controller stored an APPLIED answer for every screen's version").isTrue();
  }
}
