package io.gatecast.agent.display;

import static io.gatecast.agent.display.LayoutViews.TEXTS;
import static io.gatecast.agent.display.LayoutViews.view;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.LayoutTemplate;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.TemplateRegion;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.testkit.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every built-in layout template in real headless Chromium with Debian's Noto fonts, drawn by
 * screen-renderer's layout.js from data the Java side computes (clock readings, the lunar date,
 * today's opening hours, the QR modules, the countdown): at 1920x1080 and 1080x1920, in Vietnamese,
 * Simplified Chinese, Lao, Khmer and a long White Hmong text, nothing overflows its region —
 * measured from the DOM, glyph box by glyph box — and the text stays readable. Screenshots are kept
 * as {@code target/screenshots/layout-*.png}.
 */
@IntegrationTest
class LayoutPageTest {
  /** Smallest font size any text may be shrunk to and still be read across a hall, in CSS px at full size. */
  private static final double MIN_READABLE_PX = 9;

  @TempDir static Path profile;
  @TempDir static Path site;
  private static LayoutPage page;
  private static ChromeDriver driver;

  @BeforeAll
  static void startBrowser() throws IOException {
    page = new LayoutPage(profile, site);
    driver = page.driver;
  }

  @AfterAll
  static void stopBrowser() {
    if (page != null) {
      page.close();
    }
  }

