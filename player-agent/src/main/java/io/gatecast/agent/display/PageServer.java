package io.gatecast.agent.display;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.playback.Playback;
import io.gatecast.agent.playback.Playback.NowPlaying;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.MediaRef;
import io.gatecast.schedules.SlotKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page a full-screen kiosk browser shows, served by the JDK's own HTTP server so the agent
 * needs no web framework. Loopback only: the page is for the browser on this machine.
 *
 * <pre>
 * GET /               the player page (HTML + JS)
 * GET /now            what plays now, as JSON
 * GET /media/{sha256} a cached media file
 * </pre>
 */
public final class PageServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PageServer.class);
  private static final String PAGE_RESOURCE = "page.html";
  private static final String MEDIA_PREFIX = "/media/";

  /**
   * The JSON of {@code GET /now}; field names are a contract with the page and the tests.
   * {@code kind} is ALERT, CAMPAIGN, DEFAULT or IDLE (null before any schedule); {@code item} is
   * null when idle.
   */
  public record NowView(String screenId, Long appliedVersion, SlotKind kind, ItemView item, Instant until) {}

  /**
   * One play. Media variants carry {@code sha256} and {@code mimeType}; text variants (tickers)
   * and alerts carry {@code text} instead. {@code language} is the variant's BCP 47 tag. For an
   * alert, {@code contentId} is the alert's id.
   */
  public record ItemView(String contentId, String title, String sha256, String mimeType, Long durationSeconds,
      String language, String text) {
    static ItemView of(Playback.Shown shown) {
      MediaRef media = shown.media();
      return new ItemView(shown.contentId(), shown.title(), media == null ? null : media.sha256(),
          media == null ? null : media.mimeType(), shown.seconds(), shown.language(), shown.text());
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String screenId;
  private final Playback playback;
  private final MediaCache cache;
  private final byte[] page;

  private PageServer(HttpServer server, ExecutorService executor, String screenId, Playback playback, MediaCache cache) {
    this.server = server;
    this.executor = executor;
    this.screenId = screenId;
    this.playback = playback;
    this.cache = cache;
    this.page = loadPage(screenId);
  }

  /** Starts serving on 127.0.0.1:{@code port} (0 for any free port). */
  public static PageServer start(int port, String screenId, Playback playback, MediaCache cache) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    // A few threads, so a browser streaming a long video never holds up /now.
    AtomicInteger count = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "gatecast-page-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    PageServer pages = new PageServer(server, executor, screenId, playback, cache);
    server.setExecutor(executor);
    server.createContext("/", pages::handle);
    server.start();
    return pages;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/")) {
        send(exchange, 200, "text/html; charset=utf-8", page);
      } else if (path.equals("/now")) {
        send(exchange, 200, "application/json; charset=utf-8", Codec.mapper().writeValueAsBytes(now()));
      } else if (path.startsWith(MEDIA_PREFIX)) {
        serveMedia(exchange, path.substring(MEDIA_PREFIX.length()));
      } else {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      // Browsers drop connections mid-video all the time; nothing to do but note it.
      LOG.debug("page request {} failed: {}", exchange.getRequestURI(), e.toString());
    }
  }

  private NowView now() {
    NowPlaying now = playback.now();
    return new NowView(screenId, now.appliedVersion(), now.kind(), now.current().map(ItemView::of).orElse(null),
        now.until());
  }

  private void serveMedia(HttpExchange exchange, String sha256) throws IOException {
    // MediaCache.file accepts only 64 hex digits, so nothing like "../schedule.json" gets through.
    Optional<Path> file = cache.file(sha256);
    if (file.isEmpty()) {
      send(exchange, 404, "text/plain; charset=utf-8", "no such media\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String mimeType = playback.mimeTypeOf(sha256).orElse("application/octet-stream");
    exchange.getResponseHeaders().set("Content-Type", mimeType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    // Content-addressed: a name never changes its bytes, so the browser may keep it forever.
    exchange.getResponseHeaders().set("Cache-Control", "public, max-age=31536000, immutable");
    long size = Files.size(file.get());
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : (size == 0 ? -1 : size));
    if (!head) {
      try (OutputStream body = exchange.getResponseBody()) {
        Files.copy(file.get(), body);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] loadPage(String screenId) {
    try (InputStream in = PageServer.class.getResourceAsStream(PAGE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + PAGE_RESOURCE + " is missing from the agent's jar");
      }
      String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return html.replace("{{screenId}}", Html.escape(screenId)).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
