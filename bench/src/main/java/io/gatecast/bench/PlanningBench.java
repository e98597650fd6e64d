package io.gatecast.bench;

import io.gatecast.bench.harness.Args;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.ControllerDb;
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
 *
 * <p>{@code --placements true}: the fleet is marked as playing placements before the controller starts, as their
 * agents' heartbeats would have it (issue 21): the first publish places every screen, a later one sends one schedule
 * a gate. {@code --change own-playlist}: each round first adds a new item to every screen's own playlist, a setup
 * change of every screen, so the round measures what such a publish costs before its gates' schedules can leave
 * (PushBench's {@code --change own-playlist} round without the screens). {@code --planned-ahead true}: each such round
 * is published once the controller has planned the change ahead (its metric), as an operator publishes a setup
 * change some seconds after saving it; how long that took is kept with the round.
 */
public final class PlanningBench {
  private PlanningBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.of("screens", "10000", "rounds", "5", "data-dir", "", "controller-jvm", "",
        "placements", "false", "change", "none", "warm-ups", "1", "planned-ahead", "false"));
    int n = args.integer("screens");
    int rounds = args.integer("rounds");
    int warmUps = args.integer("warm-ups"); // rounds before the measured ones, to let the JIT compile the planning path
    Path dataDir = Path.of(args.get("data-dir").isEmpty() ? "bench/target/fleet-" + n : args.get("data-dir"));
    boolean placements = Boolean.parseBoolean(args.get("placements"));
    if (!List.of("none", "own-playlist").contains(args.get("change"))) {
      throw new IllegalArgumentException("--change is none or own-playlist, not " + args.get("change"));
    }
    boolean ownPlaylist = args.get("change").equals("own-playlist");
    boolean plannedAhead = Boolean.parseBoolean(args.get("planned-ahead"));
    if (plannedAhead && !ownPlaylist) {
      throw new IllegalArgumentException("--planned-ahead true needs a setup change: --change own-playlist");
    }
    Results results = new Results("planning-" + n + (placements ? "-placements" : "") + (ownPlaylist ? "-own-playlist" : "")
        + (plannedAhead ? "-planned-ahead" : ""),
        "bench/run PlanningBench --screens " + n + " --rounds " + rounds + (placements ? " --placements true" : "")
        + (ownPlaylist ? " --change own-playlist" : "") + (warmUps == 1 ? "" : " --warm-ups " + warmUps)
        + (plannedAhead ? " --planned-ahead true" : "")
        + (args.get("data-dir").isEmpty() ? "" : " --data-dir <a copy of the fleet's folder>"));
    List<String> ids = FleetSetup.ensureRegistered(dataDir, n).stream().map(ScreenLogin::screenId).toList();
    if (placements) {
      ControllerDb.markPlayingPlacements(dataDir);
    }
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
      for (int r = 1 - warmUps; r <= rounds; r++) { // rounds up to 0 warm the JIT on the planning path
        Duration ahead = null;
        if (ownPlaylist) {
          String item = contentId + "-" + r;
          api.createContent(item, "Planning " + item, media, 10);
          double plannedBefore = plannedAhead // a controller before the count has none
              ? ControllerApi.counter(controller.httpPort(), ControllerApi.PROFILES_PLANNED_AHEAD) : 0;
          api.schedule(item, ids);
          if (plannedAhead) {
            ahead = api.awaitProfilesPlannedAhead(plannedBefore, Duration.ofSeconds(60));
          }
        }
        double cpu0 = ProcessStats.cpuSeconds(controller.pid());
        long publishId = api.startPublish();
        int sent = api.sent(publishId).size();
        double cpu = ProcessStats.cpuSeconds(controller.pid()) - cpu0;
        JsonNode view = api.publishView(publishId);
        long ms = Duration.between(Instant.parse(view.path("requestedAt").asText()),
            Instant.parse(view.path("finishedAt").asText())).toMillis();
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("warmUp", r <= 0);
        round.put("sent", sent);
        round.put("requestedToFinishedMs", ms);
        round.put("controllerCpuSeconds", Math.round(cpu * 1000) / 1000.0);
        if (ahead != null) {
          round.put("changeToPlannedAheadMs", ahead.toMillis());
        }
        measured.add(round);
        System.out.printf("round %d: %d sent, %d ms from requested to finished, %.3f s controller CPU%s%n", r, sent, ms, cpu,
            ahead == null ? "" : ", planned ahead " + ahead.toMillis() + " ms after the change");
      }
      results.put("rounds", measured);
    }
    results.write();
    System.exit(0);
  }
}
