package io.gatecast.bench;

import io.gatecast.bench.fleet.AckCollector;
import io.gatecast.bench.fleet.Latencies;
import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.bench.fleet.SimulatedFleet;
import io.gatecast.bench.fleet.SimulatedScreen;
import io.gatecast.bench.harness.Args;
import io.gatecast.bench.harness.BrokerProcess;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.ControllerBroker;
import io.gatecast.bench.harness.ControllerDb;
import io.gatecast.bench.harness.ControllerProcess;
import io.gatecast.bench.harness.CpuTimeline;
import io.gatecast.bench.harness.DirectPublisher;
import io.gatecast.bench.harness.FleetSetup;
import io.gatecast.bench.harness.ProcessStats;
import io.gatecast.bench.harness.Results;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.signing.ControllerKeys;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Signer;
import io.gatecast.protocol.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Push latency: a schedule change for every screen, published through the controller's API, timed
 * until each simulated screen has verified and acked it (and until the controller has the ack);
 * then the floor — the same signed messages published straight to a broker, acked by the same
 * screens, no controller in the path — on the controller's embedded Moquette alone and on Mosquitto;
 * and the urgent alert (through the controller when it has {@code POST /api/v1/alerts}; on the
 * floors as a signed {@link AlertMessage} published straight to each gate's alert topic).
 *
 * <p>The fleet's gates are those its screens were registered in: {@code default} alone, or many with
 * {@code bench/run harness.FleetSetup 10000 --gates 20} and {@code --data-dir} a copy of the folder it fills.
 *
 * <p>{@code bench/run PushBench --screens 1000 --rounds 3}; writes {@code bench/results/push-<N>.json}
 * ({@code push-<N>-on-mosquitto.json} with {@code --controller-broker mosquitto}, see {@link ControllerBroker}).
 * The first round of each path is a warm-up and is reported apart ({@code --warm-ups N}: the first N
 * publishes and the first N alerts through the controller).
 */
public final class PushBench {
  /** How long a round waits for every screen (then it reports who is missing); --round-timeout. */
  private static Duration ROUND_TIMEOUT = Duration.ofMinutes(2);
  /** The fleet's gates, from its logins ({@code default} alone, or those of {@code FleetSetup --gates}). */
  private static List<String> GATES = List.of(ScreenLogin.DEFAULT_GATE);
  /** The floor's one-message-a-gate rounds: messages the size of this many schedules each. */
  private static final int[] GATE_MESSAGE_SCHEDULES = {1, 4};
  /**
   * --verify-nice: the Linux nice value of the simulated screens' signature-check threads (0: as the
   * rest). In the field each screen checks on its own hardware; here 10,000 Ed25519 checks per push
   * share the two cores with the controller and the broker, so "received" also measures how much CPU
   * the screens already served took from the ones still waiting. 19 lets the controller and the
   * broker go first, on the floors as through the controller; "acked" still waits for every check.
   */
  private static int VERIFY_NICE = 0;
  /**
   * --placements true: the simulated screens play placements in their gate's schedule, as today's agent
   * does (issue 21): a content change then reaches them as one cluster schedule for the gate. Their
   * answers name a cluster schedule version, not a new version of their own, so the rounds do not read
   * the controller's stored answers back (allStoredByController, ackReceivedByController: null).
   */
  private static boolean PLACEMENTS = false;
  /**
   * --change: what each round changes. {@code own-playlist} (as every run before 2026-12-05): the round's
   * item joins every screen's own playlist, a setup change of every screen, so the controller reads the
   * whole fleet before a gate's schedule can leave. {@code campaign}: the round's item is alone in the
   * playlist of one campaign aimed at every gate, no setup changes, and the rounds are the same work.
   */
  private static boolean CAMPAIGN = false;
  /**
   * --planned-ahead true (with {@code --change own-playlist}): each round's publish is called once the controller has
   * planned the setup change ahead (its metric), as an operator publishes a setup change some seconds after saving
   * it; how long that took after the change is kept with the round. Off by default: the publish follows the change
   * at once, as every run before 2026-12-08.
   */
  private static boolean PLANNED_AHEAD = false;

  private PushBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.ofEntries(Map.entry("screens", "1000"), Map.entry("rounds", "3"),
        Map.entry("data-dir", ""), Map.entry("brokers", "embedded,mosquitto"), Map.entry("window", "200"),
        Map.entry("round-timeout", "120"), Map.entry("controller-jvm", ""), Map.entry("verify-nice", "0"),
        Map.entry("controller-broker", "embedded"), Map.entry("heartbeats", "connect"), Map.entry("warm-ups", "1"),
        Map.entry("placements", "false"), Map.entry("receipts", "false"), Map.entry("change", "own-playlist"),
        Map.entry("planned-ahead", "false")));
    PLACEMENTS = Boolean.parseBoolean(args.get("placements"));
    // --receipts true: the screens' proof-of-play batches ask for the controller's signed receipt, as today's
    // agent's do, so the controller sends a receipt a minute a screen beside the publish. Off by default, as
    // every run before 2026-12-06.
    boolean receipts = Boolean.parseBoolean(args.get("receipts"));
    if (!List.of("own-playlist", "campaign").contains(args.get("change"))) {
      throw new IllegalArgumentException("--change is own-playlist or campaign, not " + args.get("change"));
    }
    CAMPAIGN = args.get("change").equals("campaign");
    PLANNED_AHEAD = Boolean.parseBoolean(args.get("planned-ahead"));
    if (PLANNED_AHEAD && CAMPAIGN) {
      throw new IllegalArgumentException("--planned-ahead true needs a setup change: --change own-playlist");
    }
    ROUND_TIMEOUT = Duration.ofSeconds(args.integer("round-timeout"));
    VERIFY_NICE = args.integer("verify-nice");
    int n = args.integer("screens");
    int rounds = args.integer("rounds");
    // --warm-ups: publishes through the controller before the measured ones (its JIT still compiles
    // about a second of CPU a round after one; a controller running for days has long finished).
    int warmUps = args.integer("warm-ups");
    if (warmUps < 1) {
      throw new IllegalArgumentException("--warm-ups is at least 1, not " + warmUps);
    }
    Path dataDir = Path.of(args.get("data-dir").isEmpty() ? "bench/target/fleet-" + n : args.get("data-dir"));
    ControllerBroker controllerBroker = ControllerBroker.parse(args.get("controller-broker"));
    if (!List.of("connect", "spread").contains(args.get("heartbeats"))) {
      throw new IllegalArgumentException("--heartbeats is connect or spread, not " + args.get("heartbeats"));
    }
    boolean spreadHeartbeats = args.get("heartbeats").equals("spread");
    List<ScreenLogin> logins = FleetSetup.ensureRegistered(dataDir, n);
    GATES = logins.stream().map(ScreenLogin::clusterId).distinct().sorted().toList();
    Results results = new Results("push-" + n + controllerBroker.fileSuffix() + (PLACEMENTS ? "-placements" : "")
        + (receipts ? "-receipts" : "")
        + (GATES.size() > 1 ? "-" + GATES.size() + "-gates" : "") + (CAMPAIGN ? "-campaign" : "")
        + (PLANNED_AHEAD ? "-planned-ahead" : ""),
        "bench/run PushBench --screens " + n
        + " --rounds " + rounds + " --brokers " + args.get("brokers") + " --round-timeout " + args.get("round-timeout")
        + (VERIFY_NICE == 0 ? "" : " --verify-nice " + VERIFY_NICE) + controllerBroker.commandOption()
        + (spreadHeartbeats ? " --heartbeats spread" : "") + (warmUps == 1 ? "" : " --warm-ups " + warmUps)
        + (PLACEMENTS ? " --placements true" : "") + (receipts ? " --receipts true" : "")
        + (CAMPAIGN ? " --change campaign" : "") + (PLANNED_AHEAD ? " --planned-ahead true" : "")
        + (args.get("data-dir").isEmpty() ? "" : " --data-dir <a copy of the fleet's folder>"));
    results.put("gates", GATES.size());
    results.put("change", CAMPAIGN ? "campaign" : "own-playlist");
    List<String> ids = logins.stream().map(ScreenLogin::screenId).toList();
    String runTag = "r" + Long.toString(System.currentTimeMillis() / 1000, 36);

    // --controller-jvm: extra flags for the controller's JVM, space-separated (e.g. a JFR recording to profile it).
    List<String> controllerJvm = args.words("controller-jvm");
    BrokerProcess ownBroker = controllerBroker.startFor(dataDir);
    ControllerProcess controller = ControllerProcess.start(dataDir, ownBroker == null ? 0 : ownBroker.port(),
        Duration.ofSeconds(120), controllerJvm, controllerBroker.controllerArgs());
    ControllerApi api = new ControllerApi(controller.httpPort());
    String media = api.uploadMedia(FleetSetup.media(), "bench.png");
    try (SimulatedFleet fleet = new SimulatedFleet(logins, api.signingKey(),
        SimulatedFleet.Options.realistic().withPlacements(PLACEMENTS).withReceipts(receipts));
        ControllerDb db = new ControllerDb(dataDir)) {
      long connectStart = System.nanoTime();
      int connected = fleet.connectAll(controller.brokerHost(), controller.brokerPort(), args.integer("window"),
          Duration.ofMinutes(20));
      results.put("connectToControllerBroker", Map.of("connected", connected, "seconds",
          round((System.nanoTime() - connectStart) / 1e9)));
      // --heartbeats spread: each screen beats from a random point of its period, as a fleet of agents
      // started at different times does; by default they beat from their connect, so the whole fleet
      // beats within the connect storm's seconds of every period, as after a broker restart.
      if (spreadHeartbeats) {
        fleet.heartbeatEvery(SimulatedFleet.Options.realistic().heartbeat(), "hb", false);
      }
      fleet.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(3));
      if (PLACEMENTS && !SimulatedFleet.awaitUntil(() -> db.placedCount() == ids.size(),
          System.nanoTime() + Duration.ofMinutes(3).toNanos())) {
        throw new IllegalStateException("the controller heard only " + db.placedCount() + " of " + ids.size()
            + " screens say they play placements");
      }
      results.put("controllerWithFleetConnected", Map.of("screens", fleet.connectedCount(),
          "heapUsedAfterFullGcMB", ProcessStats.heapUsedAfterGc(controller.pid()) / 1048576,
          "rssMB", ProcessStats.rssBytes(controller.pid()) / 1048576));

      List<Map<String, Object>> throughController = new ArrayList<>();
      double idleCores = Double.NaN;
      for (int r = 0; r < warmUps + rounds; r++) {
        throughController.add(controllerRound(api, fleet, db, controller.pid(), ownBroker, ids, media, runTag + "-" + r,
            r < warmUps, idleCores));
        if (r == warmUps - 1) { // warm, between the warm-ups and the measured rounds
          idleCores = ownCoresBusy(controller.pid(), IDLE_WINDOW);
          results.put("controllerIdleWithFleet", Map.of("seconds", IDLE_WINDOW.toSeconds(), "ownCpuCoresBusy", idleCores));
        }
      }
      results.put("throughController", throughController);
      // As many warm-up alerts as publishes: after one, the controller's JIT still compiled 0.05-0.07 s
      // of the 0.14-0.19 s until the measured alerts' p99 (Xeon, 2026-12-05), which no warm controller does.
      AlertRounds alertRounds = new AlertRounds(fleet, ids, GATES, VERIFY_NICE, ROUND_TIMEOUT);
      Map<String, Long> alertPids = AlertRounds.processes(controller.pid(), ownBroker);
      List<Object> alerts = new ArrayList<>();
      for (int r = 0; r < warmUps + rounds; r++) {
        alerts.add(alertRounds.throughController(api, alertPids, r < warmUps).<Object>map(round -> round)
            .orElse("pending: this controller has no POST /api/v1/alerts (404); the floor below is measured"));
      }
      results.put("alertThroughController", alerts);
      results.put("controllerAfterRounds", Map.of("heapUsedAfterFullGcMB",
          ProcessStats.heapUsedAfterGc(controller.pid()) / 1048576, "rssMB", ProcessStats.rssBytes(controller.pid()) / 1048576));
      fleet.parkAll(); // the floor's broker takes them next (moveAll)
      controller.close();
      if (ownBroker != null) {
        ownBroker.close();
      }
      results.put("controllerBroker", controllerBroker.name().toLowerCase());

      Signer signer = ControllerKeys.loadOrCreate(dataDir.resolve("keys")).signer();
      ControllerCredentials login = ControllerCredentials.loadOrCreate(dataDir);
      Map<String, Object> floors = new LinkedHashMap<>();
      for (String kind : args.get("brokers").isBlank() ? new String[0] : args.get("brokers").split(",")) {
        floors.put(kind, floor(BrokerProcess.Kind.valueOf(kind.toUpperCase()), dataDir, fleet, signer, login, ids,
            rounds, args.integer("window"), alertRounds));
      }
      results.put("floor", floors);
      results.put("ratios", ratios(throughController, floors));
      results.put("issue21Targets", targets(throughController, alerts, floors));
      results.put("rejectedByScreens", fleet.rejectionCount());
      results.put("verifyNice", VERIFY_NICE);
      results.put("simulatorMeanVerifyMicros", SimulatedFleet.meanVerifyMicros());
    } finally {
      controller.close();
      if (ownBroker != null) {
        ownBroker.close();
      }
    }
    results.write();
    System.exit(0);
  }

  /**
   * How long the controller is watched with the fleet connected and no publish: the fleet's heartbeats
   * and proof of play keep it busy anyway, and a round counts that too.
   */
  private static final Duration IDLE_WINDOW = Duration.ofSeconds(20);

  /** The controller's own CPU (see {@link #NOT_OWN}) over {@code window}, in cores busy. */
  private static double ownCoresBusy(long pid, Duration window) throws InterruptedException {
    double cpu0 = ProcessStats.cpuSeconds(pid);
    Map<String, Double> threads0 = ProcessStats.cpuSecondsByThreadKind(pid);
    long start = System.nanoTime();
    Thread.sleep(window.toMillis()); // a measuring window, not a wait for something to happen
    double own = ProcessStats.cpuSeconds(pid) - cpu0 - notControllersOwn(threads0, ProcessStats.cpuSecondsByThreadKind(pid));
    return Math.round(own / ((System.nanoTime() - start) / 1e9) * 1000) / 1000.0;
  }

  /**
   * One publish through the controller; {@code ownBroker}: the external broker it runs on, null when
   * embedded; {@code idleCores}: the controller's own CPU with the fleet connected and no publish (NaN
   * before it was measured), taken off the round's CPU for the publish's share.
   */
  private static Map<String, Object> controllerRound(ControllerApi api, SimulatedFleet fleet, ControllerDb db, long pid,
      BrokerProcess ownBroker, List<String> ids, String media, String contentId, boolean warmUp, double idleCores) {
    fleet.lowerVerifyPriority(VERIFY_NICE);
    api.createContent(contentId, "Benchmark " + contentId, media, 10);
    Long plannedAheadMs = null;
    if (CAMPAIGN) {
      api.campaignPlays("bench-campaign", contentId, GATES);
    } else {
      double plannedBefore = PLANNED_AHEAD ? ControllerApi.counter(api.httpPort(), ControllerApi.PROFILES_PLANNED_AHEAD) : 0;
      api.schedule(contentId, ids);
      if (PLANNED_AHEAD) {
        plannedAheadMs = api.awaitProfilesPlannedAhead(plannedBefore, ROUND_TIMEOUT).toMillis();
      }
    }
    Map<String, Long> expected = nextVersions(fleet);
    AckCollector collector = AckCollector.schedules(expected);
    fleet.watch(collector);
    double cpu0 = ProcessStats.cpuSeconds(pid);
    double brokerCpu0 = ownBroker == null ? 0 : ProcessStats.cpuSeconds(ownBroker.pid());
    Map<String, Double> threads0 = ProcessStats.cpuSecondsByThreadKind(pid);
    long cpuStart = System.nanoTime();
    Map<String, Double> untilReceivedP99;
    long publishId;
    double publishMs;
    Instant t0;
    try (CpuTimeline timeline = new CpuTimeline(AlertRounds.processes(pid, ownBroker))) {
      collector.start();
      t0 = Instant.now();
      publishId = api.startPublish();
      publishMs = (System.nanoTime() - collector.t0Nanos()) / 1e6;
      // The call answers before the screens are sent: wait for every screen first, then read what was sent (one
      // read of the rollout, so polling it does not load the controller while the round is timed).
      collector.await(new ArrayList<>(expected.keySet()), ROUND_TIMEOUT);
      untilReceivedP99 = AlertRounds.cpuUntilReceivedP99(timeline, collector);
    }
    List<ControllerApi.Sent> sent = api.sent(publishId);
    double sentMs = (System.nanoTime() - collector.t0Nanos()) / 1e6;
    List<String> ok = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int unexpectedVersion = 0;
    for (ControllerApi.Sent s : sent) {
      if (s.error() != null) {
        failed.add(s.screenId() + ": " + s.error());
      } else {
        ok.add(s.screenId());
        if (!PLACEMENTS && !Long.valueOf(s.version()).equals(expected.get(s.screenId()))) {
          unexpectedVersion++;
        }
      }
    }
    boolean all = collector.await(ok, ROUND_TIMEOUT);
    List<String> missing = collector.missing(ok);
    Latencies acked = collector.acked();
    long minVersion = expected.values().stream().mapToLong(Long::longValue).min().orElse(1);
    List<String> answered = ok.stream().filter(id -> !missing.contains(id)).toList();
    boolean stored = !PLACEMENTS && SimulatedFleet.awaitUntil(() -> storedAll(db, sentVersions(sent), answered, minVersion),
        System.nanoTime() + ROUND_TIMEOUT.toNanos());
    double storedAllMs = (System.nanoTime() - collector.t0Nanos()) / 1e6;
    double cpu = ProcessStats.cpuSeconds(pid) - cpu0;
    double cpuWindowSeconds = (System.nanoTime() - cpuStart) / 1e9;
    double brokerCpu = ownBroker == null ? 0 : ProcessStats.cpuSeconds(ownBroker.pid()) - brokerCpu0;
    Map<String, Double> threads1 = ProcessStats.cpuSecondsByThreadKind(pid);
    Map<String, Double> byThread = threadCpuSince(threads0, threads1);
    double notOwn = notControllersOwn(threads0, threads1);
    Map<String, Map<Long, Instant>> answers = PLACEMENTS ? Map.of() : db.appliedAnswers(minVersion);
    Map<String, Long> versions = sentVersions(sent);
    double[] atController = ok.stream().map(id -> answers.getOrDefault(id, Map.of()).get(versions.get(id)))
        .filter(java.util.Objects::nonNull).mapToDouble(at -> Duration.between(t0, at).toNanos() / 1e6).toArray();

    Map<String, Object> round = new LinkedHashMap<>();
    round.put("warmUp", warmUp);
    round.put("loadAverageBefore", loadAverage());
    round.put("screens", ids.size());
    round.put("sent", ok.size());
    round.put("failedToSend", failed.size());
    if (!failed.isEmpty()) {
      round.put("firstFailure", failed.get(0));
    }
    round.put("sentWithAnotherVersionThanExpected", unexpectedVersion);
    round.put("publishHttpMs", round(publishMs));
    if (plannedAheadMs != null) {
      round.put("changeToPlannedAheadMs", plannedAheadMs);
    }
    round.put("rolloutDoneReadMs", round(sentMs));
    round.put("allAcked", all);
    round.put("notAcked", missing.size());
    if (!missing.isEmpty()) {
      Map<String, SimulatedScreen> byId = new HashMap<>();
      fleet.screens().forEach(s -> byId.put(s.id(), s));
      round.put("notAckedButConnected", missing.stream().filter(id -> byId.get(id).isConnected()).count());
      round.put("notAckedExamples", missing.stream().limit(5).map(id -> byId.get(id).toString()).toList());
    }
    round.put("receivedAtScreens", collector.received().summary());
    // What ran beside the fan-out: set against the floor's own figure, where the two differ.
    round.put("cpuSecondsUntilReceivedP99", untilReceivedP99);
    round.put("ackedAtScreens", acked.summary());
    round.put("ackReceivedByController", PLACEMENTS ? null : new Latencies(atController).summary());
    round.put("timeToAllAckedMs", Latencies.roundMs(acked.max()));
    round.put("allStoredByController", PLACEMENTS ? null : stored);
    round.put("timeToAllStoredMs", stored ? round(storedAllMs) : null);
    round.put("controllerCpuSeconds", round(cpu));
    round.put("controllerCpuSecondsByThread", byThread);
    if (ownBroker != null) {
      round.put("externalBrokerCpuSeconds", round(brokerCpu));
    }
    // The process minus the JVM's, JFR's and the embedded broker's threads: the controller's own,
    // including short-lived threads that ended during the round (on two cores each signing batch runs
    // on a new thread, which the per-thread reading after the round cannot see).
    round.put("controllerOwnCpuSeconds", Math.round((cpu - notOwn) * 100) / 100.0);
    round.put("controllerOwnCpuMsPerScreen", Math.round((cpu - notOwn) * 1000 / ids.size() * 1000) / 1000.0);
    // What the fleet's steady traffic would have cost over the round anyway, taken off: the publish's share
    // (its screens' acks and the heartbeats that settle them stay in it).
    round.put("cpuWindowSeconds", round(cpuWindowSeconds));
    if (!Double.isNaN(idleCores)) {
      double beyondIdle = cpu - notOwn - idleCores * cpuWindowSeconds;
      round.put("controllerOwnCpuMsPerScreenBeyondIdle", Math.round(beyondIdle * 1000 / ids.size() * 1000) / 1000.0);
    }
    System.out.println("controller round " + contentId + ": " + round);
    return round;
  }

  /**
   * CPU seconds each kind of the controller's threads spent between two readings, most first (kinds
   * under {@code atLeast} seconds left out): tells the controller's own work (event loops, database,
   * signing pool) from the JIT's, the GC's and its embedded broker's threads.
   */
  private static Map<String, Double> threadCpuSince(Map<String, Double> before, Map<String, Double> after) {
    return threadCpuSince(before, after, 0.05);
  }

  static Map<String, Double> threadCpuSince(Map<String, Double> before, Map<String, Double> after, double atLeast) {
    Map<String, Double> spent = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
        .filter(e -> e.getValue() >= atLeast)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> spent.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
    return spent;
  }

  /** Kinds of thread that are not the controller's own work: the JIT, GC, VM, JFR and the embedded Moquette. */
  private static final java.util.regex.Pattern NOT_OWN = java.util.regex.Pattern.compile(
      "(C# CompilerThre|GC Thread|G1 |VM Thread|VM Periodic|JFR |Service Thread|Sweeper|Common-Cleaner|Signal Dispatch"
          + "|nioEventLoopGro|Session Executo|pool-#-thread-#).*");

  /** CPU seconds the threads that are not the controller's own spent between two readings. */
  private static double notControllersOwn(Map<String, Double> before, Map<String, Double> after) {
    return after.entrySet().stream().filter(e -> NOT_OWN.matcher(e.getKey()).matches())
        .mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
  }

  private static Map<String, Long> sentVersions(List<ControllerApi.Sent> sent) {
    Map<String, Long> versions = new HashMap<>();
    sent.forEach(s -> versions.put(s.screenId(), s.version()));
    return versions;
  }

  /** Cheap count first (a poll must not load the machine it measures), the exact per-screen check only then. */
  private static boolean storedAll(ControllerDb db, Map<String, Long> expected, List<String> ok, long minVersion) {
    if (db.appliedCount(minVersion) < ok.size()) {
      return false;
    }
    Map<String, Map<Long, Instant>> answers = db.appliedAnswers(minVersion);
    for (String id : ok) {
      if (!answers.getOrDefault(id, Map.of()).containsKey(expected.get(id))) {
        return false;
      }
    }
    return true;
  }

  /** Every screen's next version: one above what it plays. */
  private static Map<String, Long> nextVersions(SimulatedFleet fleet) {
    Map<String, Long> next = new HashMap<>();
    for (SimulatedScreen screen : fleet.screens()) {
      Long applied = screen.progress();
      next.put(screen.id(), applied == null ? 1 : applied + 1);
    }
    return next;
  }

  private static Map<String, Object> floor(BrokerProcess.Kind kind, Path dataDir, SimulatedFleet fleet, Signer signer,
      ControllerCredentials login, List<String> ids, int rounds, int window, AlertRounds alertRounds) {
    Map<String, Object> figures = new LinkedHashMap<>();
    try (BrokerProcess broker = BrokerProcess.start(kind, dataDir, dataDir.resolve("floor-" + kind.name().toLowerCase()
        + "-" + System.currentTimeMillis()))) {
      long moveStart = System.nanoTime();
      int connected = fleet.moveAll("127.0.0.1", broker.port(), window, Duration.ofMinutes(20));
      figures.put("connect", Map.of("connected", connected, "seconds", round((System.nanoTime() - moveStart) / 1e9)));
      fleet.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(3));
      Map<String, Long> pids = Map.of("broker", broker.pid(), "benchAndScreens", ProcessHandle.current().pid());
      try (DirectPublisher publisher = new DirectPublisher("127.0.0.1", broker.port(), login, ids.size() + 100)) {
        List<Map<String, Object>> schedules = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) {
          schedules.add(floorScheduleRound(fleet, publisher, signer, broker.pid(), r == 0));
        }
        figures.put("schedules", schedules);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) {
          alerts.add(alertRounds.direct(publisher, signer, pids, r == 0, 0));
        }
        figures.put("alerts", alerts);
        // One message for the whole gate, of the size of one schedule and of four (a gate of four
        // profiles): what a schedule sent once a gate (docs/proposals/cluster-schedules.md) would cost
        // the broker and the screens.
        int scheduleBytes = (int) Math.round(median(schedules, r -> (Double) r.get("meanMessageBytes")));
        for (int multiple : GATE_MESSAGE_SCHEDULES) {
          List<Map<String, Object>> gateSized = new ArrayList<>();
          for (int r = 0; r <= rounds; r++) {
            gateSized.add(alertRounds.direct(publisher, signer, pids, r == 0, multiple * scheduleBytes));
          }
          figures.put(gateSizedKey(multiple), gateSized);
        }
      }
    }
    return figures;
  }

  private static Map<String, Object> floorScheduleRound(SimulatedFleet fleet, DirectPublisher publisher, Signer signer,
      long brokerPid, boolean warmUp) {
    fleet.lowerVerifyPriority(VERIFY_NICE);
    Map<String, Long> expected = new HashMap<>();
    List<DirectPublisher.Outgoing> messages = new ArrayList<>();
    long bytes = 0;
    for (SimulatedScreen screen : fleet.screens()) {
      ScheduleMessage last = screen.lastSchedule();
      if (last == null) {
        continue;
      }
      ScheduleMessage next = new ScheduleMessage(Header.now(Instant.now()), screen.id(), last.version() + 1, last.rules());
      expected.put(screen.id(), next.version());
      byte[] signed = signer.signToBytes(Signed.SCHEDULE, next, null);
      bytes += signed.length;
      messages.add(new DirectPublisher.Outgoing(Topics.schedule(screen.id()), signed, true));
    }
    AckCollector collector = AckCollector.schedules(expected);
    fleet.watch(collector);
    publisher.expect(expected);
    double cpu0 = ProcessStats.cpuSeconds(brokerPid);
    boolean pubacked;
    double publishMs;
    boolean all;
    Map<String, Double> untilReceivedP99;
    try (CpuTimeline timeline = new CpuTimeline(Map.of("broker", brokerPid,
        "benchAndScreens", ProcessHandle.current().pid()))) {
      collector.start();
      pubacked = AlertRounds.awaitPubacks(publisher.publishAll(messages), ROUND_TIMEOUT);
      publishMs = (System.nanoTime() - collector.t0Nanos()) / 1e6;
      all = collector.await(ROUND_TIMEOUT);
      untilReceivedP99 = AlertRounds.cpuUntilReceivedP99(timeline, collector);
    }
    boolean back = SimulatedFleet.awaitUntil(() -> publisher.acksArrived() == expected.size(),
        System.nanoTime() + ROUND_TIMEOUT.toNanos());
    Map<String, Object> round = new LinkedHashMap<>();
    round.put("warmUp", warmUp);
    round.put("loadAverageBefore", loadAverage());
    round.put("sent", messages.size());
    round.put("meanMessageBytes", messages.isEmpty() ? Double.NaN : (double) bytes / messages.size());
    round.put("publishAllPubackedMs", pubacked ? round(publishMs) : null);
    round.put("allAcked", all);
    round.put("receivedAtScreens", collector.received().summary());
    round.put("cpuSecondsUntilReceivedP99", untilReceivedP99);
    round.put("ackedAtScreens", collector.acked().summary());
    round.put("ackReceivedByPublisher", publisher.ackArrival(collector.t0Nanos()).summary());
    round.put("allAcksBack", back);
    round.put("timeToAllAckedMs", Latencies.roundMs(collector.acked().max()));
    round.put("brokerCpuSeconds", round(ProcessStats.cpuSeconds(brokerPid) - cpu0));
    System.out.println("floor schedule round: " + round);
    return round;
  }

  /** Where the floor keeps its rounds of one message a gate the size of {@code multiple} schedules. */
  private static String gateSizedKey(int multiple) {
    return "alertsOf" + gateSize(multiple);
  }

  /** "OneScheduleSize", "4SchedulesSize": the size of a gate message in the floor's keys. */
  private static String gateSize(int multiple) {
    return multiple == 1 ? "OneScheduleSize" : multiple + "SchedulesSize";
  }

  /** GateCast's median time-to-all-acked and p99 over the measured rounds, divided by each floor's. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> ratios(List<Map<String, Object>> controller, Map<String, Object> floors) {
    Map<String, Object> ratios = new LinkedHashMap<>();
    double gcAll = median(controller, r -> (Double) r.get("timeToAllAckedMs"));
    double gcP99 = median(controller, r -> (Double) ((Map<String, Object>) r.get("ackedAtScreens")).get("p99Ms"));
    ratios.put("controllerMedianTimeToAllAckedMs", gcAll);
    ratios.put("controllerMedianP99Ms", gcP99);
    for (Map.Entry<String, Object> floor : floors.entrySet()) {
      List<Map<String, Object>> rounds = (List<Map<String, Object>>) ((Map<String, Object>) floor.getValue()).get("schedules");
      double fAll = median(rounds, r -> (Double) r.get("timeToAllAckedMs"));
      double fP99 = median(rounds, r -> (Double) ((Map<String, Object>) r.get("ackedAtScreens")).get("p99Ms"));
      ratios.put(floor.getKey(), Map.of("floorMedianTimeToAllAckedMs", fAll, "floorMedianP99Ms", fP99,
          "timeToAllRatio", round(gcAll / fAll), "p99Ratio", round(gcP99 / fP99)));
    }
    return ratios;
  }

  /**
   * Issue 21's figures, medians of the measured rounds: the first screen's receipt after the publish
   * call, received p99 and the urgent alert's received p99 through the controller, each divided by the
   * same broker's floor in the same run.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> targets(List<Map<String, Object>> controller, List<Object> alerts,
      Map<String, Object> floors) {
    java.util.function.BiFunction<Map<String, Object>, String, Double> received =
        (r, key) -> (Double) ((Map<String, Object>) r.get("receivedAtScreens")).get(key);
    List<Map<String, Object>> alertRounds = alerts.stream().filter(Map.class::isInstance)
        .map(a -> (Map<String, Object>) a).toList();
    Map<String, Object> targets = new LinkedHashMap<>();
    double firstMs = median(controller, r -> received.apply(r, "minMs"));
    double p99Ms = median(controller, r -> received.apply(r, "p99Ms"));
    double alertP99Ms = median(alertRounds, r -> received.apply(r, "p99Ms"));
    targets.put("firstScreenReceivedMs", firstMs);
    targets.put("controllerOwnCpuMsPerScreen", median(controller, r -> (Double) r.get("controllerOwnCpuMsPerScreen")));
    targets.put("controllerOwnCpuMsPerScreenBeyondIdle",
        median(controller, r -> (Double) r.getOrDefault("controllerOwnCpuMsPerScreenBeyondIdle", Double.NaN)));
    targets.put("receivedP99Ms", p99Ms);
    targets.put("alertReceivedP99Ms", alertP99Ms);
    for (Map.Entry<String, Object> floor : floors.entrySet()) {
      Map<String, Object> figures = (Map<String, Object>) floor.getValue();
      double floorP99 = median((List<Map<String, Object>>) figures.get("schedules"), r -> received.apply(r, "p99Ms"));
      double floorAlertP99 = median((List<Map<String, Object>>) figures.get("alerts"), r -> received.apply(r, "p99Ms"));
      Map<String, Object> brokerTargets = new LinkedHashMap<>(Map.of("floorReceivedP99Ms", floorP99,
          "receivedP99Ratio", round2(p99Ms / floorP99), "floorAlertReceivedP99Ms", floorAlertP99,
          "alertReceivedP99Ratio", round2(alertP99Ms / floorAlertP99)));
      for (int multiple : GATE_MESSAGE_SCHEDULES) {
        double gateP99 = median((List<Map<String, Object>>) figures.get(gateSizedKey(multiple)),
            r -> received.apply(r, "p99Ms"));
        brokerTargets.put("floorAlertsOf" + gateSize(multiple) + "ReceivedP99Ms", gateP99);
      }
      targets.put(floor.getKey(), brokerTargets);
    }
    System.out.println("issue 21 targets: " + targets);
    return targets;
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static double median(List<Map<String, Object>> rounds, java.util.function.Function<Map<String, Object>, Double> f) {
    double[] values = rounds.stream().filter(r -> !Boolean.TRUE.equals(r.get("warmUp"))).map(f)
        .mapToDouble(Double::doubleValue).sorted().toArray();
    return values.length == 0 ? Double.NaN : values[values.length / 2];
  }

  /** The 1-minute load average: on this 2-core machine other work often runs beside a benchmark. */
  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