  @Test
  void everyTemplateInEveryScriptFitsItsRegions() throws IOException {
    List<String> problems = new ArrayList<>();
    int crawling = 0;
    for (ScreenShape shape : ScreenShape.values()) {
      viewport(shape.width(), shape.height());
      for (LayoutTemplate template : Templates.all().stream().filter(t -> t.shape() == shape).toList()) {
        for (String language : TEXTS.keySet()) {
          String name = template.id() + "-" + (shape == ScreenShape.LANDSCAPE_16_9 ? "1920x1080" : "1080x1920") + "-" + language;
          Map<String, Object> report = mount(view(template, language, language.equals("km")));
          page.screenshot(name);

          @SuppressWarnings("unchecked")
          List<String> found = (List<String>) report.get("problems");
          found.forEach(p -> problems.add(name + ": " + p));
          double minFont = ((Number) report.get("minFont")).doubleValue();
          if (minFont < MIN_READABLE_PX) {
            problems.add(name + ": text shrunk to " + minFont + "px");
          }
          crawling += ((Number) report.get("crawls")).intValue();
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Number>> rects = (Map<String, Map<String, Number>>) report.get("rects");
          for (TemplateRegion region : template.regions()) {
            Map<String, Number> r = rects.get(region.role().name());
            assertThat(r).as(name + " " + region.role()).isNotNull();
            assertThat(r.get("x").doubleValue()).as(name + " " + region.role() + " x")
                .isCloseTo(region.rect().x() * shape.width(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(r.get("y").doubleValue()).isCloseTo(region.rect().y() * shape.height(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(r.get("w").doubleValue()).isCloseTo(region.rect().w() * shape.width(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(r.get("h").doubleValue()).isCloseTo(region.rect().h() * shape.height(), org.assertj.core.data.Offset.offset(1.0));
          }
          problems.addAll(placement(name, report));
          if (template.region(io.gatecast.protocol.layout.RegionRole.SIDE).isPresent()) {
            double qr = ((Number) report.get("qrPx")).doubleValue();
            assertThat(qr).as(name + ": QR code side in px, at least 3 px a module").isGreaterThanOrEqualTo(37 * 3);
          }
        }
      }
    }
    assertThat(problems).as("text outside its region or box").isEmpty();
    // The long Hmong ticker cannot fit one band at a readable size: it crawls instead of being cut.
    assertThat(crawling).isPositive();
  }

  @Test
  void anUrgentAlertCoversEveryRegion() throws IOException {
    viewport(1920, 1080);
    LayoutTemplate template = Templates.get(Templates.HEADER_MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9);
    mount(view(template, "vi", false));
    @SuppressWarnings("unchecked")
    Map<String, Object> covered = (Map<String, Object>) driver.executeScript(
        "window.handle.alert(['KHẨN CẤP: tạm dừng thông quan', '紧急：暂停通关'], 'vi');"
            + "var s = document.getElementById('screen'), o = s.querySelector('.gc-alert'), out = {};"
            + "var a = o.getBoundingClientRect(), b = s.getBoundingClientRect();"
            + "out.same = Math.abs(a.left-b.left) < 1 && Math.abs(a.top-b.top) < 1 && Math.abs(a.width-b.width) < 1"
            + "  && Math.abs(a.height-b.height) < 1;"
            + "out.regions = {}; s.querySelectorAll('.gc-region').forEach(function (r) { var q = r.getBoundingClientRect();"
            + "  var hit = document.elementFromPoint(q.left + q.width / 2, q.top + q.height / 2);"
            + "  out.regions[r.dataset.role] = !!(hit && hit.closest('.gc-alert')); });"
            + "return out;");
    page.screenshot("alert-over-header-main-side-ticker");
    assertThat(covered.get("same")).isEqualTo(true);
    assertThat(covered.get("regions")).isEqualTo(Map.of("HEADER", true, "MAIN", true, "SIDE", true, "TICKER", true));
  }

  private static void viewport(int width, int height) {
    page.viewport(width, height);
  }

  /**
   * Each region's box as the browser placed it: inside the viewport, and overlapping no other
   * region (by more than half a pixel of rounding either way).
   */
  @SuppressWarnings("unchecked")
  private static List<String> placement(String name, Map<String, Object> report) {
    List<String> problems = new ArrayList<>();
    Map<String, Number> viewport = (Map<String, Number>) report.get("viewport");
    double vw = viewport.get("w").doubleValue();
    double vh = viewport.get("h").doubleValue();
    List<Map.Entry<String, Map<String, Number>>> boxes =
        new ArrayList<>(((Map<String, Map<String, Number>>) report.get("boxes")).entrySet());
    for (int i = 0; i < boxes.size(); i++) {
      Map<String, Number> a = boxes.get(i).getValue();
      if (a.get("l").doubleValue() < -0.5 || a.get("t").doubleValue() < -0.5
          || a.get("r").doubleValue() > vw + 0.5 || a.get("b").doubleValue() > vh + 0.5) {
        problems.add(name + ": " + boxes.get(i).getKey() + " " + a + " leaves the viewport " + vw + "x" + vh);
      }
      for (int j = i + 1; j < boxes.size(); j++) {
        Map<String, Number> b = boxes.get(j).getValue();
        double w = Math.min(a.get("r").doubleValue(), b.get("r").doubleValue())
            - Math.max(a.get("l").doubleValue(), b.get("l").doubleValue());
        double h = Math.min(a.get("b").doubleValue(), b.get("b").doubleValue())
            - Math.max(a.get("t").doubleValue(), b.get("t").doubleValue());
        if (w > 0.5 && h > 0.5) {
          problems.add(name + ": " + boxes.get(i).getKey() + " and " + boxes.get(j).getKey() + " overlap by "
              + Math.round(w) + "x" + Math.round(h) + " px");
        }
      }
    }
    return problems;
  }

  /** Mounts a view and measures, after the fonts have loaded, every text's glyph boxes against its region. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> mount(Map<String, Object> view) throws JsonProcessingException {
    String json = Codec.mapper().writeValueAsString(view);
    ScreenShape shape = ScreenShape.valueOf((String) view.get("shape"));
    return (Map<String, Object>) driver.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "var s = document.getElementById('screen');"
            + "s.style.width = '" + shape.width() + "px'; s.style.height = '" + shape.height() + "px';"
            + "window.handle = GateCastLayout.mount(s, " + json + ");"
            + "document.fonts.ready.then(function () { window.handle.refit();"
            + " requestAnimationFrame(function () { requestAnimationFrame(function () { done(measure(s)); }); }); });"
            + MEASURE);
  }

  /**
   * The test's own measurement, independent of layout.js's: every visible text node's client
   * rects must lie within its region; every fitted box must not scroll; crawling lines count apart.
   */
  private static final String MEASURE = "function measure(s) {"
      + " var out = {problems: [], minFont: 1e9, crawls: 0, rects: {}, boxes: {}, qrPx: 0,"
      + "  viewport: {w: window.innerWidth, h: window.innerHeight}}, sb = s.getBoundingClientRect();"
      + " s.querySelectorAll('.gc-region').forEach(function (region) {"
      + "  var r = region.getBoundingClientRect(), role = region.dataset.role;"
      + "  out.rects[role] = {x: r.left - sb.left, y: r.top - sb.top, w: r.width, h: r.height};"
      + "  out.boxes[role] = {l: r.left, t: r.top, r: r.right, b: r.bottom};"
      + "  var walk = document.createTreeWalker(region, NodeFilter.SHOW_TEXT), n;"
      + "  while ((n = walk.nextNode())) {"
      + "   if (!n.textContent.trim()) continue;"
      + "   var host = n.parentElement, slide = host.closest('.gc-slide');"
      + "   if (slide && !slide.classList.contains('on')) { out.problems.push(role + ': a slide is not shown yet'); continue; }"
      + "   if (host.closest('.gc-crawl')) { out.crawls++;"
      + "     var lb = host.getBoundingClientRect(); if (lb.top < r.top - 1 || lb.bottom > r.bottom + 1)"
      + "       out.problems.push(role + ': crawling line taller than its band'); continue; }"
      + "   out.minFont = Math.min(out.minFont, parseFloat(getComputedStyle(host).fontSize));"
      + "   var range = document.createRange(); range.selectNodeContents(n);"
      + "   var rects = range.getClientRects();"
      + "   for (var i = 0; i < rects.length; i++) { var q = rects[i];"
      + "     if (q.left < r.left - 1 || q.right > r.right + 1 || q.top < r.top - 1 || q.bottom > r.bottom + 1) {"
      + "       out.problems.push(role + ': \"' + n.textContent.slice(0, 40) + '\" at ' + Math.round(q.left) + ','"
      + "         + Math.round(q.top) + ' ' + Math.round(q.width) + 'x' + Math.round(q.height) + ' leaves ' + Math.round(r.left)"
      + "         + ',' + Math.round(r.top) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); break; } }"
      + "  }"
      + "  region.querySelectorAll('[data-fit]').forEach(function (b) {"
      + "   if (b.classList.contains('gc-crawl')) return;"
      + "   if (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)"
      + "     out.problems.push(role + ': ' + b.className + ' scrolls ' + b.scrollWidth + 'x' + b.scrollHeight"
      + "       + ' in ' + b.clientWidth + 'x' + b.clientHeight); });"
      + "  region.querySelectorAll('svg.gc-qr-code').forEach(function (q) { var g = q.getBoundingClientRect();"
      + "   out.qrPx = Math.min(g.width, g.height);"
      + "   if (g.left < r.left - 1 || g.right > r.right + 1 || g.top < r.top - 1 || g.bottom > r.bottom + 1)"
      + "     out.problems.push(role + ': QR code leaves the region'); });"
      + " });"
      + " return out; }";

}
