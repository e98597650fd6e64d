package io.gatecast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.bench.fleet.SimulatedFleet;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.DirectPublisher;
import io.gatecast.bench.harness.InProcessController;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.signing.ControllerKeys;
import io.gatecast.testkit.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AlertBench's pairs against a real controller (embedded broker, SQLite, signing) and 100 screens in two
 * gates: correctness only, never timing. An alert through the controller, one published straight to the
 * same broker with a clock version, and the controller's next alert after the screens forgot the clock
 * version: every screen shows each, the controller's alert is cleared at every screen after its round
 * (so its next message again carries one alert), and no screen refuses anything.
 */
@IntegrationTest
class AlertRoundsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void theControllersAlertsAndTheFloorsAlternateOnOneBrokerAndEveryScreenShowsEach() {
    try (InProcessController controller = new InProcessController(dir)) {
      ControllerApi api = new ControllerApi(controller.httpPort());
      List<String> gates = List.of("g00", "g01");
      gates.forEach(api::createGate);
      Map<String, String> gateOfScreen = new LinkedHashMap<>();
      IntStream.range(0, 100).forEach(i -> gateOfScreen.put(String.format("pair-%03d", i), gates.get(i % 2)));
      List<ScreenLogin> logins = api.registerScreens(gateOfScreen);
      List<String> ids = List.copyOf(gateOfScreen.keySet());
      try (SimulatedFleet fleet = new SimulatedFleet(logins, api.signingKey(),
          new SimulatedFleet.Options(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, false));
          DirectPublisher publisher = new DirectPublisher(controller.brokerHost(), controller.brokerPort(),
              ControllerCredentials.loadOrCreate(dir), 200, false)) {
        assertThat(fleet.connectAll(controller.brokerHost(), controller.brokerPort(), 50, PATIENCE)).isEqualTo(100);
        AlertRounds rounds = new AlertRounds(fleet, ids, gates, 0, PATIENCE);
        long self = ProcessHandle.current().pid();
        Map<String, Long> pids = Map.of("controller", self, "benchAndScreens", self);

        Map<String, Object> first = rounds.throughController(api, pids, false).orElseThrow();
        assertThat(first).containsEntry("allShown", true).containsEntry("clearedAtEveryScreen", true);
        Map<String, Object> direct = rounds.direct(publisher, ControllerKeys.loadOrCreate(dir.resolve("keys")).signer(),
            pids, false, 0);
        assertThat(direct).containsEntry("allShown", true).containsEntry("pubacked", true);
        fleet.forgetAlerts(); // the floor's clock version is above any the controller will give
        Map<String, Object> second = rounds.throughController(api, pids, false).orElseThrow();
        assertThat(second).containsEntry("allShown", true).containsEntry("clearedAtEveryScreen", true);
        assertThat(fleet.rejectionCount()).as("refused: %s", fleet.rejections()).isZero();
      }
    }
  }
}
