package io.gatecast.controller.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection deadlines against a router like the controller's, shortened to a second so the
 * test can outlive them: a long answer to a request without a body (the live event stream) is not a
 * late body, while a body that stops coming still is.
 */
class ConnectionLimitsTest {
  private static final Duration SHORT = Duration.ofSeconds(1);
  private static final Duration TICK = Duration.ofMillis(100);

  private Vertx vertx;
  private HttpServer server;
  private ConnectionLimits limits;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // Like GET /api/v1/events: answered in chunks, for as long as the client listens. Paused as the
    // controller's AuthHandler leaves it (the body waits for the session lookup; a route that reads
    // no body never resumes it), so the request never reads as ended.
    router.get("/stream").handler(ctx -> {
      ctx.request().pause();
      ctx.response().setChunked(true);
      long timer = vertx.setPeriodic(TICK.toMillis(), id -> ctx.response().write("tick\n"));
      ctx.response().closeHandler(v -> vertx.cancelTimer(timer));
    });
    // Like a JSON API call: the answer waits for the whole body.
    router.post("/body").handler(ctx -> ctx.request().body().onSuccess(body -> ctx.response().end("ok")));
    server = vertx.createHttpServer(ConnectionLimits.options(new HttpServerOptions()));
    limits = ConnectionLimits.install(vertx, server, router, new ConnectionLimits.Deadlines(SHORT, SHORT, SHORT));
    server.listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stop() {
    limits.close();
    vertx.close().await();
  }

  @Test
  void aLongAnswerToARequestWithoutABodyOutlivesTheBodyDeadline() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
      socket.getOutputStream().write("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      Reader reader = Reader.start(socket.getInputStream());
      // 30 ticks take at least 3 s (a periodic timer never fires early): three times the body deadline.
      await().atMost(Duration.ofSeconds(30)).until(() -> reader.ticks.get() >= 30 || reader.closed.get());
      assertThat(reader.closed).as("the stream was cut after %d ticks", reader.ticks.get()).isFalse();
    }
  }

  @Test
  void aBodyThatStopsComingIsStillCutAtTheBodyDeadline() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
      socket.getOutputStream().write(("POST /body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"half\":").getBytes(StandardCharsets.US_ASCII));
      Reader reader = Reader.start(socket.getInputStream());
      // Well before the 60 s idle timeout could have closed it.
      await().atMost(Duration.ofSeconds(20)).untilTrue(reader.closed);
    }
  }

  /** Reads the answer on its own thread: counts "tick" lines, notes the end of the connection. */
  private record Reader(AtomicInteger ticks, AtomicBoolean closed) {
    static Reader start(InputStream in) {
      Reader reader = new Reader(new AtomicInteger(), new AtomicBoolean());
      Thread thread = new Thread(() -> {
        StringBuilder line = new StringBuilder();
        try {
          for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
              if (line.toString().trim().equals("tick")) {
                reader.ticks.incrementAndGet();
              }
              line.setLength(0);
            } else {
              line.append((char) b);
            }
          }
        } catch (IOException e) {
          // A reset is an end too.
        }
        reader.closed.set(true);
      }, "connection-limits-test-reader");
      thread.setDaemon(true);
      thread.start();
      return reader;
    }
  }
}
