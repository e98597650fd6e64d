package io.gatecast.controller.notices;

import io.gatecast.protocol.Codec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each notice as JSON to the configured webhook, asynchronously (never on the caller's
 * thread's time). A failed delivery is logged, not retried: the next state change sends again,
 * and the screen's history keeps the truth.
 */
public final class WebhookSender implements Consumer<Notice> {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();
  private final URI url;
  private final Runnable onSent;

  /** @param onSent called after each delivery the webhook accepted (for metrics) */
  public WebhookSender(String url, Runnable onSent) {
    this.url = URI.create(url);
    this.onSent = onSent;
  }

  @Override
  public void accept(Notice notice) {
    byte[] body;
    try {
      body = Codec.mapper().writeValueAsBytes(notice);
    } catch (java.io.IOException e) {
      LOG.error("cannot write alert {} as JSON", notice, e);
      return;
    }
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
      if (failure != null) {
        LOG.warn("alert webhook {} unreachable for {} of {}: {}", url, notice.kind(), notice.screenId(), failure.toString());
      } else if (response.statusCode() / 100 != 2) {
        LOG.warn("alert webhook {} answered {} to {} of {}", url, response.statusCode(), notice.kind(), notice.screenId());
      } else {
        onSent.run();
      }
    });
  }
}
