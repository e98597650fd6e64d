package io.gatecast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A small Java client of the controller's HTTP API, for scripts, the demo and tests: it speaks to
 * the API exactly as any other client does. Sign in with {@link #login}; every later call carries
 * the session's bearer token.
 */
public final class ApiClient {
  /** An answer: its status and its JSON body. */
  public record Answer(int status, JsonNode body) {
    public String error() {
      return body.path("error").asText();
    }
  }

  /**
   * One request and its answer, as a listener sees it: {@code path} as sent (with any query),
   * {@code contentType} of the answer ("" if none) and its raw body.
   */
  public record Exchange(String method, String path, int status, String contentType, byte[] body) {}

  private final HttpClient http;
  private final String base;
  private volatile String token;
  private volatile Consumer<Exchange> listener = exchange -> {};

  public ApiClient(int port) {
    this("http://127.0.0.1:" + port);
  }

  public ApiClient(String baseUrl) {
    this(baseUrl, null);
  }

  /** @param tls for an {@code https://} controller: the trust to use (e.g. its CA only); null for the JVM's */
  public ApiClient(String baseUrl, SSLContext tls) {
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    this.http = (tls == null ? builder : builder.sslContext(tls)).build();
    this.base = baseUrl;
  }

  /** A client signed in as {@code username}; fails with the controller's message if the login is refused. */
  public static ApiClient signedIn(int port, String username, String password) {
    return signedIn(new ApiClient(port), username, password);
  }

  /** As {@link #signedIn(int, String, String)}, at {@code baseUrl} (e.g. {@code https://host:8443}) with {@code tls}. */
  public static ApiClient signedIn(String baseUrl, SSLContext tls, String username, String password) {
    return signedIn(new ApiClient(baseUrl, tls), username, password);
  }

  private static ApiClient signedIn(ApiClient client, String username, String password) {
    Answer answer = client.login(username, password);
    if (answer.status() != 200) {
      throw new IllegalStateException("cannot sign in as " + username + ": HTTP " + answer.status() + " "
          + answer.error());
    }
    return client;
  }

  /** A client that sends a token obtained elsewhere (a script given one, a test replaying one). */
  public static ApiClient withToken(int port, String token) {
    ApiClient client = new ApiClient(port);
    client.token = token;
    return client;
  }

  /** Signs in; on success later calls carry the new token. */
  public Answer login(String username, String password) {
    Answer answer = postJson("/api/v1/login", Map.of("username", username, "password", password));
    if (answer.status() == 200) {
      token = answer.body().get("token").asText();
    }
    return answer;
  }

  /** Signs out (the token stops working) and forgets the token. */
  public Answer logout() {
    Answer answer = post("/api/v1/logout");
    token = null;
    return answer;
  }

  /**
   * Hands every later exchange of this client to {@code listener} (e.g. a test checking each answer
   * against the API's document) before the answer is read; returns this client.
   */
  public ApiClient withListener(Consumer<Exchange> listener) {
    this.listener = listener;
    return this;
  }

  /** The bearer token of the current session, or null. */
  public String token() {
    return token;
  }

  public Answer postJson(String path, String json) {
    return send(json(path, json).POST(BodyPublishers.ofString(json)));
  }

  /** Posts {@code body} written as JSON. */
  public Answer postJson(String path, Object body) {
    return postJson(path, write(body));
  }

  public Answer putJson(String path, Object body) {
    String json = body instanceof String s ? s : write(body);
    return send(json(path, json).PUT(BodyPublishers.ofString(json)));
  }

  /** Uploads a media file; {@code mimeType} null sends no Content-Type (the type is found from the bytes). */
  public Answer upload(byte[] bytes, String mimeType, String declaredSha256) {
    return upload(bytes, mimeType, declaredSha256, "upload");
  }

  public Answer upload(byte[] bytes, String mimeType, String declaredSha256, String name) {
    HttpRequest.Builder request = request("/api/v1/media?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
        .POST(BodyPublishers.ofByteArray(bytes));
    if (mimeType != null) {
      request.header("Content-Type", mimeType);
    }
    if (declaredSha256 != null) {
      request.header("X-Content-SHA256", declaredSha256);
    }
    return send(request);
  }

  public Answer post(String path) {
    return send(request(path).POST(BodyPublishers.noBody()));
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  /** How long {@link #publishAndAwait} waits for a publish to be sent to every screen it changes. */
  private static final java.time.Duration PUBLISH_DEADLINE = java.time.Duration.ofMinutes(2);

  /**
   * {@code POST /api/v1/publish}, then the rollout ({@code GET /api/v1/publishes/{id}}) polled until
   * the publish is DONE or INTERRUPTED — every screen it changes handed to the broker or failed. The
   * answer is the rollout's, summed up as the publish answered before it was streamed:
   * {@code publishId}, {@code state}, {@code sent} (screenId, version, and the error when the signer or
   * the broker refused it) and {@code withheld}. A refused POST is returned as it is. Fails after
   * two minutes.
   */
  public Answer publishAndAwait() {
    Answer posted = post("/api/v1/publish");
    return posted.status() != 200 ? posted : awaitPublished(posted.body().path("publishId").asLong());
  }

  /**
   * The rollout of publish {@code id} once it is DONE or INTERRUPTED, summed up as
   * {@link #publishAndAwait} answers; polled every 20 ms at first, then less often (up to every
   * 500 ms: the view of a large publish is large). Fails after two minutes.
   */
  public Answer awaitPublished(long id) {
    long deadline = System.nanoTime() + PUBLISH_DEADLINE.toNanos();
    long pauseMs = 20;
    while (true) {
      Answer rollout = get("/api/v1/publishes/" + id);
      String state = rollout.body().path("state").asText();
      if (rollout.status() != 200) {
        return rollout;
      }
      if (state.equals("DONE") || state.equals("INTERRUPTED")) {
        return new Answer(200, sentSummary(rollout.body()));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("publish " + id + " not sent within " + PUBLISH_DEADLINE + ": state " + state);
      }
      try {
        Thread.sleep(pauseMs); // a poll interval, not a synchronisation: the loop ends on the state it reads
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pauseMs = Math.min(500, pauseMs * 2);
    }
  }

  /** The rollout view as the publish's answer: a screen's error only when it never reached the broker. */
  private static JsonNode sentSummary(JsonNode rollout) {
    var answer = Codec.mapper().createObjectNode();
    answer.put("publishId", rollout.path("id").asLong());
    answer.put("state", rollout.path("state").asText());
    var sent = answer.putArray("sent");
    for (JsonNode screen : rollout.path("screens")) {
      var one = sent.addObject();
      one.put("screenId", screen.path("screenId").asText());
      one.put("version", screen.path("version").asLong());
      boolean refused = screen.path("status").asText().equals("FAILED") && !screen.hasNonNull("handedAt");
      if (refused) {
        one.put("error", screen.path("error").asText());
      } else {
        one.putNull("error");
      }
    }
    answer.set("withheld", rollout.path("withheld"));
    return answer;
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder json(String path, String json) {
    return request(path).header("Content-Type", "application/json");
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    String current = token;
    if (current != null) {
      request.header("Authorization", "Bearer " + current);
    }
    return request;
  }

  private static String write(Object body) {
    try {
      return Codec.mapper().writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpRequest built = request.build();
      var response = http.send(built, BodyHandlers.ofByteArray());
      byte[] body = response.body();
      String path = built.uri().getRawPath() + (built.uri().getRawQuery() == null ? "" : "?" + built.uri().getRawQuery());
      listener.accept(new Exchange(built.method(), path, response.statusCode(),
          response.headers().firstValue("content-type").orElse(""), body));
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
