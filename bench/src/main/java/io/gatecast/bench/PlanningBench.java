package io.gatecast.bench;

import io.gatecast.bench.harness.Args;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.ControllerProcess;
import io.gatecast.bench.harness.FleetSetup;
import io.gatecast.bench.harness.ProcessStats;
import io.gatecast.bench.harness.Results;
import io.gatecast.bench.fleet.ScreenLogin;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the controller takes to plan a publish that changes nothing, at N screens: every screen
 * read, its rules built (once a profile) and compared with what it was last sent, nothing signed,
 * recorded or sent. It is the floor of any publish that must look at the whole fleet before it can
 * send one message a gate (issue 21, docs/proposals/cluster-schedules.md): a gate's schedule needs
 * every profile of the gate. Measured from the controller's own timestamps (the publish's
 * requestedAt and finishedAt in its rollout view), with its own CPU over the round; no screens
 * connected (they would add only their heartbeats).
 */
public final class PlanningBench {
  private PlanningBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.of("screens", "10000", "rounds", "5", "data-dir", "", "controller-jvm", ""));
    int n = args.integer("screens");
    int rounds = args.integer("rounds");
    Path dataDir = Path.of(args.get("data-dir").isEmpty() ? "bench/target/fleet-" + n : args.get("data-dir"));
    Results results = new Results("planning-" + n, "bench/run PlanningBench --screens " + n + " --rounds " + rounds);
    List<String> ids = FleetSetup.ensureRegistered(dataDir, n).stream().map(ScreenLogin::screenId).toList();
    // --controller-jvm: extra flags for the controller's JVM, space-separated (e.g. a JFR recording to profile it).
    try (ControllerProcess controller = ControllerProcess.start(dataDir, 0, Duration.ofSeconds(120),
        args.words("controller-jvm"))) {
      ControllerApi api = new ControllerApi(controller.httpPort());
      String media = api.uploadMedia(FleetSetup.media(), "bench.png");
      String contentId = "plan-" + Long.toString(System.currentTimeMillis() / 1000, 36);
      api.createContent(contentId, "Planning " + contentId, media, 10);
      api.schedule(contentId, ids);
      int changed = api.publish().size(); // every screen changes once: the rounds after change nothing
      results.put("firstPublishSent", changed);
      List<Map<String, Object>> measured = new ArrayList<>();
      for (int r = 0; r <= rounds; r++) { // round 0 warms the JIT on the planning path
        double cpu0 = ProcessStats.cpuSeconds(controller.pid());
        long publishId = api.startPublish();
        int sent = api.sent(publishId).size();
        double cpu = ProcessStats.cpuSeconds(controller.pid()) - cpu0;
        JsonNode view = api.publishView(publishId);
        long ms = Duration.between(Instant.parse(view.path("requestedAt").asText()),
            Instant.parse(view.path("finishedAt").asText())).toMillis();
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("warmUp", r == 0);
        round.put("sent", sent);
        round.put("requestedToFinishedMs", ms);
        round.put("controllerCpuSeconds", Math.round(cpu * 1000) / 1000.0);
        measured.add(round);
        System.out.printf("round %d: %d sent, %d ms from requested to finished, %.3f s controller CPU%n", r, sent, ms, cpu);
      }
      results.put("rounds", measured);
    }
    results.write();
    System.exit(0);
  }
}
