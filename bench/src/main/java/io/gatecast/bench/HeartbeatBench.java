package io.gatecast.bench;

import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.bench.fleet.SimulatedFleet;
import io.gatecast.bench.fleet.SimulatedScreen;
import io.gatecast.bench.harness.Args;
import io.gatecast.bench.harness.BrokerProcess;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.ControllerBroker;
import io.gatecast.bench.harness.ControllerDb;
import io.gatecast.bench.harness.ControllerProcess;
import io.gatecast.bench.harness.FleetSetup;
import io.gatecast.bench.harness.ProcessStats;
import io.gatecast.bench.harness.Results;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Heartbeat ingest: N screens send retained heartbeats to the controller's embedded broker at a
 * rising total rate; each step runs for a while, then the heartbeats stop and the
 * benchmark waits until the controller has stored each screen's last one (its marker, state ONLINE
 * and applied version, read from the controller's SQLite file). A rate is sustained when the
 * screens really sent it and the controller caught up within {@code drain-limit} seconds of the
 * step's end with nothing missing. First, the realistic rate: one heartbeat per screen per 30 s,
 * with the controller's CPU.
 *
 * <p>{@code bench/run HeartbeatBench --screens 10000}; writes {@code bench/results/heartbeats-<N>.json}
 * ({@code heartbeats-<N>-on-mosquitto.json} with {@code --controller-broker mosquitto}, see {@link ControllerBroker}).
 */
