package io.gatecast.agent.display;

import static io.gatecast.agent.display.LayoutViews.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.testkit.Chromium;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Ports;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The agent's screen page (page.html, as shipped) switching arrangement in real Chromium: full-screen
 * programme, the gate's layout, a campaign's own layout and back, every step with a poster large
 * enough that decoding it takes the browser frames. A small HTTP server stands in for the agent's
 * page server: it serves the page, the renderer's files, the posters and a {@code /now} the test
 * sets. A probe in the page samples what is on screen after every mutation (before the browser can
 * paint) and at every animation frame: the layout shown must have something decoded in every
 * region, and with no layout shown the stage must show a decoded slide. Never a black region or stage.
 */
@IntegrationTest
class ArrangementSwitchTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final int POSTERS = 6;

  @TempDir static Path profile;
  @TempDir static Path site;
  private static HttpServer server;
  private static ChromeDriver driver;
  private static final AtomicReference<String> now = new AtomicReference<>("{}");

  @BeforeAll
  static void start() throws IOException {
    Random noise = new Random(23);
    for (int i = 0; i < POSTERS; i++) {
      BufferedImage poster = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < poster.getHeight(); y++) {
        for (int x = 0; x < poster.getWidth(); x++) {
          poster.setRGB(x, y, noise.nextInt(0x1000000));
        }
      }
      ImageIO.write(poster, "png", site.resolve("poster-" + i).toFile());
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.free()), 0);
    server.createContext("/", ArrangementSwitchTest::serve);
    server.start();
    driver = Chromium.driver(profile);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private static void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    String type;
    if (path.equals("/")) {
      body = resource("/io/gatecast/agent/display/page.html").replace("{{screenId}}", "hall-1").getBytes(StandardCharsets.UTF_8);
      type = "text/html; charset=utf-8";
    } else if (path.equals("/now")) {
      body = now.get().getBytes(StandardCharsets.UTF_8);
      type = "application/json";
    } else if (path.startsWith("/screen/")) {
      body = resource("/io/gatecast/screen/" + path.substring("/screen/".length())).getBytes(StandardCharsets.UTF_8);
      type = path.endsWith(".css") ? "text/css" : "text/javascript";
    } else if (path.startsWith("/media/")) {
      body = Files.readAllBytes(site.resolve(path.substring("/media/".length())));
      type = "image/png";
    } else {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ArrangementSwitchTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The full-screen programme playing poster i. */
  private static Map<String, Object> fullScreen(int i) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("kind", "DEFAULT");
    n.put("appliedVersion", 1);
    n.put("item", poster(i, "vi"));
    n.put("until", "2099-01-01T00:00:00Z");
    return n;
  }

  /** A layout of this template with poster i in its MAIN region. */
  private static Map<String, Object> layout(String template, int i, String language) {
    Map<String, Object> v = LayoutSwitchTest.withPoster(
        view(Templates.get(template, ScreenShape.LANDSCAPE_16_9), language, false), language);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> regions = (List<Map<String, Object>>) v.get("regions");
    regions.stream().filter(r -> "MAIN".equals(r.get("role"))).forEach(r -> r.put("item", poster(i, language)));
    Map<String, Object> n = new LinkedHashMap<>(fullScreen(i));
    n.put("layout", v);
    return n;
  }

  private static Map<String, Object> poster(int i, String language) {
    return Map.of("contentId", "poster-" + i, "title", "Poster " + i, "language", language,
        "sha256", "poster-" + i, "mimeType", "image/png");
  }

  @Test
  void switchingArrangementNeverShowsAnEmptyRegionOrAnEmptyStage() throws IOException {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
    List<Map<String, Object>> steps = List.of(
        fullScreen(0),
        layout(Templates.HEADER_MAIN_SIDE_TICKER, 1, "vi"),       // the gate's layout
        layout(Templates.MAIN_TICKER, 2, "zh-Hans"),              // a campaign's own layout
        layout(Templates.HEADER_MAIN_SIDE_TICKER, 3, "vi"),       // back to the gate's
        fullScreen(4),                                            // a full-screen programme
        layout(Templates.MAIN_SIDE_TICKER, 5, "vi"));
    show(steps.get(0));
    driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    await().atMost(DEADLINE).until(() -> Boolean.TRUE.equals(driver.executeScript(SHOWN + "return shows('poster-0');")));
    driver.executeScript(PROBE);
    for (int i = 1; i < steps.size(); i++) {
      show(steps.get(i));
      String poster = "poster-" + i;
      await().atMost(DEADLINE).until(() -> Boolean.TRUE.equals(driver.executeScript(SHOWN + "return shows('" + poster + "');")));
      @SuppressWarnings("unchecked")
      Map<String, Object> seen = (Map<String, Object>) driver.executeScript("return window.seen;");
      assertThat((List<?>) seen.get("violations")).as("switch to step " + i).isEmpty();
      Chromium.screenshot(driver, "arrangement-" + i);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> seen = (Map<String, Object>) driver.executeScript("return window.seen;");
    // the probe watched the switches: many samples, and it saw both arrangements on screen
    @SuppressWarnings("unchecked")
    List<Object> arrangements = (List<Object>) seen.get("arrangements");
    assertThat(((Number) seen.get("samples")).intValue()).isGreaterThan(steps.size() * 3);
    assertThat(arrangements).contains("stage", "layout");
  }

  private static void show(Map<String, Object> next) throws IOException {
    now.set(Codec.mapper().writeValueAsString(next));
  }

  /**
   * What the screen shows: the layout boxes a person can see (displayed, not transparent) with, per
   * region, its visible decoded pieces; or, with none, the stage's visible decoded slide.
   */
  private static final String SHOWN = "function visible(e) { var c = getComputedStyle(e);"
      + "  return c.display !== 'none' && c.visibility === 'visible' && Number(c.opacity) > 0"
      + "    && !(e.tagName === 'IMG' && !(e.complete && e.naturalWidth > 0)); }"
      + "function opaque(e) { for (; e && e !== document.body; e = e.parentElement) {"
      + "  var c = getComputedStyle(e); if (c.display === 'none' || Number(c.opacity) === 0) return false; } return true; }"
      + "function screen() {"
      + "  var boxes = Array.prototype.filter.call(document.querySelectorAll('.gc-layout'), opaque);"
      + "  if (boxes.length) { var regions = {};"
      + "    boxes.forEach(function (b) { b.querySelectorAll('.gc-region').forEach(function (r) {"
      + "      regions[r.dataset.role] = Array.prototype.filter.call(r.children, function (c) {"
      + "        return (c.classList.contains('gc-slide') || c.classList.contains('gc-widgets')) && visible(c); })"
      + "        .map(function (c) { return c.dataset.content || 'widgets'; }); }); });"
      + "    return {arrangement: 'layout', regions: regions}; }"
      + "  var slides = Array.prototype.filter.call(document.getElementById('stage').children, visible)"
      + "    .map(function (c) { return c.dataset.content; });"
      + "  return {arrangement: 'stage', regions: {STAGE: slides}}; }"
      + "function shows(content) { var s = screen();"
      + "  return Object.keys(s.regions).some(function (k) { return s.regions[k].indexOf(content) >= 0; }); }";

  /** Samples the screen after every mutation and at every frame from now on, into window.seen. */
  private static final String PROBE = SHOWN
      + "window.seen = {violations: [], samples: 0, arrangements: []};"
      + "function sample(why) { var s = screen(); seen.samples++;"
      + "  if (seen.arrangements.indexOf(s.arrangement) < 0) { seen.arrangements.push(s.arrangement); }"
      + "  var roles = Object.keys(s.regions);"
      + "  if (roles.length === 0) { seen.violations.push(why + ': a layout with no regions'); }"
      + "  roles.forEach(function (role) { if (s.regions[role].length === 0) {"
      + "    seen.violations.push(why + ': ' + s.arrangement + ' ' + role + ' shows nothing'); } }); }"
      + "new MutationObserver(function () { sample('after a mutation'); })"
      + "  .observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});"
      + "(function frame() { sample('at a frame'); requestAnimationFrame(frame); })();";
}
