package io.gatecast.bench;

import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.bench.fleet.SimulatedFleet;
import io.gatecast.bench.fleet.SimulatedScreen;
import io.gatecast.bench.harness.Args;
import io.gatecast.bench.harness.BrokerProcess;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.ControllerBroker;
import io.gatecast.bench.harness.ControllerProcess;
import io.gatecast.bench.harness.DirectPublisher;
import io.gatecast.bench.harness.FleetSetup;
import io.gatecast.bench.harness.Results;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.signing.ControllerKeys;
import io.gatecast.protocol.Signer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 21's part 4, the urgent alert through the controller against its broker's floor, in PAIRS: each
 * alert through the controller's API is followed (or preceded, alternately) by the same alert signed here
 * and published straight to the SAME broker, with the same fleet connected and the controller running
 * beside it as it always does. {@code PushBench} measures its floor on another broker after the controller
 * stopped, minutes later; on a shared 2-core machine the floor moves by half between such rounds, more
 * than the 1.2× the issue allows, and a pair a few seconds apart shares the machine's state.
 *
 * <p>{@code bench/run AlertBench --screens 10000 --pairs 8 --warm-ups 6 --controller-broker mosquitto
 * --verify-nice 19 --data-dir <a copy of a FleetSetup fleet>}; writes {@code bench/results/alert-<N>-...json}.
 * {@code --controller-jvm}: extra flags for the controller's JVM, space-separated (a JFR recording to profile it).
 */
