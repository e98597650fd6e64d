package io.gatecast.controller.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one HTTP client can hold of the controller: a bounded number of connections, each closed
 * when it sends nothing for a while, when a request's head is not complete in time, or when a
 * JSON body does not arrive in time. Without these, a few thousand half-sent requests used up the
 * controller's open files and nothing else (not /health, not MQTT) was answered. The numbers and
 * why: docs/security.md ("HTTP connection limits").
 */
public final class ConnectionLimits implements AutoCloseable {
  /** No byte read or written for this long closes the connection (the event stream writes every 15 s). */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
  /** From connection open to a complete request head. */
  public static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);
  /**
   * From the end of an answer to the next complete request head on a kept-alive connection: as
   * long as the idle timeout, so clients see the usual keep-alive, while a next request sent a byte
   * at a time (which keeps the idle timer from firing) is still cut.
   */
  public static final Duration KEEP_ALIVE_HEAD_DEADLINE = IDLE_TIMEOUT;
  /** From a complete head to the end of a JSON body (at most 1 MiB); media uploads have only the idle timeout. */
  public static final Duration BODY_DEADLINE = Duration.ofSeconds(60);
  /** Open HTTP connections at once; more are closed as they arrive. */
  public static final int MAX_CONNECTIONS = 1000;
  /** Longest request line (method, URI, version); longer is answered 414. */
  public static final int MAX_INITIAL_LINE = 4096;
  /** All request headers together; more is answered 431. */
  public static final int MAX_HEADER_BYTES = 8192;
  private static final Duration CHECK_EVERY = Duration.ofMillis(500);
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);

  /** The deadlines a connection is held to; {@link #STANDARD} in the controller, shorter in tests. */
  record Deadlines(Duration header, Duration keepAliveHead, Duration body) {
    static final Deadlines STANDARD = new Deadlines(HEADER_DEADLINE, KEEP_ALIVE_HEAD_DEADLINE, BODY_DEADLINE);
  }

  private final Vertx vertx;
  private final Deadlines deadlines;
  private final Map<HttpConnection, Watched> connections = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong lastRefusalLog = new AtomicLong();
  private final long timer;

  private ConnectionLimits(Vertx vertx, Deadlines deadlines) {
    this.vertx = vertx;
    this.deadlines = deadlines;
    this.timer = vertx.setPeriodic(CHECK_EVERY.toMillis(), id -> check(System.nanoTime()));
  }

  /** The server options with the limits set (idle timeout, header sizes). */
  public static HttpServerOptions options(HttpServerOptions options) {
    return options
        // Without this, a plain connection is only set up (and seen here) once its first bytes tell
        // HTTP/1 from HTTP/2: a client that sends nothing would escape every limit. The API is HTTP/1.1.
        .setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) IDLE_TIMEOUT.toSeconds())
        .setMaxInitialLineLength(MAX_INITIAL_LINE)
        .setMaxHeaderSize(MAX_HEADER_BYTES);
  }

  /** Watches every connection of {@code server} and hands each request on to {@code handler}; close to stop. */
  public static ConnectionLimits install(Vertx vertx, HttpServer server, Handler<HttpServerRequest> handler) {
    return install(vertx, server, handler, Deadlines.STANDARD);
  }

  static ConnectionLimits install(Vertx vertx, HttpServer server, Handler<HttpServerRequest> handler,
      Deadlines deadlines) {
    ConnectionLimits limits = new ConnectionLimits(vertx, deadlines);
    server.connectionHandler(limits::opened);
    server.invalidRequestHandler(ConnectionLimits::invalid);
    server.requestHandler(request -> {
      Watched watched = limits.connections.get(request.connection());
      if (watched != null) {
        watched.request = request;
        watched.since = System.nanoTime();
        watched.answeredAt = 0;
        // Uploads stream up to the upload limit: only the idle timeout applies to them. A request
        // without a body has none to be late with, but one the AuthHandler paused and no route
        // resumed never reads as ended: the body deadline cut the live event stream every minute.
        watched.bodyDeadline = hasBody(request)
            && !(request.method() == HttpMethod.POST && "/api/v1/media".equals(request.path()));
      }
      handler.handle(request);
    });
    return limits;
  }

  /** Whether the request announces a body (HTTP/1.1: a non-zero length or a chunked one). */
  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("content-length");
    return request.getHeader("transfer-encoding") != null || (length != null && !"0".equals(length.trim()));
  }

  /** A request Netty could not read (line or headers too long, not HTTP): a JSON error, then the connection closes. */
  private static void invalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof io.netty.handler.codec.http.TooLongHttpLineException ? 414
        : cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException ? 431 : 400;
    String message = switch (status) {
      case 414 -> "the request line is longer than " + MAX_INITIAL_LINE + " bytes";
      case 431 -> "the request headers are larger than " + MAX_HEADER_BYTES + " bytes";
      default -> "not a valid HTTP request";
    };
    request.response().setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("connection", "close")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(new io.vertx.core.json.JsonObject().put("error", message).put("code", status == 400 ? "MALFORMED_REQUEST"
            : "REQUEST_TOO_LARGE").put("details", new io.vertx.core.json.JsonObject().put("status", status)).encode())
        .onComplete(done -> request.connection().close());
  }

  private void opened(HttpConnection connection) {
    Watched watched = new Watched(System.nanoTime());
    connections.put(connection, watched);
    connection.closeHandler(v -> {
      if (connections.remove(connection) != null) {
        open.decrementAndGet();
      }
    });
    if (open.incrementAndGet() > MAX_CONNECTIONS) {
      long now = System.nanoTime();
      long last = lastRefusalLog.get();
      if (now - last > Duration.ofMinutes(1).toNanos() && lastRefusalLog.compareAndSet(last, now)) {
        LOG.warn("more than {} HTTP connections open: closing new ones as they arrive (from {})", MAX_CONNECTIONS,
            connection.remoteAddress());
      }
      connection.close();
    }
  }

  /** Closes connections past a deadline; runs every {@link #CHECK_EVERY}. */
  private void check(long now) {
    connections.forEach((connection, watched) -> {
      HttpServerRequest request = watched.request;
      long waitingSince;
      Duration deadline = deadlines.header();
      if (request == null) {
        waitingSince = watched.since;
      } else if (!request.isEnded()) {
        if (watched.bodyDeadline && now - watched.since > deadlines.body().toNanos()) {
          connection.close();
        }
        return;
      } else if (request.response().ended()) {
        // Answered: on a kept-alive connection, the next request's head is due from now.
        if (watched.answeredAt == 0) {
          watched.answeredAt = now;
        }
        waitingSince = watched.answeredAt;
        deadline = deadlines.keepAliveHead();
      } else {
        return; // being answered (or a live stream): the handler decides
      }
      if (now - waitingSince > deadline.toNanos()) {
        connection.close();
      }
    });
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }

  /** What is known of one connection; written on its event loop, read by the check. */
  private static final class Watched {
    volatile HttpServerRequest request;
    volatile long since;
    volatile long answeredAt;
    volatile boolean bodyDeadline;

    Watched(long openedAt) {
      this.since = openedAt;
    }
  }
}
