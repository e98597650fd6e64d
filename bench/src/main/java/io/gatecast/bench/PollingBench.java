package io.gatecast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.bench.fleet.Latencies;
import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.bench.harness.Args;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.ControllerProcess;
import io.gatecast.bench.harness.FleetSetup;
import io.gatecast.bench.harness.ProcessStats;
import io.gatecast.bench.harness.Results;
import io.gatecast.protocol.Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The polling baseline: how long a change takes to reach every screen when each screen asks the
 * controller every interval T, as pull-based players do (Xibo's default collection interval,
 * T = 300 s; see BENCHMARKS.md). Three parts, one command:
 * <ol>
 *   <li>the real cost of one poll ({@code GET /api/v1/screens/{id}}, what a player would ask) at
 *       full speed, and whether the controller keeps up with N/T polls a second;
 *   <li>a real, scaled-down run: {@code scaled-screens} players polling every {@code scaled-interval}
 *       seconds with phases spread uniformly, a change published, time until every player has seen it;
 *   <li>the full-size figure for N screens and T: a poll's phase is uniform over T, so the k-th
 *       percentile screen sees the change k% of T after it is made, plus one poll's latency
 *       (part 2 checks this model against a real run). Compared with the push figures in
 *       {@code bench/results/push-<N>.json} when present.
 * </ol>
 * {@code bench/run PollingBench --screens 10000 --interval 300}; writes {@code bench/results/polling-<N>.json}.
 */
