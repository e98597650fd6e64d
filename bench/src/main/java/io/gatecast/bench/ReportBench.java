package io.gatecast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.bench.harness.Args;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.ControllerProcess;
import io.gatecast.bench.harness.FleetSetup;
import io.gatecast.bench.harness.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a gate's year of proof of play costs (DOMAIN.md: the year's results are reported before 5 December):
 * how large the plays are on disk, how long the gate's year-end report takes, and how long an urgent alert
 * posted meanwhile takes to be answered, beside the same alert with no report running. {@code --read screens}
 * asks for the console's list of every screen instead of the year-end (a fleet of {@code --screens}, with
 * {@code --days 0}: no plays).
 *
 * <p>The plays are written straight into the controller's SQLite file (stopped), as its ingest stores them:
 * one row a play, {@code --plays-per-day} a screen spread over 07:00–23:00 of each of the {@code --days} days up
 * to yesterday (Asia/Ho_Chi_Minh), 20 items, 3 campaigns and 4 languages. Then the controller is started on
 * the file; each round asks for the year-end (the JSON) and, {@code --alert-after-ms} after the request,
 * posts an alert to the gate: the alert's answer is the controller recording and sending it.
 */
public final class ReportBench {
  private ReportBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.of("screens", "20", "days", "365", "plays-per-day", "2000", "rounds", "3",
        "alert-after-ms", "200", "data-dir", "", "read", "year-end"));
    int screens = args.integer("screens");
    int days = args.integer("days");
    int perDay = args.integer("plays-per-day");
    int rounds = args.integer("rounds");
    long alertAfterMs = args.integer("alert-after-ms");
    boolean yearEnd = switch (args.get("read")) {
      case "year-end" -> true;
      case "screens" -> false;
      default -> throw new IllegalArgumentException("--read is year-end or screens, not " + args.get("read"));
    };
    Path dataDir = Path.of(args.get("data-dir").isEmpty()
        ? "bench/target/report-" + screens + "-" + days + "-" + perDay : args.get("data-dir"));
    Results results = new Results((yearEnd ? "report-" : "screen-list-") + screens + "-screens-" + days + "-days-"
        + perDay + "-plays", "bench/run ReportBench --screens " + screens + " --days " + days + " --plays-per-day "
        + perDay + " --rounds " + rounds + " --alert-after-ms " + alertAfterMs + " --read " + args.get("read"));
    List<String> ids = FleetSetup.ensureRegistered(dataDir, screens).stream().map(ScreenLogin::screenId).toList();
    Path file = dataDir.resolve("gatecast.db");
    long plays = ensurePlays(file, ids, days, perDay);
    results.put("plays", plays);
    results.put("databaseBytes", Files.size(file));
    results.put("bytesPerPlay", Files.size(file) / Math.max(1, plays));
    System.out.printf("%,d plays, database %,d bytes%n", plays, Files.size(file));
    int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).getYear();
    try (ControllerProcess controller = ControllerProcess.start(dataDir, 0, Duration.ofSeconds(120), List.of())) {
      ControllerApi api = new ControllerApi(controller.httpPort());
      List<Map<String, Object>> measured = new ArrayList<>();
      for (int r = 0; r <= rounds; r++) { // round 0 warms the JIT and the page cache
        long alone = alertMs(api);
        long start = System.nanoTime();
        CompletableFuture<JsonNode> report = CompletableFuture.supplyAsync(() -> yearEnd
            ? api.yearEnd(ScreenLogin.DEFAULT_GATE, year) : api.screens());
        Thread.sleep(alertAfterMs); // a method step, not a synchronisation: the report is under way by then
        long during = alertMs(api);
        JsonNode answer = report.join();
        long readMs = (System.nanoTime() - start) / 1_000_000;
        long counted = yearEnd ? answer.path("totalPlays").asLong() : answer.size();
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("warmUp", r == 0);
        round.put(yearEnd ? "yearEndMs" : "screenListMs", readMs);
        round.put(yearEnd ? "yearEndPlays" : "screensListed", counted);
        round.put("alertAloneMs", alone);
        round.put("alertDuringReportMs", during);
        measured.add(round);
        System.out.printf("round %d: %s %d ms (%,d); alert alone %d ms, during the read %d ms%n", r,
            args.get("read"), readMs, counted, alone, during);
      }
      results.put("rounds", measured);
    }
    results.write();
    System.exit(0);
  }

  /** Posts an alert to the bench gate and clears it; how long the post took to be answered, in ms. */
  private static long alertMs(ControllerApi api) {
    long start = System.nanoTime();
    JsonNode alert = api.postAlert(List.of(ScreenLogin.DEFAULT_GATE), Map.of("vi", "Cửa khẩu tạm đóng", "en",
        "Gate closed for now"), Instant.now().plus(Duration.ofHours(1))).orElseThrow();
    long ms = (System.nanoTime() - start) / 1_000_000;
    api.clearAlert(alert.path("alert").path("id").asText());
    return ms;
  }

  /** The plays of {@code screens} in the file, written first when there are none. */
  private static long ensurePlays(Path file, List<String> screens, int days, int perDay) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      long stored = count(c);
      if (stored > 0) {
        return stored;
      }
      c.setAutoCommit(false);
      ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
      LocalDate first = LocalDate.now(zone).minusDays(days);
      long written = 0;
      long start = System.nanoTime();
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO plays (screen_id, play_id, cluster_id, item_id,"
          + " campaign_id, language, started_ms, ended_ms, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        String[] languages = {"vi", "zh-Hans", "en", "lo"};
        for (int d = 0; d < days; d++) {
          LocalDate day = first.plusDays(d);
          long open = day.atTime(7, 0).atZone(zone).toInstant().toEpochMilli();
          long step = Duration.ofHours(16).toMillis() / perDay; // one after the other through the day
          String received = day.atTime(23, 30).atZone(zone).toInstant().toString();
          for (String screen : screens) {
            for (int p = 0; p < perDay; p++) {
              long started = open + p * step;
              insert.setString(1, screen);
              insert.setString(2, screen + "-" + d + "-" + p);
              insert.setString(3, ScreenLogin.DEFAULT_GATE);
              insert.setString(4, "item-" + (p % 20));
              insert.setString(5, p % 4 == 3 ? null : "campaign-" + (p % 3));
              insert.setString(6, languages[p % languages.length]);
              insert.setLong(7, started);
              insert.setLong(8, started + step - 500);
              insert.setString(9, received);
              insert.addBatch();
            }
            insert.executeBatch();
            written += perDay;
          }
          c.commit();
        }
      }
      System.out.printf("wrote %,d plays in %.1f s%n", written, (System.nanoTime() - start) / 1e9);
      try (Statement checkpoint = c.createStatement()) {
        c.setAutoCommit(true);
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      return count(c);
    }
  }

  private static long count(Connection c) throws Exception {
    try (Statement select = c.createStatement(); ResultSet rows = select.executeQuery("SELECT count(*) FROM plays")) {
      return rows.getLong(1);
    }
  }
}
