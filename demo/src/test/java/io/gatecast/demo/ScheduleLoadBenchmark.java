package io.gatecast.demo;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.testkit.ApiClient;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures (does not assert) the schedule section with 1,000 screens on loopback: 10 gates of 100
 * screens, a campaign per gate (06:00–22:00 daily), one on every gate on weekday evenings at a
 * higher priority, and on gate 0 one campaign per screen (Monday 07:00–08:00, priority 10), so
 * gate 0's 100 screens have 100 different timelines — the calendar's worst case. Times
 * {@code GET /api/v1/calendar} for gate 0 (week and month), {@code GET /api/v1/publish/checks}
 * (all 1,000 screens), and in headless Chromium a fresh load of {@code #/schedule/cluster:gate-0}
 * until the week's blocks are drawn. Not a test: run it with
 * <pre>mvn -q -B install -DskipTests && mvn -q -B -pl demo exec:java -Dexec.classpathScope=test \
 *   -Ddemo.main=io.gatecast.demo.ScheduleLoadBenchmark</pre>
 * Results are written up in controller/CONSOLE.md.
 */
public final class ScheduleLoadBenchmark {
  private static final int GATES = 10;
  private static final int SCREENS_PER_GATE = 100;
  private static final int RUNS = 10;
  private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

  private ScheduleLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("schedule-bench");
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dir.resolve("controller")).withPorts(0, 0),
        Clock.systemUTC()).await();
    try {
      ApiClient admin = Accounts.admin(controller.httpPort(), dir.resolve("controller"));
      LocalDate monday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      String start = monday.minusWeeks(2) + "T00:00";
      String end = monday.plusWeeks(10) + "T00:00";
      check(admin.postJson("/api/v1/content", Map.of("id", "welcome", "title", "Chào mừng",
          "variants", List.of(Map.of("language", "vi", "text", "Chào mừng", "seconds", 10)))));
      Accounts.approve(admin, controller.httpPort(), "welcome");
      check(admin.postJson("/api/v1/playlists", Map.of("id", "pl", "entries", List.of(Map.of("contentId", "welcome")))));
      List<String> gates = new ArrayList<>();
      for (int g = 0; g < GATES; g++) {
        gates.add("gate-" + g);
        check(admin.postJson("/api/v1/clusters", Map.of("id", "gate-" + g, "name", "Cửa khẩu " + g, "province", "Lào Cai",
            "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans", "en"))));
        for (int s = 0; s < SCREENS_PER_GATE; s++) {
          check(admin.postJson("/api/v1/screens", Map.of("id", "g" + g + "-s" + s, "clusterId", "gate-" + g)));
        }
        check(campaign(admin, "day-" + g, Map.of("clusters", List.of("gate-" + g)), start, end,
            List.of(Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "start", "06:00", "end", "22:00")), 0));
      }
      check(campaign(admin, "evening", Map.of("clusters", gates), start, end,
          List.of(Map.of("days", WEEKDAYS, "start", "18:00", "end", "20:00")), 5));
      for (int s = 0; s < SCREENS_PER_GATE; s++) {
        check(campaign(admin, "screen-" + s, Map.of("screens", List.of("g0-s" + s)), start, end,
            List.of(Map.of("days", List.of("MONDAY"), "start", "07:00", "end", "08:00")), 10));
      }

      String week = "/api/v1/calendar?cluster=gate-0&from=" + monday + "&to=" + monday.plusDays(7);
      String month = "/api/v1/calendar?cluster=gate-0&from=" + monday + "&to=" + monday.plusDays(42);
      report("GET calendar, gate of 100 screens with 100 timelines, one week, ms", time(admin, week));
      report("GET calendar, same gate, six weeks (month view), ms", time(admin, month));
      report("GET publish/checks, 1,000 screens, ms", time(admin, "/api/v1/publish/checks"));

      String password = io.gatecast.controller.auth.AdminBootstrap.readPassword(dir.resolve("controller"));
      try (ConsoleBrowser browser = new ConsoleBrowser(controller.httpPort(), dir.resolve("chromium"))) {
        browser.signIn("admin", password);
        List<Double> page = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          browser.driver.get(browser.baseUrl + "/console/?run=" + i + "#/schedule/cluster:gate-0");
          Object shownAt = browser.driver.executeAsyncScript("""
              const done = arguments[arguments.length - 1];
              const check = () => document.querySelectorAll('.cal-block[data-sources="evening"]').length >= 5
                  && document.querySelectorAll('tr[data-campaign]').length >= %d
                ? done(performance.now()) : requestAnimationFrame(check);
              check();""".formatted(GATES + 1 + SCREENS_PER_GATE));
          page.add(((Number) shownAt).doubleValue());
        }
        report("schedule page load to week drawn and campaign list shown, ms", page);
      }
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  private static ApiClient.Answer campaign(ApiClient admin, String id, Map<String, Object> targets, String start,
      String end, List<Object> dayparts, int priority) {
    return admin.postJson("/api/v1/campaigns", Map.of("id", id, "playlistId", "pl", "targets", targets,
        "start", start, "end", end, "dayparts", dayparts, "priority", priority));
  }

  private static List<Double> time(ApiClient admin, String path) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      ApiClient.Answer answer = admin.get(path);
      out.add((System.nanoTime() - t0) / 1e6);
      if (answer.status() != 200) {
        throw new IllegalStateException(path + ": " + answer.error());
      }
    }
    return out;
  }

  private static void check(ApiClient.Answer answer) {
    if (answer.status() != 201) {
      throw new IllegalStateException(answer.error());
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
