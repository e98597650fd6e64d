package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.protocol.PlayBatch.Play;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof of play from protocol-speaking agents: a batch resent is stored once, and every report —
 * by campaign, item, language, screen, cluster and local day, as JSON and as CSV read back, and the
 * year-end summary — adds up to exactly the plays that were sent.
 */
@IntegrationTest
class ProofOfPlayTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String PERIOD = "from=2026-03-14T00:00:00Z&to=2026-03-17T00:00:00Z";
  private static final String NEWS_TITLE = "Tin tức, \"Biên giới\" · 边境";

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  // The Hanoi day of each play is in the comment (UTC+7).
  static final Play P1 = play("a-1", "pp-news", "election", "vi", "2026-03-15T16:59:50Z", 10); // 03-15
  static final Play P2 = play("a-2", "pp-news", "election", "zh-Hans", "2026-03-15T17:00:00Z", 10); // 03-16 00:00
  static final Play P3 = play("a-3", "pp-border", null, "vi", "2026-03-15T17:00:10Z", 20); // 03-16
  static final Play P4 = play("b-1", "pp-news", "election", "en", "2026-03-15T18:00:00Z", 15); // 03-16
  static final Play P5 = play("b-2", "pp-border", null, "vi", "2026-03-14T01:00:00Z", 20); // 03-14
  static final Play P6 = play("a-4", "pp-border", null, "lo", "2026-03-16T02:00:00Z", 5); // 03-16

  /** Two agents send their plays, some batches several times over. */
  @BeforeAll
  static void agentsSendTheirPlays() throws Exception {
    String passwordA = register("pp-a");
    String passwordB = register("pp-b");
    byte[] slide = "<svg xmlns='http://www.w3.org/2000/svg'><text>pp</text></svg>".getBytes(StandardCharsets.UTF_8);
    String sha = ApiBadInputTest.sha256(slide);
    RUNNING.api().upload(slide, "image/svg+xml", sha);
    assertThat(RUNNING.api().postJson("/api/v1/content", Map.of("id", "pp-news", "title", NEWS_TITLE, "mediaSha256", sha,
        "durationSeconds", 10)).status()).isEqualTo(201);
    RUNNING.approve("pp-news");

    try (FakeAgent a = new FakeAgent(broker(), "pp-a", passwordA); FakeAgent b = new FakeAgent(broker(), "pp-b", passwordB)) {
      // The same batch three times (an agent resending after reconnects), then one mixing an old play with a new one.
      for (int i = 0; i < 3; i++) {
        a.plays(List.of(P1, P2, P3));
      }
      a.plays(List.of(P3, P6));
      b.plays(List.of(P5));
      b.plays(List.of(P5, P4));
      // The last batch sent is handled after the others (one connection, one database thread): once it is in, all are.
      await().atMost(DEADLINE).until(() -> rows(report("groupBy=item&screenId=pp-a")).contains(entry("pp-border", 2, "25.000"))
          && rows(report("groupBy=language&screenId=pp-b")).contains(entry("en", 1, "15.000")));
    }
  }

  @Test
  void playsAreStoredOnceAndEveryReportMatchesWhatWasSent() throws Exception {

    JsonNode byScreen = report("groupBy=screen");
    assertThat(rows(byScreen)).containsExactly(entry("pp-a", 4, "45.000"), entry("pp-b", 2, "35.000"));
    assertThat(byScreen.get("totalAirtimeSeconds").decimalValue()).isEqualByComparingTo(new BigDecimal("80"));

    assertThat(rows(report("groupBy=campaign"))).containsExactly(entry("", 3, "45.000"), entry("election", 3, "35.000"));
    assertThat(rows(report("groupBy=item"))).containsExactly(entry("pp-border", 3, "45.000"), entry("pp-news", 3, "35.000"));
    assertThat(report("groupBy=item").get("rows").get(1).get("title").asText()).isEqualTo(NEWS_TITLE);
    assertThat(rows(report("groupBy=language"))).containsExactly(entry("en", 1, "15.000"), entry("lo", 1, "5.000"),
        entry("vi", 3, "50.000"), entry("zh-Hans", 1, "10.000"));
    assertThat(rows(report("groupBy=cluster"))).containsExactly(entry("default", 6, "80.000"));
    JsonNode byDay = report("groupBy=day");
    assertThat(byDay.get("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
    assertThat(rows(byDay)).containsExactly(entry("2026-03-14", 1, "20.000"), entry("2026-03-15", 1, "10.000"),
        entry("2026-03-16", 4, "50.000"));
    // The same plays counted in UTC days.
    assertThat(rows(report("groupBy=day&zone=UTC"))).containsExactly(entry("2026-03-14", 1, "20.000"),
        entry("2026-03-15", 4, "55.000"), entry("2026-03-16", 1, "5.000"));
    assertThat(rows(report("groupBy=language&screenId=pp-b"))).containsExactly(entry("en", 1, "15.000"),
        entry("vi", 1, "20.000"));
    // The period's end is exclusive and counts by start: only P5 and P1 started before 17:00 on the 15th.
    assertThat(RUNNING.api().get("/api/v1/reports/plays?from=2026-03-14T00:00:00Z&to=2026-03-15T17:00:00Z&groupBy=cluster")
        .body().get("totalPlays").asLong()).isEqualTo(2);

    // CSV, read back by an RFC 4180 reader: the same rows, the title with its comma and quotes intact.
    HttpResponse<String> csv = getText("/api/v1/reports/plays?" + PERIOD + "&groupBy=item&format=csv");
    assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body()).contains("\"Tin tức, \"\"Biên giới\"\" · 边境\"");
    assertThat(CsvParser.parse(csv.body())).containsExactly(
        List.of("item", "title", "plays", "airtime_seconds"),
        List.of("pp-border", "", "3", "45.000"),
        List.of("pp-news", NEWS_TITLE, "3", "35.000"));
    assertThat(CsvParser.parse(getText("/api/v1/reports/plays?" + PERIOD + "&groupBy=language&format=csv").body()))
        .hasSize(5).element(3).isEqualTo(List.of("vi", "", "3", "50.000"));
  }

  @Test
  void theYearEndSummaryTellsWhatWasShownHowOftenInWhichLanguagesAndTheUptime() throws Exception {
    Answer answer = RUNNING.api().get("/api/v1/reports/year-end?year=2026&clusterId=default");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode summary = answer.body();
    assertThat(summary.get("from").asText()).isEqualTo("2025-12-31T17:00:00Z");
    assertThat(summary.get("to").asText()).isEqualTo("2026-12-31T17:00:00Z");
    assertThat(summary.get("totalPlays").asLong()).isEqualTo(6);
    assertThat(rows(summary.get("items"))).containsExactly(entry("pp-border", 3, "45.000"), entry("pp-news", 3, "35.000"));
    assertThat(rows(summary.get("languages"))).containsExactly(entry("en", 1, "15.000"), entry("lo", 1, "5.000"),
        entry("vi", 3, "50.000"), entry("zh-Hans", 1, "10.000"));
    assertThat(rows(summary.get("months"))).containsExactly(entry("2026-03", 6, "80.000"));
    // These screens' agents only sent plays, never a heartbeat: 0 % up while registered.
    assertThat(summary.get("screens")).allSatisfy(s -> assertThat(s.get("uptimePercent").asDouble()).isEqualTo(0.0));
    assertThat(summary.get("uptimePercent").asDouble()).isEqualTo(0.0);

    List<List<String>> csv = CsvParser.parse(getText("/api/v1/reports/year-end?year=2026&clusterId=default&format=csv").body());
    assertThat(csv.get(0)).containsExactly("section", "key", "title", "plays", "airtime_seconds", "uptime_percent");
    assertThat(csv.get(1)).containsExactly("total", "default 2026", "", "6", "80.000", "0.0");
    assertThat(csv).contains(List.of("item", "pp-news", NEWS_TITLE, "3", "35.000", ""),
        List.of("language", "zh-Hans", "", "1", "10.000", ""), List.of("month", "2026-03", "", "6", "80.000", ""));
    assertThat(csv.stream().filter(row -> row.get(0).equals("screen")).map(row -> row.get(1)))
        .containsExactlyInAnyOrder("pp-a", "pp-b");

    // Every gate's year at once (the province's report): the same figures, each row led by its gate.
    Answer all = RUNNING.api().get("/api/v1/reports/year-end/gates?year=2026");
    assertThat(all.status()).as(all.error()).isEqualTo(200);
    JsonNode gate = null;
    for (JsonNode each : all.body()) {
      gate = each.get("clusterId").asText().equals("default") ? each : gate;
    }
    assertThat(gate).as("the default gate's summary").isNotNull();
    // The year is still running: each screen's measured time grows between the two requests, so it is left out.
    assertThat(withoutRunningTime(gate)).isEqualTo(withoutRunningTime(summary));
    List<List<String>> allCsv = CsvParser.parse(getText("/api/v1/reports/year-end/gates?year=2026&format=csv").body());
    assertThat(allCsv.get(0)).containsExactly("gate", "section", "key", "title", "plays", "airtime_seconds",
        "uptime_percent");
    assertThat(allCsv).contains(List.of("default", "total", "default 2026", "", "6", "80.000", "0.0"),
        List.of("default", "item", "pp-news", NEWS_TITLE, "3", "35.000", ""));
    assertThat(allCsv.stream().filter(row -> row.get(0).equals("default")).count()).isEqualTo(csv.size() - 1);
  }

  private static String withoutRunningTime(JsonNode summary) {
    JsonNode copy = summary.deepCopy();
    copy.get("screens").forEach(screen -> ((ObjectNode) screen)
        .remove(List.of("measuredSeconds", "upSeconds")));
    return copy.toString();
  }

  @Test
  void badReportQueriesAreRefusedNamingTheParameter() {
    assertThat(RUNNING.api().get("/api/v1/reports/plays?" + PERIOD).error()).contains("groupBy is required");
    assertThat(RUNNING.api().get("/api/v1/reports/plays?" + PERIOD + "&groupBy=colour").error())
        .contains("groupBy must be one of campaign|item|language|screen|cluster|day");
    assertThat(RUNNING.api().get("/api/v1/reports/plays?" + PERIOD + "&groupBy=day&format=xls").error())
        .contains("format must be json or csv");
    assertThat(RUNNING.api().get("/api/v1/reports/plays?" + PERIOD + "&groupBy=day&zone=Mars/Olympus").error())
        .contains("zone must be a time zone");
    assertThat(RUNNING.api().get("/api/v1/reports/plays?from=2026-03-14&to=2026-03-17T00:00:00Z&groupBy=day").error())
        .contains("from must be an ISO 8601 instant");
    assertThat(RUNNING.api().get("/api/v1/reports/plays?" + PERIOD + "&groupBy=day&clusterId=nowhere").status()).isEqualTo(404);
    assertThat(RUNNING.api().get("/api/v1/reports/year-end?clusterId=default").error()).contains("year is required");
    assertThat(RUNNING.api().get("/api/v1/reports/year-end/gates?year=1999").body().path("code").asText())
        .isEqualTo("BAD_INPUT");
    assertThat(RUNNING.api().get("/api/v1/reports/year-end?year=twenty&clusterId=default").error())
        .contains("year must be a year such as 2026");
    assertThat(RUNNING.api().get("/api/v1/reports/year-end?year=2026").error()).contains("clusterId is required");
    assertThat(RUNNING.api().get("/api/v1/reports/year-end?year=2026&clusterId=nowhere").status()).isEqualTo(404);
  }

  private static Play play(String id, String item, String campaign, String language, String start, int seconds) {
    Instant started = Instant.parse(start);
    return new Play(id, item, campaign, language, started, started.plusSeconds(seconds));
  }

  private static Map.Entry<String, String> entry(String key, long plays, String airtime) {
    return Map.entry(key, plays + "/" + airtime);
  }

  private static List<Map.Entry<String, String>> rows(JsonNode reportOrRows) {
    JsonNode rows = reportOrRows.has("rows") ? reportOrRows.get("rows") : reportOrRows;
    Map<String, String> out = new LinkedHashMap<>();
    rows.forEach(row -> out.put(row.get("key").asText(), row.get("plays").asLong() + "/"
        + row.get("airtimeSeconds").decimalValue().setScale(3).toPlainString()));
    return List.copyOf(out.entrySet());
  }

  private static JsonNode report(String query) {
    Answer answer = RUNNING.api().get("/api/v1/reports/plays?" + PERIOD + "&" + query);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body();
  }

  private static HttpResponse<String> getText(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + RUNNING.controller().httpPort() + path)).header("Authorization", "Bearer " + RUNNING.api().token()).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private static String register(String id) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"" + id + "\"}");
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }

  private static String broker() {
    return RUNNING.controller().brokerUrl();
  }
}