public final class PollingBench {
  private PollingBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.of("screens", "10000", "interval", "300", "scaled-screens", "1000",
        "scaled-interval", "10", "data-dir", ""));
    int n = args.integer("screens");
    int interval = args.integer("interval");
    int scaledScreens = args.integer("scaled-screens");
    int scaledInterval = args.integer("scaled-interval");
    Path dataDir = Path.of(args.get("data-dir").isEmpty() ? "bench/target/fleet-" + scaledScreens : args.get("data-dir"));
    Results results = new Results("polling-" + n, "bench/run PollingBench --screens " + n + " --interval " + interval
        + " --scaled-screens " + scaledScreens + " --scaled-interval " + scaledInterval);
    results.put("intervalSeconds", interval);
    results.put("intervalSource", "Xibo CMS default display-profile collectInterval = 300 s"
        + " (xibosignage/xibo-cms lib/Factory/DisplayProfileFactory.php)");
    List<String> ids = FleetSetup.ensureRegistered(dataDir, scaledScreens).stream().map(ScreenLogin::screenId).toList();
    try (ControllerProcess controller = ControllerProcess.start(dataDir, 0, Duration.ofSeconds(120), List.of())) {
      ControllerApi api = new ControllerApi(controller.httpPort());
      String media = api.uploadMedia(FleetSetup.media(), "bench.png");

      Map<String, Object> capacity = pollCapacity(api, ids, controller.pid(), 16, Duration.ofSeconds(15));
      results.put("pollCapacity", capacity);
      double neededPerSecond = (double) n / interval;
      results.put("pollsPerSecondNeededForN", Math.round(neededPerSecond * 10) / 10.0);

      Map<String, Object> scaled = scaledRun(api, ids, media, scaledInterval);
      results.put("scaledRealRun", scaled);

      double pollP99 = (Double) ((Map<?, ?>) capacity.get("latency")).get("p99Ms");
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("screens", n);
      model.put("p50Ms", Math.round(0.50 * interval * 1000 + pollP99));
      model.put("p99Ms", Math.round(0.99 * interval * 1000 + pollP99));
      model.put("timeToAllMs", Math.round(interval * 1000.0 + pollP99));
      model.put("method", "phases uniform over T: k-th percentile = k% of T + p99 latency of one poll at full load");
      results.put("fullSizeModel", model);
      results.put("comparedWithPush", compare(n, interval * 1000.0 + pollP99));
    }
    results.write();
    System.exit(0);
  }

  /** Polls as fast as {@code threads} clients can for {@code duration}: polls/s and latency. */
  private static Map<String, Object> pollCapacity(ControllerApi api, List<String> ids, long pid, int threads,
      Duration duration) throws InterruptedException {
    List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + duration.toNanos();
    double cpu0 = ProcessStats.cpuSeconds(pid);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Random random = new Random(t);
      Thread worker = new Thread(() -> {
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          api.screen(ids.get(random.nextInt(ids.size())));
          latencies.add((System.nanoTime() - start) / 1e6);
        }
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double cpu = ProcessStats.cpuSeconds(pid) - cpu0;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("clients", threads);
    figures.put("pollsPerSecond", Math.round(latencies.size() / (double) duration.toSeconds()));
    figures.put("latency", new Latencies(latencies.stream().mapToDouble(Double::doubleValue).toArray()).summary());
    figures.put("controllerCpuMsPerPoll", Math.round(cpu * 1000 / Math.max(1, latencies.size()) * 100) / 100.0);
    System.out.println("poll capacity: " + figures);
    return figures;
  }

  /** Real pollers, phases uniform over the interval; a change published; time until every poller saw it. */
  private static Map<String, Object> scaledRun(ControllerApi api, List<String> ids, String media, int intervalSeconds)
      throws InterruptedException {
    Map<String, Long> known = new ConcurrentHashMap<>();
    Map<String, Long> sawChangeNanos = new ConcurrentHashMap<>();
    AtomicInteger polls = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long[] t0 = {Long.MAX_VALUE};
    Map<String, Long> target = new ConcurrentHashMap<>();
    ScheduledExecutorService pollers = Executors.newScheduledThreadPool(32);
    Random random = new Random(7);
    long periodMs = intervalSeconds * 1000L;
    for (String id : ids) {
      pollers.scheduleAtFixedRate(() -> {
        try {
          JsonNode screen = api.screen(id);
          polls.incrementAndGet();
          long version = screen.path("publishedVersion").asLong();
          Long wanted = target.get(id);
          if (wanted != null && version >= wanted) {
            sawChangeNanos.putIfAbsent(id, System.nanoTime());
          }
          known.put(id, version);
        } catch (RuntimeException e) {
          errors.incrementAndGet();
        }
      }, (long) (random.nextDouble() * periodMs), periodMs, TimeUnit.MILLISECONDS);
    }
    // one full interval so every poller has its phase, then the change
    Thread.sleep(periodMs + 1000);
    String contentId = "poll" + Long.toString(System.currentTimeMillis() / 1000, 36);
    api.createContent(contentId, "Polling " + contentId, media, 10);
    api.schedule(contentId, ids);
    // the version each screen will be given: one above what its poller last saw
    known.forEach((id, version) -> target.put(id, version + 1));
    t0[0] = System.nanoTime();
    List<ControllerApi.Sent> sent = api.publish();
    long start = t0[0];
    long unexpected = sent.stream().filter(s -> !Long.valueOf(s.version()).equals(target.get(s.screenId()))).count();
    long deadline = start + Duration.ofSeconds(intervalSeconds * 3L + 30).toNanos();
    while (sawChangeNanos.size() < ids.size() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    pollers.shutdownNow();
    Latencies seen = new Latencies(sawChangeNanos.values().stream().mapToDouble(t -> (t - t0[0]) / 1e6).toArray());
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("screens", ids.size());
    figures.put("intervalSeconds", intervalSeconds);
    figures.put("sawTheChange", sawChangeNanos.size());
    figures.put("pollsMade", polls.get());
    figures.put("pollErrors", errors.get());
    figures.put("publishedAnotherVersionThanExpected", unexpected);
    figures.put("sawChange", seen.summary());
    figures.put("timeToAllOverInterval", Math.round(seen.max() / (intervalSeconds * 1000.0) * 1000) / 1000.0);
    System.out.println("scaled polling run: " + figures);
    return figures;
  }

  /** Polling's time-to-all over push's (median of measured rounds), from the push result file if it is there. */
  private static Object compare(int n, double pollingTimeToAllMs) {
    Path push = Path.of(System.getProperty("gatecast.results", "bench/results"), "push-" + n + ".json");
    if (!Files.exists(push)) {
      return "no " + push + " yet: run PushBench --screens " + n + " first";
    }
    try {
      ObjectNode pushed = (ObjectNode) Codec.mapper().readTree(push.toFile());
      double pushAll = pushed.path("ratios").path("controllerMedianTimeToAllAckedMs").asDouble();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("pushTimeToAllAckedMs", pushAll);
      figures.put("pollingTimeToAllMs", Math.round(pollingTimeToAllMs));
      figures.put("pollingOverPush", Math.round(pollingTimeToAllMs / pushAll * 10) / 10.0);
      return figures;
    } catch (java.io.IOException e) {
      return "cannot read " + push + ": " + e.getMessage();
    }
  }
}
