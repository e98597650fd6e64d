package io.gatecast.demo;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.testkit.ApiClient;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures (does not assert) how long the console's fleet board takes to show 1,000 screens on
 * loopback: a controller with 10 gates of 100 registered screens, headless Chromium signed in, then
 * for each run a fresh page load of {@code /console/#/fleet} until all 1,000 rows are in the DOM
 * (in-page {@code performance.now()}, which counts from the start of navigation). Also times
 * {@code GET /api/v1/screens} alone. Not a test (no *Test name): run it with
 * <pre>mvn -q -B install -DskipTests && mvn -q -B -pl demo exec:java -Dexec.classpathScope=test \
 *   -Ddemo.main=io.gatecast.demo.ConsoleLoadBenchmark</pre>
 * Results are written up in controller/CONSOLE.md.
 */
public final class ConsoleLoadBenchmark {
  private static final int GATES = 10;
  private static final int SCREENS_PER_GATE = 100;
  private static final int RUNS = 10;

  private ConsoleLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("console-bench");
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dir.resolve("controller")).withPorts(0, 0),
        Clock.systemUTC()).await();
    try {
      ApiClient admin = Accounts.admin(controller.httpPort(), dir.resolve("controller"));
      long setupStart = System.nanoTime();
      for (int g = 0; g < GATES; g++) {
        admin.postJson("/api/v1/clusters", Map.of("id", "gate-" + g, "name", "Cửa khẩu " + g, "province", "Lào Cai",
            "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans", "en")));
        for (int s = 0; s < SCREENS_PER_GATE; s++) {
          var answer = admin.postJson("/api/v1/screens", Map.of("id", "g" + g + "-s" + s,
              "name", "Màn hình " + s + " · cửa khẩu " + g, "clusterId", "gate-" + g));
          if (answer.status() != 201) {
            throw new IllegalStateException(answer.error());
          }
        }
      }
      System.out.printf("registered %d screens in %d ms%n", GATES * SCREENS_PER_GATE,
          (System.nanoTime() - setupStart) / 1_000_000);

      List<Double> api = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        int count = admin.get("/api/v1/screens").body().size();
        api.add((System.nanoTime() - start) / 1e6);
        if (count != GATES * SCREENS_PER_GATE) {
          throw new IllegalStateException("expected every screen, got " + count);
        }
      }
      report("GET /api/v1/screens (1,000 screens), ms", api);

      String password = io.gatecast.controller.auth.AdminBootstrap.readPassword(dir.resolve("controller"));
      try (ConsoleBrowser browser = new ConsoleBrowser(controller.httpPort(), dir.resolve("chromium"))) {
        browser.signIn("admin", password);
        List<Double> page = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          browser.driver.get(browser.baseUrl + "/console/?run=" + i + "#/fleet");
          Object shownAt = browser.driver.executeAsyncScript("""
              const done = arguments[arguments.length - 1];
              const check = () => document.querySelectorAll('tr[data-screen]').length >= %d
                ? done(performance.now()) : requestAnimationFrame(check);
              check();""".formatted(GATES * SCREENS_PER_GATE));
          page.add(((Number) shownAt).doubleValue());
        }
        report("fleet board page load to 1,000 rows shown, ms", page);
      }
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  private static void report(String what, List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    System.out.printf("%s: runs=%d min=%.0f median=%.0f max=%.0f all=%s%n", what, sorted.size(), sorted.get(0),
        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
        samples.stream().map(d -> String.format("%.0f", d)).toList());
  }
}
