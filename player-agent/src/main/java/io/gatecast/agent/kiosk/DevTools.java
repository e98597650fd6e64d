package io.gatecast.agent.kiosk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.protocol.AgentWords;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Talks to the kiosk browser over the Chrome DevTools Protocol (Chromium's
 * {@code --remote-debugging-port}), with nothing but the JDK: the target list over HTTP, then one
 * WebSocket per action to the tab showing the screen page. Used for screenshots of what is really on
 * screen (overlays included) and for reloading the page.
 *
 * <p>Screenshots are JPEG at {@link #JPEG_QUALITY}, scaled so their long side is at most
 * {@link #MAX_LONG_SIDE} pixels: a full HD or portrait panel is captured at its own size, a 4K
 * panel at half, so one upload over a 4G link stays around a few hundred kB whatever the slide.
 */
public final class DevTools {
  /** The longest side of a screenshot, in pixels; larger panels are scaled down to it. */
  public static final int MAX_LONG_SIDE = 1920;
  /** JPEG quality (0-100): text on a slide stays legible, a photo stays a few hundred kB. */
  public static final int JPEG_QUALITY = 70;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  /**
   * How long a screenshot request may go unanswered before it is sent again. Chromium 156 never answers
   * a capture that reaches it as the tab starts a navigation (a reload sent just before, by us or by the
   * page); one sent a moment later is answered. Earlier requests stay awaited too: the first answer wins.
   */
  private static final Duration CAPTURE_RESEND = Duration.ofSeconds(2);
  /**
   * How soon a screenshot request is sent again after Chromium answered it "Not attached to an active
   * page" (CDP error -32000): the tab was between two pages, which lasts a few milliseconds.
   */
  private static final Duration AFTER_NOT_ATTACHED = Duration.ofMillis(100);
  /** CDP's "server error": for a page request, the tab was between two pages. Bad parameters are -32602. */
  private static final int NOT_ATTACHED = -32000;
  /**
   * How long to look for the page's tab while none shows it: a tab in the middle of a navigation lists
   * an empty address for a few milliseconds, so a screenshot right after a reload would not find it.
   */
  private static final Duration TAB_SEARCH = Duration.ofSeconds(5);
  private static final Duration TAB_SEARCH_EVERY = Duration.ofMillis(50);
  /**
   * DevTools answers carry a whole picture as one base64 string, far beyond the limits the
   * protocol's mapper keeps for MQTT messages; this mapper reads only the local browser's answers.
   */
  private static final int MAX_ANSWER_STRING = 64 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_ANSWER_STRING).build()).build());

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Supplier<Optional<Integer>> port;
  private final Supplier<String> whyNoBrowser;
  private final String pageUrl;

  /**
   * @param port the browser's DevTools port, when known
   * @param pageUrl the screen page's address; the tab whose URL starts with it is the one used
   */
  public DevTools(Supplier<Optional<Integer>> port, String pageUrl) {
    this(port, () -> null, pageUrl);
  }

  /**
   * @param whyNoBrowser why the browser the agent runs is not there (e.g. "exited with code 1"),
   *     or null when it runs or the agent does not run it; named in the error of a failed call
   */
  public DevTools(Supplier<Optional<Integer>> port, Supplier<String> whyNoBrowser, String pageUrl) {
    this.port = port;
    this.whyNoBrowser = whyNoBrowser;
    this.pageUrl = pageUrl;
  }

  public boolean available() {
    return port.get().isPresent();
  }

  /** A JPEG of the page's tab as it is on screen, its long side at most {@link #MAX_LONG_SIDE}. */
  public byte[] screenshot() throws IOException {
    try (Session session = open()) {
      JsonNode metrics = session.callResending("Page.getLayoutMetrics", JSON.createObjectNode());
      JsonNode css = metrics.path("cssVisualViewport");
      double width = css.path("clientWidth").asDouble(0);
      double height = css.path("clientHeight").asDouble(0);
      ObjectNode params = JSON.createObjectNode().put("format", "jpeg").put("quality", JPEG_QUALITY)
          .put("captureBeyondViewport", false);
      if (width > 0 && height > 0) {
        // Device pixels per CSS pixel: the picture's size is CSS size x scale x this ratio.
        double devicePixels = metrics.path("visualViewport").path("clientWidth").asDouble(width) / width;
        double scale = scaleFor(width * devicePixels, height * devicePixels);
        params.putObject("clip").put("x", css.path("pageX").asDouble(0)).put("y", css.path("pageY").asDouble(0))
            .put("width", width).put("height", height).put("scale", scale);
      }
      String data = session.callResending("Page.captureScreenshot", params).path("data").asText("");
      if (data.isEmpty()) {
        throw new IOException("the browser returned no screenshot data");
      }
      return Base64.getDecoder().decode(data);
    }
  }

  /** The factor that brings a picture of this many device pixels to a long side of at most {@link #MAX_LONG_SIDE}. */
  static double scaleFor(double widthPixels, double heightPixels) {
    double longSide = Math.max(widthPixels, heightPixels);
    return longSide <= MAX_LONG_SIDE ? 1.0 : MAX_LONG_SIDE / longSide;
  }

  /**
   * Evaluates a JavaScript expression in the page's tab and returns its value as JSON (what the
   * panel really shows, e.g. the text of an element; tests and diagnostics read the DOM this way).
   * A promise is awaited and its result returned.
   */
  public JsonNode evaluate(String expression) throws IOException {
    try (Session session = open()) {
      JsonNode result = session.call("Runtime.evaluate",
          JSON.createObjectNode().put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
      if (result.has("exceptionDetails")) {
        throw new IOException("the page could not evaluate " + expression + ": " + result.get("exceptionDetails"));
      }
      return result.path("result").path("value");
    }
  }

  /** Reloads the page's tab, bypassing the browser cache for the page itself. */
  public void reload() throws IOException {
    try (Session session = open()) {
      session.call("Page.reload", JSON.createObjectNode().put("ignoreCache", true));
    }
  }

  private Session open() throws IOException {
    URI socket = pageSocket();
    Session session = new Session();
    try {
      session.ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
          .buildAsync(socket, session).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return session;
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot open the DevTools connection " + socket + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The WebSocket address of the tab showing the page, looked for again while a navigation hides it. */
  private URI pageSocket() throws IOException {
    long giveUp = System.nanoTime() + TAB_SEARCH.toNanos();
    while (true) {
      Optional<URI> socket = findPageSocket();
      if (socket.isPresent()) {
        return socket.get();
      }
      if (System.nanoTime() - giveUp >= 0) {
        throw new IOException(AgentWords.browserNoTab(pageUrl));
      }
      try {
        Thread.sleep(TAB_SEARCH_EVERY.toMillis()); // the browser gives no signal over plain HTTP
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /** The WebSocket address of the tab showing the page, if one shows it now. */
  private Optional<URI> findPageSocket() throws IOException {
    Optional<Integer> known = port.get();
    if (known.isEmpty()) {
      String why = whyNoBrowser.get();
      throw new IOException(why != null
          ? AgentWords.browserRestarting(why)
          : AgentWords.browserNoDevTools());
    }
    int p = known.get();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/json/list"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    JsonNode targets;
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      targets = JSON.readTree(response.body());
    } catch (ConnectException e) {
      throw new IOException(AgentWords.browserNotAnswering(p), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    for (JsonNode target : targets) {
      if ("page".equals(target.path("type").asText()) && target.path("url").asText().startsWith(pageUrl)
          && target.hasNonNull("webSocketDebuggerUrl")) {
        return Optional.of(URI.create(target.get("webSocketDebuggerUrl").asText()));
      }
    }
    return Optional.empty();
  }

  /** One WebSocket to a tab: requests by id, frames collected into messages, answers matched by id. */
  private static final class Session implements WebSocket.Listener, AutoCloseable {
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private WebSocket ws;

    /** Sends the request once; its answer within {@link #TIMEOUT} is the result, an error answer fails. */
    JsonNode call(String method, ObjectNode params) throws IOException {
      return exchange(method, params, false);
    }

    /**
     * Sends the request, and sends it again each time {@link #CAPTURE_RESEND} passes with no answer to
     * any of the copies sent, or soon after a copy is answered "not attached" (the tab was navigating),
     * until {@link #TIMEOUT}; the first other answer to any copy is the result.
     */
    JsonNode callResending(String method, ObjectNode params) throws IOException {
      return exchange(method, params, true);
    }

    private JsonNode exchange(String method, ObjectNode params, boolean resends) throws IOException {
      Duration resendAfter = resends ? CAPTURE_RESEND : TIMEOUT;
      BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
      List<Integer> sent = new ArrayList<>();
      long giveUp = System.nanoTime() + TIMEOUT.toNanos();
      JsonNode lastError = null;
      try {
        long nextSend = System.nanoTime();
        while (true) {
          long now = System.nanoTime();
          if (now - giveUp >= 0) {
            throw new IOException(method + (lastError == null ? " got no answer from the browser" : " failed: " + lastError)
                + " within " + TIMEOUT.toSeconds() + " s");
          }
          if (now - nextSend >= 0) {
            send(method, params, replies, sent);
            nextSend = now + resendAfter.toNanos();
          }
          Object reply = replies.poll(Math.min(nextSend, giveUp) - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (reply instanceof Throwable cause) {
            throw new IOException(method + " got no answer from the browser: " + cause, cause);
          }
          if (reply instanceof JsonNode answer) {
            JsonNode error = answer.get("error");
            if (error == null) {
              return answer.path("result");
            }
            if (!resends || error.path("code").asInt() != NOT_ATTACHED) {
              throw new IOException(method + " failed: " + error);
            }
            lastError = error;
            nextSend = Math.min(nextSend, System.nanoTime() + AFTER_NOT_ATTACHED.toNanos());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } finally {
        sent.forEach(waiting::remove);
      }
    }

    /** Sends one copy of the request; its answer, or the connection's failure, goes to {@code replies}. */
    private void send(String method, ObjectNode params, BlockingQueue<Object> replies, List<Integer> sent)
        throws IOException {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      answer.whenComplete((reply, failure) -> replies.add(failure != null ? failure : reply));
      waiting.put(id, answer);
      sent.add(id);
      ObjectNode request = JSON.createObjectNode().put("id", id).put("method", method);
      request.set("params", params);
      ws.sendText(JSON.writeValueAsString(request), true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          CompletableFuture<JsonNode> answer = waiting.get(message.path("id").asInt(-1));
          if (answer != null) {
            answer.complete(message);
          }
        } catch (IOException e) {
          waiting.values().forEach(f -> f.completeExceptionally(e));
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      IOException closed = new IOException("DevTools closed the connection: " + statusCode + " " + reason);
      waiting.values().forEach(f -> f.completeExceptionally(closed));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      waiting.values().forEach(f -> f.completeExceptionally(error));
    }

    @Override
    public void close() {
      if (ws != null) {
        ws.abort();
      }
    }
  }
}
