package io.gatecast.agent.commands;

import io.gatecast.protocol.AgentWords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * Uploads a screenshot to the controller: {@code PUT <controllerUrl>/api/v1/screens/{id}/screenshots/{sha256}}
 * with the picture (JPEG) as body, authenticated with HTTP Basic and the screen's MQTT credentials (the one
 * secret a screen has). A picture is too large for an MQTT message; the command's result names it
 * by its SHA-256.
 */
public final class ScreenshotUploader {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI controllerUrl;
  private final String screenId;
  private final String authorization;

  /** @param username null: no Authorization header */
  public ScreenshotUploader(URI controllerUrl, String screenId, String username, String password) {
    this(controllerUrl, screenId, username, password, null);
  }

  /** @param tls for an {@code https://} controller: trusts the {@code --ca-file}; null for the JVM's default trust */
  public ScreenshotUploader(URI controllerUrl, String screenId, String username, String password, SSLContext tls) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    this.http = (tls == null ? builder : builder.sslContext(tls)).build();
    String base = controllerUrl.toString();
    this.controllerUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.screenId = screenId;
    this.authorization = username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
  }

  public URI target(String sha256) {
    return URI.create(controllerUrl + "/api/v1/screens/" + screenId + "/screenshots/" + sha256);
  }

  /** @throws IOException naming the controller's answer when it is not 2xx */
  public void upload(String sha256, byte[] png) throws IOException {
    upload(sha256, png, "image/png");
  }

  /** @param contentType {@code image/jpeg} or {@code image/png} (the controller checks the first bytes too) */
  public void upload(String sha256, byte[] picture, String contentType) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(target(sha256)).timeout(TIMEOUT)
        .header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(picture));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      String body = response.body() == null ? "" : response.body().strip();
      throw new IOException(AgentWords.screenshotRefused(response.statusCode(), target(sha256).toString(),
          body.length() > 200 ? body.substring(0, 200) + "..." : body));
    }
  }
}
