package io.gatecast.controller.edges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatecast.controller.RunningController;
import io.gatecast.controller.http.ConnectionLimits;
import io.gatecast.testkit.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * What a broken or hostile HTTP client can hold of the controller (issue 16, items 2, 5, 7 and the
 * security headers of 9), over plain sockets against a real controller.
 */
@IntegrationTest
class HttpEdgesTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  private int port() {
    return RUNNING.controller().httpPort();
  }

  @Test
  void aRefusedBodyClosesItsConnectionSoTheNextRequestIsNotLeftHanging() {
    try (RawHttp connection = new RawHttp(port())) {
      // Announces 2 MiB of JSON (over the 1 MiB limit) and sends the first bytes of it.
      connection.send("POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + (2 * 1024 * 1024) + "\r\n\r\n{\"username\":\"");
      RawHttp.Response refused = connection.read();
      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.header("connection")).isEqualToIgnoringCase("close");
      assertThat(refused.body()).contains("\"error\"");
      // Before: the connection stayed open and a next request on it got no answer for 70 s+.
      await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedByServer(200));
    }
    // Other connections are served as before.
    try (RawHttp next = new RawHttp(port())) {
      assertThat(next.send(RawHttp.request("GET", "/health", null, null)).read().status()).isEqualTo(200);
    }
  }

  @Test
  void aRequestWhoseHeadNeverCompletesIsClosed() {
    try (RawHttp stalled = new RawHttp(port())) {
      stalled.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      // Closed after the header deadline, well before the idle timeout could have done it.
      assertThat(ConnectionLimits.HEADER_DEADLINE).isLessThan(ConnectionLimits.IDLE_TIMEOUT);
      await().atMost(ConnectionLimits.HEADER_DEADLINE.plus(Duration.ofSeconds(15)))
          .until(() -> stalled.closedByServer(500));
    }
  }

  @Test
  void aKeptAliveConnectionIsServedAgain() {
    try (RawHttp connection = new RawHttp(port())) {
      // Keep-alive works: answers on one connection, the deadlines re-armed after each.
      for (int i = 0; i < 3; i++) {
        assertThat(connection.send(RawHttp.request("GET", "/health", null, null)).read().status()).isEqualTo(200);
      }
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAndTheControllerStillAnswersOnceTheyGo() {
    List<RawHttp> held = new ArrayList<>();
    try {
      for (int i = 0; i < ConnectionLimits.MAX_CONNECTIONS + 1; i++) {
        held.add(new RawHttp(port()));
      }
      // At least the last one over the limit is closed by the controller at once.
      await().atMost(DEADLINE).until(() -> held.get(held.size() - 1).closedByServer(200));
    } finally {
      held.forEach(RawHttp::close);
    }
    await().atMost(DEADLINE).untilAsserted(() -> {
      try (RawHttp fresh = new RawHttp(port())) {
        assertThat(fresh.send(RawHttp.request("GET", "/health", null, null)).read().status()).isEqualTo(200);
      }
    });
  }

  @Test
  void aMalformedUrlIsA400WithOneLogLineAndNoStackTrace() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    log.start();
    root.addAppender(log);
    // As in production (logback.xml): INFO and above.
    ch.qos.logback.classic.Level before = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.INFO);
    try (RawHttp connection = new RawHttp(port())) {
      RawHttp.Response answer = connection.send(RawHttp.request("GET", "/health%zz", null, null)).read();
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.header("content-type")).startsWith("application/json");
      assertThat(answer.body()).contains("\"code\":\"MALFORMED_URL\"");
      // The same connection still works.
      assertThat(connection.send(RawHttp.request("GET", "/health", null, null)).read().status()).isEqualTo(200);
    } finally {
      root.setLevel(before);
      root.detachAppender(log);
    }
    List<ILoggingEvent> aboutIt = log.list.stream().filter(e -> e.getFormattedMessage().contains("%zz")).toList();
    assertThat(aboutIt).hasSize(1);
    assertThat(log.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
  }

  @Test
  void aTooLongRequestLineIsAJson414AndTheConnectionCloses() {
    try (RawHttp connection = new RawHttp(port())) {
      RawHttp.Response answer = connection.send(RawHttp.request("GET", "/media/" + "a".repeat(ConnectionLimits.MAX_INITIAL_LINE),
          null, null)).read();
      assertThat(answer.status()).isEqualTo(414);
      assertThat(answer.header("content-type")).startsWith("application/json");
      assertThat(answer.body()).contains("\"error\"");
      await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedByServer(200));
    }
  }

  @Test
  void apiAndMediaAnswersCarryTheSecurityHeaders() {
    for (String path : List.of("/health", "/api/v1/me", "/api/v1/nothing-here", "/media/" + "0".repeat(64))) {
      try (RawHttp connection = new RawHttp(port())) {
        RawHttp.Response answer = connection.send(RawHttp.request("GET", path, RUNNING.api().token(), null)).read();
        assertThat(answer.header("x-content-type-options")).as(path).isEqualTo("nosniff");
        assertThat(answer.header("x-frame-options")).as(path).isEqualTo("DENY");
        assertThat(answer.header("referrer-policy")).as(path).isEqualTo("no-referrer");
      }
    }
  }
}
