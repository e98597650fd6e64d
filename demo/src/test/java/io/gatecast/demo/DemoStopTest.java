package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.testkit.Chromium;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.JavaProcess;
import io.gatecast.testkit.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo stopped as a person stops it, Ctrl-C in its terminal: the signal reaches the demo's JVM and
 * the kiosk browsers it started at once, as systemd's stop does on a kiosk. Everything ends, and
 * quietly: the agent ends before the broker it is connected to, and a browser that ended with the
 * demo is not started again.
 */
@IntegrationTest
class DemoStopTest {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  /** The demo's own number: they end one after another, the last of them long after the first. */
  private static final int AGENTS = 3;

  @TempDir Path tmp;

  @Test
  void ctrlCEndsTheDemoItsAgentsAndTheirBrowsersWithoutAWarning() throws Exception {
    Chromium.requireInstalled();
    Path log = tmp.resolve("demo.log");
    try (JavaProcess demo = JavaProcess.startInOwnGroup(List.of("-Xmx256m"), DemoMain.class.getName(),
        args(tmp.resolve("data")), log)) {
      // Running in full: the console announced, every agent subscribed to its broker and its browser up.
      await().atMost(DEADLINE).until(() -> {
        String out = read(log);
        return out.contains("GateCast console:") && count(out, "subscribed to gatecast/v1/clusters/kim-thanh/alert") == AGENTS
            && count(out, "kiosk browser DevTools on port") == AGENTS;
      });
      List<ProcessHandle> started = ProcessHandle.of(demo.pid()).orElseThrow().descendants().toList();
      assertThat(started).as("the kiosk browser's processes").isNotEmpty();
      long linesBefore = read(log).lines().count();

      assertThat(demo.stopGroup(DEADLINE.toSeconds())).as("the demo ended").isTrue();

      for (ProcessHandle process : started) {
        process.onExit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      }
      List<String> stopping = read(log).lines().skip(linesBefore).toList();
      assertThat(stopping).as("what the demo logged as it stopped")
          .filteredOn(line -> line.matches(".*agent kim-thanh-hall-\\d stopped.*")).hasSize(AGENTS);
      assertThat(stopping).as("what the demo logged as it stopped")
          .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception"));
    }
  }

  /**
   * Ctrl-C while the demo is still starting: as the controller's broker comes up (the demo then seeds its
   * content through the API), or once its first kiosk browser runs (the others still starting). Whatever
   * the demo was doing, it ends with nothing of it left running: no agent or browser started after the
   * signal outlives it, and it says so instead of printing a stack trace.
   */
  @ParameterizedTest
  @ValueSource(strings = {"broker started in", "kiosk browser DevTools on port"})
  void ctrlCWhileTheDemoStartsLeavesNothingRunning(String stopAt) throws Exception {
    Chromium.requireInstalled();
    Path log = tmp.resolve("demo.log");
    Path data = tmp.resolve("data");
    try (JavaProcess demo = JavaProcess.startInOwnGroup(List.of("-Xmx256m"), DemoMain.class.getName(), args(data), log)) {
      await().atMost(DEADLINE).until(() -> read(log).contains(stopAt));

      assertThat(demo.stopGroup(DEADLINE.toSeconds())).as("the demo ended").isTrue();

      // A browser started after the signal is not in the group the signal reached; it would live on.
      await().atMost(DEADLINE).untilAsserted(() -> assertThat(ProcessHandle.allProcesses()
          .filter(process -> process.info().commandLine().orElse("").contains(data.toString())))
          .as("processes of the demo's data folder").isEmpty());
      assertThat(read(log)).as("what the demo wrote").doesNotContain("Exception").doesNotContain(" ERROR ");
    }
  }

  private static List<String> args(Path data) throws IOException {
    return List.of("--data-dir", data.toString(),
        "--http-port", Integer.toString(Ports.free()), "--broker-port", Integer.toString(Ports.free()),
        "--first-page-port", Integer.toString(Ports.freeRun(AGENTS)), "--agents", Integer.toString(AGENTS),
        "--kiosk-browser", Chromium.BINARY);
  }

  private static long count(String text, String part) {
    return text.lines().filter(line -> line.contains(part)).count();
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
