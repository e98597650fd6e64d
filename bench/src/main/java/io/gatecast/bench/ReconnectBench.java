package io.gatecast.bench;

import io.gatecast.bench.fleet.AckCollector;
import io.gatecast.bench.fleet.FleetListener;
import io.gatecast.bench.fleet.Latencies;
import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.bench.fleet.SimulatedFleet;
import io.gatecast.bench.fleet.SimulatedScreen;
import io.gatecast.bench.harness.Args;
import io.gatecast.bench.harness.BrokerProcess;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.ControllerDb;
import io.gatecast.bench.harness.ControllerProcess;
import io.gatecast.bench.harness.FleetSetup;
import io.gatecast.bench.harness.Results;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reconnect storm: the controller runs against a Mosquitto (its exported logins and ACL, persistence
 * on); N screens are connected and in sync; Mosquitto is stopped and started again. Measured: when
 * each screen is back (its MQTT session up again, at the screen) and when the controller sees it
 * back online and in sync (its stored row holds a heartbeat sent after the restart, state ONLINE,
 * applied version = the version published to it), from the moment the broker was stopped.
 * The screens reconnect with the agent's own back-off (1 s doubling to 30 s, jittered).
 *
 * <p>{@code bench/run ReconnectBench --screens 10000}; writes {@code bench/results/reconnect-<N>.json}.
 *
 * <p>{@code --brokers nats3}: first the same fleet on a 3-node NATS cluster (docs/nats/node.conf,
 * {@code export-nats} rights), screens spread over the nodes, each given all three (tried in turn,
 * as the agent does), the controller given all three too: a publish (push p99, all acked), then
 * node 2 — not the controller's — is killed (SIGKILL) and the time is measured for every screen
 * that was on it to be back (at the screen) and ONLINE and in sync at the controller (the same test
 * as the Mosquitto storm). Then the Mosquitto storm as above, the floor, in the same run; writes
 * {@code bench/results/reconnect-<N>-nats3.json}.
 */
