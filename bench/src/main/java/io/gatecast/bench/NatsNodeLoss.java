package io.gatecast.bench;

import io.gatecast.bench.fleet.FleetListener;
import io.gatecast.bench.fleet.Latencies;
import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.bench.fleet.SimulatedFleet;
import io.gatecast.bench.fleet.SimulatedScreen;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.ControllerDb;
import io.gatecast.bench.harness.ControllerProcess;
import io.gatecast.controller.Main;
import io.gatecast.testkit.Nats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The NATS half of {@code ReconnectBench --brokers nats3} (see there): the fleet spread over three
 * nodes, a publish, then one node killed and its screens followed until they are back and in sync.
 */
final class NatsNodeLoss {
  private NatsNodeLoss() {}

  /**
   * Three nats-server nodes (the test kit's, from docs/nats/node.conf) holding the logins and rights
   * of {@code controller export-nats} for the screens registered in the controller's data folder.
   */
  private static Nats startNats(Path controllerData, Path dir) throws java.io.IOException {
    Files.createDirectories(dir);
    int code = new picocli.CommandLine(new Main()).execute("export-nats", "--data-dir", controllerData.toString(),
        "--out", dir.toString());
    if (code != 0) {
      throw new IllegalStateException("export-nats failed with " + code);
    }
    return Nats.cluster(dir, 3);
  }

  static Map<String, Object> run(Path dataDir, List<ScreenLogin> logins, int window, Duration timeout)
      throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> ids = logins.stream().map(ScreenLogin::screenId).toList();
    try (Nats nats = startNats(dataDir, dataDir.resolve("nats-" + System.currentTimeMillis()));
        ControllerProcess controller = ControllerProcess.start(dataDir, nats.urls(), Duration.ofSeconds(120), List.of());
        ControllerDb db = new ControllerDb(dataDir)) {
      ControllerApi api = new ControllerApi(controller.httpPort());
      String media = api.uploadMedia(io.gatecast.bench.harness.FleetSetup.media(), "bench.png");
      try (SimulatedFleet fleet = new SimulatedFleet(logins, api.signingKey(), SimulatedFleet.Options.realistic())) {
        long connectStart = System.nanoTime();
        out.put("connectedBefore", fleet.connectSpread("127.0.0.1", nats.mqttPorts(), window, timeout));
        out.put("initialConnectSeconds", Math.round((System.nanoTime() - connectStart) / 1e8) / 10.0);
        fleet.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(3));

        System.out.printf("NATS: %s of %d screens connected in %s s%n", out.get("connectedBefore"), ids.size(),
            out.get("initialConnectSeconds"));
        Map<String, Long> published;
        try {
          published = ReconnectBench.publishToAll(api, fleet, media, ids, "nats", timeout, out::put);
        } catch (IllegalStateException notSent) {
          // The cluster did not take the push in time (seen at 1,000 screens on two shared cores):
          // keep what was measured up to here, and why it stopped, rather than no result file.
          out.put("stoppedAt", notSent.getMessage());
          out.put("connectAttempts", fleet.screens().stream().mapToLong(SimulatedScreen::connects).sum());
          out.put("subscriptionsRefused",
              fleet.screens().stream().mapToLong(SimulatedScreen::refusedSubscriptions).sum());
          return out;
        }

        // Node 2 dies (the controller is on node 1, the first of its list).
        int killedPort = nats.mqttPorts()[1];
        List<SimulatedScreen> victims = fleet.on(killedPort);
        Set<String> victimIds = victims.stream().map(SimulatedScreen::id).collect(Collectors.toSet());
        Map<String, Long> heartbeatsBefore = new HashMap<>();
        Map<String, Long> backAtScreen = new ConcurrentHashMap<>();
        fleet.watch(new FleetListener() {
          @Override
          public void connected(String screenId, long nanos) {
            if (victimIds.contains(screenId)) {
              backAtScreen.putIfAbsent(screenId, nanos);
            }
          }
        });
        long t0 = System.nanoTime();
        nats.node(2).kill();
        victims.forEach(s -> heartbeatsBefore.put(s.id(), s.heartbeatsSent()));
        Map<String, Long> backAtController = new ConcurrentHashMap<>();
        boolean all = SimulatedFleet.awaitUntil(() -> {
          Map<String, ControllerDb.ScreenRow> rows = db.screens();
          long now = System.nanoTime();
          for (SimulatedScreen screen : victims) {
            if (!backAtController.containsKey(screen.id()) && ReconnectBench.backOnline(rows.get(screen.id()),
                heartbeatsBefore.get(screen.id()), published.get(screen.id()))) {
              backAtController.put(screen.id(), now);
            }
          }
          return backAtController.size() == victims.size();
        }, t0 + timeout.toNanos());
        Latencies atScreens = new Latencies(backAtScreen.values().stream().mapToDouble(t -> (t - t0) / 1e6).toArray());
        Latencies atController = new Latencies(backAtController.values().stream().mapToDouble(t -> (t - t0) / 1e6)
            .toArray());
        Map<String, Object> loss = new LinkedHashMap<>();
        loss.put("screensOnKilledNode", victims.size());
        loss.put("allBackInTime", all);
        loss.put("reconnectedAtScreens", atScreens.summary());
        loss.put("backOnlineAndInSyncAtController", atController.summary());
        loss.put("timeToAllBackAtScreensSeconds", Math.round(atScreens.max() / 100) / 10.0);
        loss.put("timeToAllOnlineAndInSyncAtControllerSeconds", Math.round(atController.max() / 100) / 10.0);
        loss.put("connectAttempts", fleet.screens().stream().mapToLong(SimulatedScreen::connects).sum());
        loss.put("rejectedByScreens", fleet.rejectionCount());
        loss.put("subscriptionsRefused", fleet.screens().stream().mapToLong(SimulatedScreen::refusedSubscriptions).sum());
        out.put("nodeLoss", loss);
      }
    }
    return out;
  }
}
