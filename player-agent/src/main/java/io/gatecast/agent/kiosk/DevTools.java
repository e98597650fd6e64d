package io.gatecast.agent.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Talks to the kiosk browser over the Chrome DevTools Protocol (Chromium's
 * {@code --remote-debugging-port}), with nothing but the JDK: the target list over HTTP, then one
 * WebSocket per call to the tab showing the screen page. Used for screenshots of what is really on
 * screen (overlays included) and for reloading the page.
 */
public final class DevTools {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Supplier<Optional<Integer>> port;
  private final String pageUrl;

  /**
   * @param port the browser's DevTools port, when known
   * @param pageUrl the screen page's address; the tab whose URL starts with it is the one used
   */
  public DevTools(Supplier<Optional<Integer>> port, String pageUrl) {
    this.port = port;
    this.pageUrl = pageUrl;
  }

  public boolean available() {
    return port.get().isPresent();
  }

  /** A PNG of the page's tab as it is on screen. */
  public byte[] screenshot() throws IOException {
    ObjectNode params = Codec.mapper().createObjectNode().put("format", "png").put("captureBeyondViewport", false);
    JsonNode result = call("Page.captureScreenshot", params);
    String data = result.path("data").asText("");
    if (data.isEmpty()) {
      throw new IOException("the browser returned no screenshot data");
    }
    return Base64.getDecoder().decode(data);
  }

  /** Reloads the page's tab, bypassing the browser cache for the page itself. */
  public void reload() throws IOException {
    call("Page.reload", Codec.mapper().createObjectNode().put("ignoreCache", true));
  }

  private JsonNode call(String method, ObjectNode params) throws IOException {
    URI socket = pageSocket();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    WebSocket ws;
    try {
      ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
          .buildAsync(socket, new Answer(answer)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot open the DevTools connection " + socket + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try {
      ObjectNode request = Codec.mapper().createObjectNode().put("id", 1).put("method", method);
      request.set("params", params);
      ws.sendText(Codec.mapper().writeValueAsString(request), true);
      JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new IOException(method + " failed: " + reply.get("error"));
      }
      return reply.path("result");
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(method + " got no answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      ws.abort();
    }
  }

  /** The WebSocket address of the tab showing the page. */
  private URI pageSocket() throws IOException {
    int p = port.get().orElseThrow(() -> new IOException("the browser's DevTools port is not known"
        + " (launch it with --kiosk-command ... --remote-debugging-port=0, or give --kiosk-devtools-port)"));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/json/list"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    JsonNode targets;
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      targets = Codec.mapper().readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    for (JsonNode target : targets) {
      if ("page".equals(target.path("type").asText()) && target.path("url").asText().startsWith(pageUrl)
          && target.hasNonNull("webSocketDebuggerUrl")) {
        return URI.create(target.get("webSocketDebuggerUrl").asText());
      }
    }
    throw new IOException("no browser tab shows " + pageUrl);
  }

  /** Collects frames into messages and completes with the reply to request 1. */
  private static final class Answer implements WebSocket.Listener {
    private final CompletableFuture<JsonNode> answer;
    private final StringBuilder text = new StringBuilder();

    Answer(CompletableFuture<JsonNode> answer) {
      this.answer = answer;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = Codec.mapper().readTree(text.toString());
          if (message.path("id").asInt(-1) == 1) {
            answer.complete(message);
          }
        } catch (IOException e) {
          answer.completeExceptionally(e);
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      answer.completeExceptionally(new IOException("DevTools closed the connection: " + statusCode + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      answer.completeExceptionally(error);
    }
  }
}