public final class AlertBench {
  private AlertBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.ofEntries(Map.entry("screens", "1000"), Map.entry("pairs", "8"),
        Map.entry("warm-ups", "6"), Map.entry("data-dir", ""), Map.entry("window", "200"),
        Map.entry("round-timeout", "120"), Map.entry("verify-nice", "19"), Map.entry("controller-broker", "mosquitto"),
        Map.entry("placements", "true"), Map.entry("receipts", "true"), Map.entry("heartbeats", "spread"),
        Map.entry("tag", ""),
        Map.entry("controller-jvm", "")));
    if (!List.of("connect", "spread").contains(args.get("heartbeats"))) {
      throw new IllegalArgumentException("--heartbeats is connect or spread, not " + args.get("heartbeats"));
    }
    int n = args.integer("screens");
    int pairs = args.integer("pairs");
    int warmUps = args.integer("warm-ups");
    Path dataDir = Path.of(args.get("data-dir").isEmpty() ? "bench/target/fleet-" + n : args.get("data-dir"));
    ControllerBroker controllerBroker = ControllerBroker.parse(args.get("controller-broker"));
    boolean placements = Boolean.parseBoolean(args.get("placements"));
    // --receipts true (the default): each proof-of-play batch asks for the controller's signed receipt, as
    // today's agent's do, so the controller sends the fleet a receipt a minute a screen beside the alert.
    boolean receipts = Boolean.parseBoolean(args.get("receipts"));
    List<ScreenLogin> logins = FleetSetup.ensureRegistered(dataDir, n);
    List<String> gates = logins.stream().map(ScreenLogin::clusterId).distinct().sorted().toList();
    List<String> ids = logins.stream().map(ScreenLogin::screenId).toList();
    Results results = new Results("alert-" + n + controllerBroker.fileSuffix() + "-" + gates.size() + "-gates"
        + (args.get("tag").isEmpty() ? "" : "-" + args.get("tag")),
        "bench/run AlertBench --screens " + n + " --pairs " + pairs + " --warm-ups " + warmUps
        + controllerBroker.commandOption() + " --verify-nice " + args.get("verify-nice") + " --placements " + placements
        + " --receipts " + receipts + " --heartbeats " + args.get("heartbeats")
        + (args.get("data-dir").isEmpty() ? "" : " --data-dir <a copy of the fleet's folder>"));
    results.put("gates", gates.size());

    BrokerProcess ownBroker = controllerBroker.startFor(dataDir);
    ControllerProcess controller = ControllerProcess.start(dataDir, ownBroker == null ? 0 : ownBroker.port(),
        Duration.ofSeconds(120), args.words("controller-jvm"), controllerBroker.controllerArgs());
    ControllerApi api = new ControllerApi(controller.httpPort());
    try (SimulatedFleet fleet = new SimulatedFleet(logins, api.signingKey(),
        SimulatedFleet.Options.realistic().withPlacements(placements).withReceipts(receipts))) {
      long connectStart = System.nanoTime();
      int connected = fleet.connectAll(controller.brokerHost(), controller.brokerPort(), args.integer("window"),
          Duration.ofMinutes(20));
      results.put("connectToControllerBroker", Map.of("connected", connected, "seconds",
          Math.round((System.nanoTime() - connectStart) / 1e8) / 10.0));
      // --heartbeats spread (the default here): each screen beats from a random point of its period, as a
      // fleet of agents started at different times does. "connect": they beat from their connect, the whole
      // fleet within the seconds of the connect storm, every period; a round then lands in a burst of 10,000
      // heartbeats or between two by chance, a difference larger than the one measured.
      if (args.get("heartbeats").equals("spread")) {
        fleet.heartbeatEvery(SimulatedFleet.Options.realistic().heartbeat(), "hb", false);
      }
      fleet.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(3));

      Map<String, Long> pids = AlertRounds.processes(controller.pid(), ownBroker);
      Signer signer = ControllerKeys.loadOrCreate(dataDir.resolve("keys")).signer();
      AlertRounds rounds = new AlertRounds(fleet, ids, gates, args.integer("verify-nice"),
          Duration.ofSeconds(args.integer("round-timeout")));
      List<Map<String, Object>> all = new ArrayList<>();
      List<Double> pairRatios = new ArrayList<>();
      try (DirectPublisher publisher = new DirectPublisher(controller.brokerHost(), controller.brokerPort(),
          ControllerCredentials.loadOrCreate(dataDir), ids.size() + 100, false)) {
        for (int pair = 0; pair < warmUps + pairs; pair++) {
          boolean warmUp = pair < warmUps;
          // Alternate which goes first: a pair's second round runs on a machine the first just warmed.
          Map<String, Object> direct = null;
          if (pair % 2 == 1) {
            direct = rounds.direct(publisher, signer, pids, warmUp, 0);
          }
          fleet.forgetAlerts(); // the floor's versions are the clock's; the controller's count from 1
          Map<String, Object> through = rounds.throughController(api, pids, warmUp).orElseThrow(() ->
              new IllegalStateException("this controller has no POST /api/v1/alerts"));
          if (direct == null) {
            direct = rounds.direct(publisher, signer, pids, warmUp, 0);
          }
          through.put("pair", pair);
          direct.put("pair", pair);
          all.add(through);
          all.add(direct);
          if (!warmUp) {
            pairRatios.add(p99(through) / p99(direct));
          }
          results.put("rounds", all);
          results.write();
        }
      }
      // The floor as PushBench measures it: the same broker and fleet with the controller stopped, the
      // publisher taking the fleet's heartbeats and events in its place. Then, with --receipts true, the same
      // floor with the publisher also answering the batches with receipts as the controller would, so that the
      // broker forwards them and the screens verify them on these cores as in the rounds through the
      // controller. In that order, not alternating: the screens verify the receipts of an answering round for
      // seconds after it, which would blur the first floor.
      controller.close();
      pids.remove("controller");
      List<Map<String, Object>> alone = new ArrayList<>();
      List<Map<String, Object>> aloneAnswering = new ArrayList<>();
      try (DirectPublisher publisher = new DirectPublisher(controller.brokerHost(), controller.brokerPort(),
          ControllerCredentials.loadOrCreate(dataDir), ids.size() + 100, true)) {
        for (boolean answering : receipts ? new boolean[] {false, true} : new boolean[] {false}) {
          publisher.answerReceipts(answering ? signer : null);
          List<Map<String, Object>> floor = answering ? aloneAnswering : alone;
          for (int round = 0; round <= pairs; round++) {
            long receiptsBefore = SimulatedScreen.receiptsVerified();
            Map<String, Object> measured = rounds.direct(publisher, signer, pids, round == 0, 0);
            measured.put("receiptsVerifiedByScreens", SimulatedScreen.receiptsVerified() - receiptsBefore);
            floor.add(measured);
            results.put(answering ? "floorWithControllerStoppedAnsweringReceipts" : "floorWithControllerStopped",
                floor);
            results.write();
          }
        }
      }
      results.put("summary", summary(all, pairRatios, alone, aloneAnswering));
    } finally {
      controller.close();
      if (ownBroker != null) {
        ownBroker.close();
      }
    }
    System.out.println("wrote " + results.write());
  }

  /** Medians of the measured rounds' received p99 by kind, their ratio, and the median of the pairs' own ratios. */
  private static Map<String, Object> summary(List<Map<String, Object>> rounds, List<Double> pairRatios,
      List<Map<String, Object>> alone, List<Map<String, Object>> aloneAnswering) {
    Map<String, Object> summary = new LinkedHashMap<>();
    double through = median(rounds.stream().filter(r -> !(Boolean) r.get("warmUp") && "controller".equals(r.get("kind")))
        .map(AlertBench::p99).toList());
    double direct = median(rounds.stream().filter(r -> !(Boolean) r.get("warmUp") && "direct".equals(r.get("kind")))
        .map(AlertBench::p99).toList());
    summary.put("controllerReceivedP99MedianMs", through);
    summary.put("floorReceivedP99MedianMs", direct);
    summary.put("ratioOfMedians", Math.round(through / direct * 100) / 100.0);
    summary.put("pairRatios", pairRatios.stream().map(r -> Math.round(r * 100) / 100.0).toList());
    summary.put("medianPairRatio", Math.round(median(pairRatios) * 100) / 100.0);
    double stopped = median(alone.stream().filter(r -> !(Boolean) r.get("warmUp")).map(AlertBench::p99).toList());
    summary.put("floorWithControllerStoppedReceivedP99MedianMs", stopped);
    summary.put("ratioToFloorWithControllerStopped", Math.round(through / stopped * 100) / 100.0);
    if (!aloneAnswering.isEmpty()) {
      double answering = median(aloneAnswering.stream().filter(r -> !(Boolean) r.get("warmUp")).map(AlertBench::p99)
          .toList());
      summary.put("floorAnsweringReceiptsReceivedP99MedianMs", answering);
      summary.put("ratioToFloorAnsweringReceipts", Math.round(through / answering * 100) / 100.0);
    }
    System.out.println("issue 21 part 4: " + summary);
    return summary;
  }

  @SuppressWarnings("unchecked")
  private static double p99(Map<String, Object> round) {
    return (Double) ((Map<String, Object>) round.get("receivedAtScreens")).get("p99Ms");
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
