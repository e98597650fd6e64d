package io.gatecast.controller.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * A small Java client of the controller's HTTP API, for scripts, the demo and tests: it speaks to
 * the API exactly as any other client does.
 */
public final class ApiClient {
  /** An answer: its status and its JSON body. */
  public record Answer(int status, JsonNode body) {
    public String error() {
      return body.path("error").asText();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  public ApiClient(int port) {
    this("http://127.0.0.1:" + port);
  }

  public ApiClient(String baseUrl) {
    this.base = baseUrl;
  }

  public Answer postJson(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(json)).build());
  }

  /** Posts {@code body} written as JSON. */
  public Answer postJson(String path, Object body) {
    try {
      return postJson(path, Codec.mapper().writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Uploads a media file; {@code mimeType} null sends no Content-Type (the type is found from the bytes). */
  public Answer upload(byte[] bytes, String mimeType, String declaredSha256) {
    return upload(bytes, mimeType, declaredSha256, "upload");
  }

  public Answer upload(byte[] bytes, String mimeType, String declaredSha256, String name) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/media?name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8)))
        .POST(BodyPublishers.ofByteArray(bytes));
    if (mimeType != null) {
      request.header("Content-Type", mimeType);
    }
    if (declaredSha256 != null) {
      request.header("X-Content-SHA256", declaredSha256);
    }
    return send(request.build());
  }

  public Answer post(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).POST(BodyPublishers.noBody()).build());
  }

  /** Puts {@code body} written as JSON (a replacement of the resource). */
  public Answer putJson(String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .PUT(BodyPublishers.ofString(body instanceof String json ? json : Codec.mapper().writeValueAsString(body)))
          .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  private Answer send(HttpRequest request) {
    try {
      var response = http.send(request, BodyHandlers.ofByteArray());
      byte[] body = response.body();
      JsonNode json = body.length == 0 ? Codec.mapper().nullNode() : Codec.mapper().readTree(body);
      return new Answer(response.statusCode(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
