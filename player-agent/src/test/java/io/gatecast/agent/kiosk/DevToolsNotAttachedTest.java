package io.gatecast.agent.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A capture that Chromium answers "Not attached to an active page" (CDP error -32000: the tab was between
 * two pages) is asked again, and the next answer is the screenshot. Chromium gives that answer only when a
 * capture meets a navigation, a matter of timing that a busy 2-core machine does not reproduce on demand
 * (the real-Chromium version, a page reloading itself every 200 ms, found no moment to capture in 20 s on
 * one CI run), so here a DevTools peer speaking the protocol gives it: the first three captures are
 * answered "not attached". {@link DevToolsNavigationTest} keeps the real browser's navigating tab.
 */
class DevToolsNotAttachedTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAGE = "http://127.0.0.1:1/screen";
  private static final byte[] PICTURE = "a jpeg".getBytes(StandardCharsets.UTF_8);

  private final Vertx vertx = Vertx.vertx();
  /** The methods the peer was asked, in order. */
  private final List<String> asked = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void aCaptureAnsweredNotAttachedIsAskedAgainUntilItIsAnswered() throws Exception {
    int port = devToolsPeer(3);

    byte[] screenshot = new DevTools(() -> Optional.of(port), PAGE).screenshot();

    assertThat(screenshot).isEqualTo(PICTURE);
    assertThat(asked).as("three captures refused, the fourth answered")
        .containsExactly("Page.getLayoutMetrics", "Page.captureScreenshot", "Page.captureScreenshot",
            "Page.captureScreenshot", "Page.captureScreenshot");
  }

  /**
   * A DevTools endpoint on a free port listing one tab showing {@link #PAGE}, whose first
   * {@code refusals} captures are answered "not attached".
   */
  private int devToolsPeer(int refusals) {
    AtomicInteger captures = new AtomicInteger();
    HttpServer server = vertx.createHttpServer();
    server.webSocketHandler(socket -> socket.textMessageHandler(text -> {
      JsonNode request = read(text);
      String method = request.path("method").asText();
      asked.add(method);
      ObjectNode answer = JSON.createObjectNode().put("id", request.path("id").asInt());
      if (method.equals("Page.captureScreenshot") && captures.incrementAndGet() <= refusals) {
        answer.putObject("error").put("code", -32000).put("message", "Not attached to an active page");
      } else if (method.equals("Page.captureScreenshot")) {
        answer.putObject("result").put("data", Base64.getEncoder().encodeToString(PICTURE));
      } else {
        ObjectNode result = answer.putObject("result");
        result.putObject("cssVisualViewport").put("clientWidth", 1920).put("clientHeight", 1080);
        result.putObject("visualViewport").put("clientWidth", 1920).put("clientHeight", 1080);
      }
      socket.writeTextMessage(answer.toString());
    }));
    server.requestHandler(request -> {
      int port = server.actualPort();
      request.response().putHeader("Content-Type", "application/json").end(JSON.createArrayNode().add(
          JSON.createObjectNode().put("type", "page").put("url", PAGE)
              .put("webSocketDebuggerUrl", "ws://127.0.0.1:" + port + "/devtools/page/1")).toString());
    });
    return server.listen(0, "127.0.0.1").await().actualPort();
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
