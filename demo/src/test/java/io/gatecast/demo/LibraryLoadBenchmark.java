package io.gatecast.demo;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.testkit.ApiClient;
import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures (does not assert) the content library with 1,000 items (two text variants each, vi and
 * en or zh-Hans): {@code GET /api/v1/content} whole and with a search, from Java; then in headless
 * Chromium a fresh load of {@code /console/#/content} until its first page of cards is drawn, and a
 * search submitted in the page until its one result is drawn (in-page {@code performance.now()}).
 * Not a test (no *Test name): run it with
 * <pre>mvn -q -B install -DskipTests && mvn -q -B -pl demo exec:java -Dexec.classpathScope=test \
 *   -Ddemo.main=io.gatecast.demo.LibraryLoadBenchmark</pre>
 * Results are written up in controller/CONSOLE.md.
 */
public final class LibraryLoadBenchmark {
  private static final int ITEMS = 1000;
  private static final int RUNS = 10;

  private LibraryLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("library-bench");
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dir.resolve("controller")).withPorts(0, 0),
        Clock.systemUTC()).await();
    try {
      ApiClient admin = Accounts.admin(controller.httpPort(), dir.resolve("controller"));
      for (int i = 0; i < ITEMS; i++) {
        var answer = admin.postJson("/api/v1/content", Map.of("id", "item-" + i, "title", "Thông báo số " + i,
            "variants", List.of(Map.of("language", "vi", "text", "Hành khách xuất trình hộ chiếu tại quầy " + i, "seconds", 10),
                Map.of("language", i % 2 == 0 ? "en" : "zh-Hans", "text", i % 2 == 0 ? "Passport desk " + i : "护照柜台 " + i,
                    "seconds", 10))));
        if (answer.status() != 201) {
          throw new IllegalStateException(answer.error());
        }
      }
      List<Double> all = new ArrayList<>();
      List<Double> search = new ArrayList<>();
      String query = "/api/v1/content?q=" + URLEncoder.encode("ho chieu tai quay 777", StandardCharsets.UTF_8);
      for (int i = 0; i < RUNS; i++) {
        all.add(timed(() -> check(admin.get("/api/v1/content").body().size(), ITEMS)));
        search.add(timed(() -> check(admin.get(query).body().size(), 1)));
      }
      report("GET /api/v1/content (1,000 items), ms", all);
      report("GET /api/v1/content?q=... (1 match of 1,000), ms", search);

      String password = io.gatecast.controller.auth.AdminBootstrap.readPassword(dir.resolve("controller"));
      try (ConsoleBrowser browser = new ConsoleBrowser(controller.httpPort(), dir.resolve("chromium"))) {
        browser.signIn("admin", password);
        List<Double> page = new ArrayList<>();
        List<Double> found = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          browser.driver.get(browser.baseUrl + "/console/?run=" + i + "#/content");
          Object shownAt = browser.driver.executeAsyncScript("""
              const done = arguments[arguments.length - 1];
              const check = () => document.querySelectorAll('.items article[data-item]').length >= 50
                ? done(performance.now()) : requestAnimationFrame(check);
              check();""");
          page.add(((Number) shownAt).doubleValue());
          Object searchMs = browser.driver.executeAsyncScript("""
              const done = arguments[arguments.length - 1];
              const start = performance.now();
              document.getElementById('lib-search').value = 'ho chieu tai quay 777';
              document.querySelector('form.lib-search').requestSubmit();
              const check = () => {
                const cards = document.querySelectorAll('.items article[data-item]');
                cards.length === 1 && cards[0].dataset.item === 'item-777'
                  ? done(performance.now() - start) : requestAnimationFrame(check);
              };
              check();""");
          found.add(((Number) searchMs).doubleValue());
        }
        report("library page load to the first 50 of 1,000 cards shown, ms", page);
        report("library search submitted to its 1 card shown, ms", found);
      }
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  private static void check(int got, int expected) {
    if (got != expected) {
      throw new IllegalStateException("expected " + expected + " items, got " + got);
    }
  }

  private static double timed(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static void report(String what, List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    System.out.printf("%s: runs=%d min=%.0f median=%.0f max=%.0f all=%s%n", what, sorted.size(), sorted.get(0),
        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
        samples.stream().map(d -> String.format("%.0f", d)).toList());
  }
}
