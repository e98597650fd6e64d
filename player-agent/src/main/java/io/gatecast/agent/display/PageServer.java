package io.gatecast.agent.display;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.playback.Playback;
import io.gatecast.agent.playback.Playback.NowPlaying;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.schedules.SlotKind;
import io.gatecast.schedules.layout.view.LayoutView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * GET /now            what plays now, what plays next, overlays (alert, identify, message), as JSON
 * GET /media/{sha256} a cached media file
 * GET /screen/render.js, /screen/screen.css   the shared slide renderer (module screen-renderer)
 * GET /screen/layout.js, /screen/layout.css   its zoned layouts (issue 23)
 * </pre>
 *
 * <p>The page polls {@code /now}; every poll is also the page's sign of life, which
 * {@link #sincePagePolled()} turns into the heartbeat's display state.
 */
public final class PageServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PageServer.class);
  private static final String PAGE_RESOURCE = "page.html";
  private static final String MEDIA_PREFIX = "/media/";
  /** The shared renderer's files, as the page asks for them, with their classpath resource and type. */
  private static final Map<String, String[]> RENDERER = Map.of(
      "/screen/render.js", new String[] {"/io/gatecast/screen/render.js", "text/javascript; charset=utf-8"},
      "/screen/layout.js", new String[] {"/io/gatecast/screen/layout.js", "text/javascript; charset=utf-8"},
      "/screen/layout.css", new String[] {"/io/gatecast/screen/layout.css", "text/css; charset=utf-8"},
      "/screen/screen.css", new String[] {"/io/gatecast/screen/screen.css", "text/css; charset=utf-8"});

  /**
   * The JSON of {@code GET /now}; field names are a contract with the page and the tests.
   * {@code kind} is ALERT, CAMPAIGN, DEFAULT or IDLE (null before any schedule); {@code item} is
   * null when idle.
   */
  public record NowView(String screenId, Long appliedVersion, SlotKind kind, ItemView item, Instant until,
      ItemView next, AlertView alert, IdentifyView identify, MessageView message, String reloadToken,
      PlaceholderView placeholder, LayoutView layout) {
    /** Without a layout: the programme full screen. */
    public NowView(String screenId, Long appliedVersion, SlotKind kind, ItemView item, Instant until,
        ItemView next, AlertView alert, IdentifyView identify, MessageView message, String reloadToken,
        PlaceholderView placeholder) {
      this(screenId, appliedVersion, kind, item, until, next, alert, identify, message, reloadToken, placeholder, null);
    }
  }

  /**
   * The card the page shows instead of a black screen when there is nothing to play, for the
   * technician in front of it: which screen and gate this is and why it is empty.
   *
   * @param reason {@code NO_SCHEDULE} (enrolled, no schedule received yet) or {@code NOTHING_TO_PLAY}
   *     (the rules have no campaign and no default playlist for now)
   * @param clusterId the gate, once a schedule named it
   * @param screenName the screen's name as people gave it, once a schedule carried it; null: show the id
   * @param gateName the gate's name, once a schedule carried it; null: show the gate's id
   */
  public record PlaceholderView(String reason, String screenId, String clusterId, Long appliedVersion,
      String screenName, String gateName) {
    public static final String NO_SCHEDULE = "NO_SCHEDULE";
    public static final String NOTHING_TO_PLAY = "NOTHING_TO_PLAY";
  }

  /**
   * An urgent alert in force: every language's line, the screen's own languages first in the
   * screen's order, then the others. (The order inside the message is not kept: signing puts the
   * members of the text map in canonical, alphabetical order.)
   */
  public record AlertView(String id, List<LineView> lines) {
    static AlertView of(AlertSpec alert, List<String> screenLanguages) {
      return new AlertView(alert.id(), alert.text().entrySet().stream()
          .sorted(java.util.Comparator.comparingInt(line -> rank(line.getKey(), screenLanguages)))
          .map(line -> new LineView(line.getKey(), line.getValue())).toList());
    }

    /** Position of a tag in the screen's list, matching "zh" with "zh-Hans" either way; unlisted last. */
    private static int rank(String tag, List<String> screenLanguages) {
      String primary = tag.split("-")[0];
      for (int i = 0; i < screenLanguages.size(); i++) {
        String listed = screenLanguages.get(i);
        if (listed.equalsIgnoreCase(tag) || listed.split("-")[0].equalsIgnoreCase(primary)) {
          return i;
        }
      }
      return screenLanguages.size();
    }
  }

  /** One line of text in one language (BCP 47 tag). */
  public record LineView(String language, String text) {}

  /** Shown over the content while a technician identifies the screen. */
  public record IdentifyView(String screenId, String clusterId, Long appliedVersion, String screenName, String gateName) {}

  /** A full-screen message instead of content (for example the pairing code of an unenrolled screen). */
  public record MessageView(String title, String text) {}

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

    /** The same play as a layout region's slide (the engine's type, the same JSON). */
    LayoutView.SlideView slide() {
      return new LayoutView.SlideView(contentId, title, sha256, mimeType, durationSeconds, language, text);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String screenId;
  private final Playback playback;
  private final MediaCache cache;
  private final byte[] page;
  private final Map<String, byte[]> rendererFiles;
  private volatile long identifyUntilNanos;
  private volatile boolean identifying;
  private volatile MessageView message;
  private volatile String reloadToken;
  private volatile long lastPollNanos;
  private volatile boolean polled;
  private volatile String pageShows = "";
  /** The engine of the applied schedule's layouts, rebuilt when another schedule is applied. */
  private volatile LayoutChooser layoutEngine;

  private PageServer(HttpServer server, ExecutorService executor, String screenId, Playback playback, MediaCache cache) {
    this.server = server;
    this.executor = executor;
    this.screenId = screenId;
    this.playback = playback;
    this.cache = cache;
    this.page = loadPage(screenId);
    this.rendererFiles = loadRenderer();
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
        lastPollNanos = System.nanoTime();
        polled = true;
        pageShows = showingParameter(exchange.getRequestURI().getRawQuery());
        send(exchange, 200, "application/json; charset=utf-8", Codec.mapper().writeValueAsBytes(now()));
      } else if (RENDERER.containsKey(path)) {
        send(exchange, 200, RENDERER.get(path)[1], rendererFiles.get(path));
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

  /** What the page is told: public so tests and other parts can see exactly what the page sees. */
  public NowView now() {
    NowPlaying now = playback.now();
    ItemView next = now.until() == null ? null
        : playback.at(now.until()).current().map(ItemView::of).orElse(null);
    AlertView alert = now.kind() == SlotKind.ALERT
        ? now.current().flatMap(shown -> playback.alert(shown.contentId()))
            .map(a -> AlertView.of(a, playback.schedule().map(s -> s.rules().profile().languages()).orElse(List.of())))
            .orElse(null)
        : null;
    Optional<ScreenProfile> profile = playback.schedule().map(s -> s.rules().profile());
    // The names the console lists screens and gates by, with the id a technician may be asked for.
    IdentifyView identify = identifying && System.nanoTime() - identifyUntilNanos < 0
        ? new IdentifyView(screenId, profile.map(ScreenProfile::clusterId).orElse(null), now.appliedVersion(),
            profile.map(ScreenProfile::screenName).orElse(null), profile.map(ScreenProfile::gateName).orElse(null))
        : null;
    PlaceholderView placeholder = now.current().isPresent() ? null
        : new PlaceholderView(now.kind() == null ? PlaceholderView.NO_SCHEDULE : PlaceholderView.NOTHING_TO_PLAY,
            screenId, profile.map(ScreenProfile::clusterId).orElse(null), now.appliedVersion(),
            profile.map(ScreenProfile::screenName).orElse(null), profile.map(ScreenProfile::gateName).orElse(null));
    ItemView item = now.current().map(ItemView::of).orElse(null);
    return new NowView(screenId, now.appliedVersion(), now.kind(), item,
        now.until(), next, alert, identify, message, reloadToken, placeholder,
        layout(now.kind() == SlotKind.ALERT ? null : item));
  }

  /**
   * The zoned layout's view now, from the applied rules: a campaign's own layout during its slots,
   * else the screen's; null when none applies.
   */
  private LayoutView layout(ItemView stageItem) {
    ScreenRules rules = playback.schedule().map(ScheduleMessage::rules).orElse(null);
    if (rules == null || rules.layout() == null && rules.campaignLayouts().isEmpty()) {
      return null;
    }
    LayoutChooser chooser = layoutEngine;
    if (chooser == null || chooser.rules() != rules) {
      chooser = LayoutChooser.of(rules);
      layoutEngine = chooser;
    }
    return chooser.at(playback.instant(), stageItem);
  }

  /** Shows the screen's id over the content for {@code duration} (the IDENTIFY command). */
  public void identify(Duration duration) {
    identifyUntilNanos = System.nanoTime() + duration.toNanos();
    identifying = true;
  }

  /** Shows a full-screen message instead of content until {@link #clearMessage()}. */
  public void showMessage(String title, String text) {
    message = new MessageView(title, text);
  }

  public void clearMessage() {
    message = null;
  }

  /**
   * Asks the page to reload itself (the RELOAD command when the browser has no DevTools port):
   * the page reloads when it sees a token it has not seen before.
   */
  public void requestReload() {
    reloadToken = UUID.randomUUID().toString();
  }

  /**
   * What the page said it shows at its last poll: a content id, {@code alert:<id>} under an alert,
   * or empty (nothing yet, or idle).
   */
  public String pageShows() {
    return pageShows;
  }

  /** The {@code showing} query parameter, kept only if it looks like an id (the page is ours, but the port is open to any local process). */
  private static String showingParameter(String rawQuery) {
    if (rawQuery == null) {
      return "";
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("showing=")) {
        String value = java.net.URLDecoder.decode(pair.substring("showing=".length()), StandardCharsets.UTF_8);
        return value.matches("[A-Za-z0-9_.:-]{1,80}") ? value : "";
      }
    }
    return "";
  }

  /** How long since the page last asked what to show; empty if it never did since the agent started. */
  public Optional<Duration> sincePagePolled() {
    return polled ? Optional.of(Duration.ofNanos(System.nanoTime() - lastPollNanos)) : Optional.empty();
  }

  private void serveMedia(HttpExchange exchange, String sha256) throws IOException {
    // MediaCache.file accepts only 64 hex digits, so nothing like "../schedule.json" gets through.
    Optional<Path> file = cache.file(sha256);
    if (file.isEmpty()) {
      send(exchange, 404, "text/plain; charset=utf-8", "no such media\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String mimeType = playback.mimeTypeOf(sha256).orElse("application/octet-stream");
    if (mimeType.toLowerCase(java.util.Locale.ROOT).startsWith("text/") && !mimeType.toLowerCase(java.util.Locale.ROOT).contains("charset")) {
      // An HTML slide that names no charset would be read as windows-1252: Vietnamese breaks.
      mimeType = mimeType + "; charset=utf-8";
    }
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

  private static Map<String, byte[]> loadRenderer() {
    Map<String, byte[]> files = new HashMap<>();
    RENDERER.forEach((path, resource) -> {
      try (InputStream in = PageServer.class.getResourceAsStream(resource[0])) {
        if (in == null) {
          throw new IllegalStateException("resource " + resource[0] + " (module screen-renderer) is missing from the class path");
        }
        files.put(path, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return Map.copyOf(files);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
