package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /metrics} scraped and parsed as Prometheus text after real traffic: a heartbeat, a publish applied, API calls. */
@IntegrationTest
class MetricsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  /** One parsed sample line. */
  record Sample(String name, Map<String, String> labels, double value) {}

  @Test
  void theScrapeCountsScreensPublishesRolloutsHeartbeatsAndHttpRequestsByRoutePattern() throws Exception {
    Answer registered = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"met-hall\"}");
    byte[] slide = "<svg xmlns='http://www.w3.org/2000/svg'><text>met</text></svg>".getBytes(StandardCharsets.UTF_8);
    String sha = ApiBadInputTest.sha256(slide);
    RUNNING.api().upload(slide, "image/svg+xml", sha);
    RUNNING.api().postJson("/api/v1/content", "{\"id\":\"met-slide\",\"title\":\"M\",\"mediaSha256\":\"" + sha
        + "\",\"durationSeconds\":10}");
    RUNNING.approve("met-slide");
    RUNNING.api().postJson("/api/v1/schedule", "{\"contentId\":\"met-slide\",\"screenIds\":[\"met-hall\"]}");

    try (FakeAgent agent = new FakeAgent(RUNNING.controller().brokerUrl(), "met-hall",
        registered.body().get("mqttPassword").asText())) {
      agent.heartbeat();
      await().atMost(DEADLINE).until(() -> screen().get("state").asText().equals("ONLINE"));
      long version = RUNNING.api().publishAndAwait().body().get("sent").get(0).get("version").asLong();
      agent.applied(version);
      await().atMost(DEADLINE).until(() -> screen().path("latestDelivery").path("outcome").asText().equals("APPLIED"));
      assertThat(RUNNING.api().get("/api/v1/screens/ghost").status()).isEqualTo(404);
      assertThat(RUNNING.api().get("/api/v1/no/such/thing").status()).isEqualTo(404);

      HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + RUNNING.controller().httpPort() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
      List<Sample> samples = parse(scrape.body());

      assertThat(value(samples, "gatecast_screens_connected", Map.of())).isEqualTo(1.0);
      assertThat(value(samples, "gatecast_publishes_total", Map.of())).isEqualTo(1.0);
      assertThat(value(samples, "gatecast_rollout_latency_seconds_count", Map.of())).isEqualTo(1.0);
      assertThat(value(samples, "gatecast_rollout_latency_seconds_sum", Map.of())).isGreaterThanOrEqualTo(0.0);
      assertThat(value(samples, "gatecast_heartbeats_total", Map.of())).isGreaterThanOrEqualTo(1.0);
      assertThat(value(samples, "gatecast_http_server_requests_seconds_count",
          Map.of("method", "GET", "route", "/api/v1/screens/:id", "status", "200"))).isGreaterThanOrEqualTo(2.0);
      assertThat(value(samples, "gatecast_http_server_requests_seconds_count",
          Map.of("method", "GET", "route", "/api/v1/screens/:id", "status", "404"))).isEqualTo(1.0);
      assertThat(value(samples, "gatecast_http_server_requests_seconds_count",
          Map.of("method", "POST", "route", "/api/v1/publish", "status", "200"))).isEqualTo(1.0);
      assertThat(value(samples, "gatecast_http_server_requests_seconds_count",
          Map.of("method", "GET", "route", "unmatched", "status", "404"))).isEqualTo(1.0);
      // No raw path ever becomes a label.
      assertThat(samples).noneMatch(s -> s.labels().getOrDefault("route", "").contains("ghost"));
    }
  }

  private static JsonNode screen() {
    return RUNNING.api().get("/api/v1/screens/met-hall").body();
  }

  /** Prometheus text format: comments skipped, every other line a sample with optional labels. */
  static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = SAMPLE.matcher(line);
      assertThat(matcher.matches()).as("a Prometheus sample line: %s", line).isTrue();
      Map<String, String> labels = new LinkedHashMap<>();
      if (matcher.group(2) != null) {
        Matcher label = LABEL.matcher(matcher.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
    }
    return samples;
  }

  private static double value(List<Sample> samples, String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .mapToDouble(Sample::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + name + labels));
  }
}