public final class ReconnectBench {
  private ReconnectBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.of("screens", "10000", "data-dir", "", "window", "200", "timeout-minutes", "20",
        "brokers", "mosquitto"));
    int n = args.integer("screens");
    Path dataDir = Path.of(args.get("data-dir").isEmpty() ? "bench/target/fleet-" + n : args.get("data-dir"));
    boolean nats = args.get("brokers").equals("nats3");
    Results results = new Results("reconnect-" + n + (nats ? "-nats3" : ""), "bench/run ReconnectBench --screens " + n
        + (nats ? " --brokers nats3" : ""));
    List<ScreenLogin> logins = FleetSetup.ensureRegistered(dataDir, n);
    List<String> ids = logins.stream().map(ScreenLogin::screenId).toList();
    if (nats) {
      results.put("nats3", NatsNodeLoss.run(dataDir, logins, args.integer("window"),
          Duration.ofMinutes(args.integer("timeout-minutes"))));
    }
    try (BrokerProcess mosquitto = BrokerProcess.start(BrokerProcess.Kind.MOSQUITTO, dataDir,
            dataDir.resolve("reconnect-mosquitto-" + System.currentTimeMillis()));
        ControllerProcess controller = ControllerProcess.start(dataDir, mosquitto.port(), Duration.ofSeconds(120),
            List.of());
        ControllerDb db = new ControllerDb(dataDir)) {
      ControllerApi api = new ControllerApi(controller.httpPort());
      String media = api.uploadMedia(FleetSetup.media(), "bench.png");
      try (SimulatedFleet fleet = new SimulatedFleet(logins, api.signingKey(), SimulatedFleet.Options.realistic())) {
        long connectStart = System.nanoTime();
        results.put("connectedBefore", fleet.connectAll("127.0.0.1", mosquitto.port(), args.integer("window"),
            Duration.ofMinutes(args.integer("timeout-minutes"))));
        results.put("initialConnectSeconds", Math.round((System.nanoTime() - connectStart) / 1e8) / 10.0);
        fleet.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(3));

        // in sync before: a change published and acked by every screen
        Map<String, Long> published = publishToAll(api, fleet, media, ids, "storm", Duration.ofMinutes(5), results::put);

        Map<String, Long> heartbeatsBefore = new HashMap<>();
        Map<String, Long> backAtScreen = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        fleet.watch(new FleetListener() {
          @Override
          public void connected(String screenId, long nanos) {
            backAtScreen.putIfAbsent(screenId, nanos);
          }
        });
        mosquitto.stop();
        // taken once the broker is down: a heartbeat numbered above this was sent after the restart
        fleet.screens().forEach(s -> heartbeatsBefore.put(s.id(), s.heartbeatsSent()));
        mosquitto.startAgain();
        double restartSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> backAtController = new ConcurrentHashMap<>();
        long deadline = t0 + Duration.ofMinutes(args.integer("timeout-minutes")).toNanos();
        SimulatedFleet.awaitUntil(() -> {
          Map<String, ControllerDb.ScreenRow> rows = db.screens();
          long now = System.nanoTime();
          for (SimulatedScreen screen : fleet.screens()) {
            if (!backAtController.containsKey(screen.id())
                && backOnline(rows.get(screen.id()), heartbeatsBefore.get(screen.id()), published.get(screen.id()))) {
              backAtController.put(screen.id(), now);
            }
          }
          return backAtController.size() == ids.size();
        }, deadline);

        Latencies atScreens = new Latencies(backAtScreen.values().stream().mapToDouble(t -> (t - t0) / 1e6).toArray());
        Latencies atController = new Latencies(backAtController.values().stream().mapToDouble(t -> (t - t0) / 1e6)
            .toArray());
        Map<String, Object> storm = new LinkedHashMap<>();
        storm.put("screens", ids.size());
        storm.put("brokerStopAndStartSeconds", Math.round(restartSeconds * 10) / 10.0);
        storm.put("reconnectedAtScreens", atScreens.summary());
        storm.put("backOnlineAndInSyncAtController", atController.summary());
        storm.put("timeToAllBackAtScreensSeconds", Math.round(atScreens.max() / 100) / 10.0);
        storm.put("timeToAllOnlineAndInSyncAtControllerSeconds", Math.round(atController.max() / 100) / 10.0);
        storm.put("connectAttempts", fleet.screens().stream().mapToLong(SimulatedScreen::connects).sum());
        storm.put("rejectedByScreens", fleet.rejectionCount());
        results.put("storm", storm);
      }
    }
    results.write();
    System.exit(0);
  }

  /** Stored row holds a heartbeat sent after the restart, ONLINE, with the version published to the screen. */
  /**
   * Publishes new content to every screen and waits until each acked it; puts "inSyncBefore" (all
   * acked in time) and "push" (publish to ack at the screen, ms) into {@code out}. Returns the
   * version published to each screen.
   */
  static Map<String, Long> publishToAll(ControllerApi api, SimulatedFleet fleet, String media, List<String> ids,
      String prefix, Duration timeout, java.util.function.BiConsumer<String, Object> out) {
    String contentId = prefix + Long.toString(System.currentTimeMillis() / 1000, 36);
    api.createContent(contentId, prefix + " " + contentId, media, 10);
    api.schedule(contentId, ids);
    Map<String, Long> expected = new HashMap<>();
    fleet.screens().forEach(s -> expected.put(s.id(), s.appliedVersion() == null ? 1 : s.appliedVersion() + 1));
    AckCollector synced = AckCollector.schedules(expected);
    fleet.watch(synced);
    Map<String, Long> published = new HashMap<>();
    api.publish().forEach(sent -> published.put(sent.screenId(), sent.version()));
    out.accept("inSyncBefore", synced.await(timeout));
    out.accept("push", synced.acked().summary());
    out.accept("pushAcked", synced.done() + " of " + synced.expectedCount());
    return published;
  }

  static boolean backOnline(ControllerDb.ScreenRow row, Long heartbeatsBefore, Long publishedVersion) {
    if (row == null || !"ONLINE".equals(row.state()) || row.currentContentId() == null
        || !Objects.equals(publishedVersion, row.appliedVersion())) {
      return false;
    }
    String marker = row.currentContentId();
    try {
      long sequence = Long.parseLong(marker.substring(marker.lastIndexOf('-') + 1));
      return sequence > heartbeatsBefore;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