public final class HeartbeatBench {
  private HeartbeatBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.ofEntries(
        Map.entry("screens", "10000"), Map.entry("rates", "1000,2000,5000,10000,20000"), Map.entry("step-seconds", "20"),
        Map.entry("realistic-seconds", "60"), Map.entry("realistic-rate", "0"), Map.entry("drain-limit", "5"),
        Map.entry("data-dir", ""), Map.entry("window", "200"), Map.entry("controller-broker", "embedded"),
        Map.entry("receipts", "false"), Map.entry("tag", "")));
    int n = args.integer("screens");
    Path dataDir = Path.of(args.get("data-dir").isEmpty() ? "bench/target/fleet-" + n : args.get("data-dir"));
    ControllerBroker controllerBroker = ControllerBroker.parse(args.get("controller-broker"));
    // --receipts true: the screens' proof-of-play batches ask for the controller's signed receipt, as today's agent's do.
    boolean receipts = Boolean.parseBoolean(args.get("receipts"));
    String tag = args.get("tag").isEmpty() ? "" : "-" + args.get("tag");
    Results results = new Results("heartbeats-" + n + controllerBroker.fileSuffix() + (receipts ? "-receipts" : "") + tag,
        "bench/run HeartbeatBench --screens " + n + " --rates " + args.get("rates") + " --step-seconds "
        + args.get("step-seconds") + " --realistic-seconds " + args.get("realistic-seconds") + " --realistic-rate "
        + args.get("realistic-rate") + controllerBroker.commandOption() + " --receipts " + receipts
        + (tag.isEmpty() ? "" : " --tag " + args.get("tag")));
    List<ScreenLogin> logins = FleetSetup.ensureRegistered(dataDir, n);
    BrokerProcess ownBroker = controllerBroker.startFor(dataDir);
    long brokerPid = ownBroker == null ? 0 : ownBroker.pid();
    try (ControllerProcess controller = ControllerProcess.start(dataDir, ownBroker == null ? 0 : ownBroker.port(),
            Duration.ofSeconds(120), List.of(), controllerBroker.controllerArgs());
        ControllerDb db = new ControllerDb(dataDir);
        SimulatedFleet fleet = new SimulatedFleet(logins, new ControllerApi(controller.httpPort()).signingKey(),
            SimulatedFleet.Options.realistic().withReceipts(receipts))) {
      int connected = fleet.connectAll(controller.brokerHost(), controller.brokerPort(), args.integer("window"),
          Duration.ofMinutes(20));
      results.put("connected", connected);
      fleet.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(3));

      int realisticSeconds = args.integer("realistic-seconds");
      // one heartbeat per screen per 30 s, or the rate of a larger fleet (--realistic-rate 333 for 10,000 screens)
      double realisticRate = args.integer("realistic-rate") > 0 ? args.integer("realistic-rate") : n / 30.0;
      long receiptsBefore = SimulatedScreen.receiptsVerified();
      results.put("realistic", step(fleet, db, controller.httpPort(), controller.pid(), brokerPid, realisticRate,
          realisticSeconds, 60, "real"));
      results.put("receiptsVerifiedInRealisticStep", SimulatedScreen.receiptsVerified() - receiptsBefore);
      results.put("controllerWithFleetConnected", Map.of("heapUsedAfterFullGcMB",
          ProcessStats.heapUsedAfterGc(controller.pid()) / 1048576, "rssMB", ProcessStats.rssBytes(controller.pid()) / 1048576));

      List<Map<String, Object>> steps = new ArrayList<>();
      double bestSustained = 0;
      for (String rate : args.get("rates").split(",")) {
        Map<String, Object> step = step(fleet, db, controller.httpPort(), controller.pid(), brokerPid, Double.parseDouble(rate),
            args.integer("step-seconds"), args.integer("drain-limit"), "r" + rate);
        steps.add(step);
        if (Boolean.TRUE.equals(step.get("sustained"))) {
          bestSustained = Math.max(bestSustained, (Double) step.get("sentPerSecond"));
        } else {
          break; // the controller fell behind: higher rates only fall further
        }
      }
      results.put("steps", steps);
      results.put("largestSustainedPerSecond", bestSustained);
      results.put("controllerAfterSteps", Map.of("heapUsedAfterFullGcMB",
          ProcessStats.heapUsedAfterGc(controller.pid()) / 1048576, "rssMB", ProcessStats.rssBytes(controller.pid()) / 1048576));
    } finally {
      if (ownBroker != null) {
        ownBroker.close();
      }
    }
    results.write();
    System.exit(0);
  }

  /**
   * Heartbeats at {@code rate} a second over the fleet for {@code seconds}, then one last heartbeat
   * each; waits (at most {@code drainLimit} seconds, then up to 2 minutes more to see if it ever
   * catches up) until the controller stored every screen's last one.
   */
  private static Map<String, Object> step(SimulatedFleet fleet, ControllerDb db, int httpPort, long pid, long brokerPid,
      double rate, int seconds, int drainLimit, String prefix) throws InterruptedException {
    Duration period = Duration.ofMillis(Math.max(1, Math.round(fleet.size() / rate * 1000)));
    long sent0 = sentSoFar(fleet);
    double received0 = ControllerApi.counter(httpPort, "gatecast_heartbeats_total");
    double coalesced0 = ControllerApi.counter(httpPort, "gatecast_heartbeats_dropped_total");
    double cpu0 = ProcessStats.cpuSeconds(pid);
    double brokerCpu0 = brokerPid == 0 ? 0 : ProcessStats.cpuSeconds(brokerPid);
    double machine0 = ProcessStats.machineBusySeconds();
    long start = System.nanoTime();
    fleet.heartbeatEvery(period, prefix, false);
    Thread.sleep(seconds * 1000L);
    long sent = sentSoFar(fleet) - sent0;
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = ProcessStats.cpuSeconds(pid) - cpu0;
    double brokerCpu = brokerPid == 0 ? 0 : ProcessStats.cpuSeconds(brokerPid) - brokerCpu0;
    double machine = ProcessStats.machineBusySeconds() - machine0;
    // the step ends: the next heartbeats come spread over an hour (no burst); each screen's last one must be stored
    fleet.heartbeatEvery(Duration.ofHours(1), prefix, false);
    long drainStart = System.nanoTime();
    boolean drainedInLimit = SimulatedFleet.awaitUntil(() -> allStored(fleet, db),
        drainStart + Duration.ofSeconds(drainLimit).toNanos());
    boolean drained = drainedInLimit || SimulatedFleet.awaitUntil(() -> allStored(fleet, db),
        System.nanoTime() + Duration.ofMinutes(2).toNanos());
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    // What reached the controller (all heartbeats of the step and the drain, the last ones included), and how
    // many of those it dropped unstored because a newer one of the same screen was queued behind them.
    double received = ControllerApi.counter(httpPort, "gatecast_heartbeats_total") - received0;
    double coalesced = ControllerApi.counter(httpPort, "gatecast_heartbeats_dropped_total") - coalesced0;
    long sentUntilDrained = sentSoFar(fleet) - sent0;
    double sentPerSecond = Math.round(sent / elapsed * 10) / 10.0;

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("askedPerSecond", rate);
    figures.put("sentPerSecond", sentPerSecond);
    figures.put("seconds", Math.round(elapsed * 10) / 10.0);
    figures.put("receivedByController", Math.round(received));
    figures.put("sentBySimulator", sentUntilDrained);
    figures.put("droppedAsSupersededByController", Math.round(coalesced));
    figures.put("loadAverageAtEnd", PushBench.loadAverage());
    figures.put("controllerCpuCoresBusy", Math.round(cpu / elapsed * 100) / 100.0);
    if (brokerPid != 0) {
      figures.put("externalBrokerCpuCoresBusy", Math.round(brokerCpu / elapsed * 100) / 100.0);
    }
    figures.put("machineCpuCoresBusy", Math.round(machine / elapsed * 100) / 100.0);
    figures.put("allLastHeartbeatsStored", drained);
    figures.put("drainSeconds", Math.round(drainSeconds * 10) / 10.0);
    figures.put("notCurrentAtEnd", notCurrent(fleet, db));
    figures.put("sustained", drainedInLimit && sentPerSecond >= 0.9 * rate);
    System.out.println("heartbeat step: " + figures);
    return figures;
  }

  private static long sentSoFar(SimulatedFleet fleet) {
    return fleet.screens().stream().mapToLong(SimulatedScreen::heartbeatsSent).sum();
  }

  private static boolean allStored(SimulatedFleet fleet, ControllerDb db) {
    return notCurrent(fleet, db) == 0;
  }

  /** Screens whose stored row is not their last heartbeat: marker, ONLINE, applied version. */
  private static int notCurrent(SimulatedFleet fleet, ControllerDb db) {
    Map<String, ControllerDb.ScreenRow> rows = db.screens();
    int stale = 0;
    for (SimulatedScreen screen : fleet.screens()) {
      ControllerDb.ScreenRow row = rows.get(screen.id());
      if (row == null || !"ONLINE".equals(row.state()) || !Objects.equals(screen.lastMarker(), row.currentContentId())
          || (screen.appliedVersion() != null && !screen.appliedVersion().equals(row.appliedVersion()))) {
        stale++;
      }
    }
    return stale;
  }
}
