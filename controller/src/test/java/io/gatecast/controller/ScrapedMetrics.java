package io.gatecast.controller;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One series read from a running controller's {@code /metrics} (Prometheus text), for the tests that count what
 * it did. {@link MetricsTest} parses the whole scrape instead: it tests the format itself.
 */
public final class ScrapedMetrics {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ScrapedMetrics() {}

  /** The value of the series whose name and labels match {@code series} (a pattern); empty when absent. */
  public static OptionalDouble value(Controller controller, String series) throws IOException, InterruptedException {
    String scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controller.httpPort() + "/metrics"))
        .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
  }
}
