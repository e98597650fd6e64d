package io.gatecast.agent.display;

import static io.gatecast.agent.display.LayoutViews.TEXTS;
import static io.gatecast.agent.display.LayoutViews.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.LayoutTemplate;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.testkit.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Switching a zoned layout in real Chromium, watched from inside the page: a probe samples the DOM
 * after every mutation (a MutationObserver, which runs before the browser can paint) and at every
 * animation frame, and records any moment where a region shows nothing (or an image not yet
 * decoded) or where two regions show different languages. All regions change language together,
 * and the next slide is preloaded, so neither may ever be seen.
 */
@IntegrationTest
class LayoutSwitchTest {
  @TempDir static Path profile;
  @TempDir static Path site;
  private static LayoutPage page;
  private static ChromeDriver driver;

  /** One poster per language, large enough that decoding it takes the browser a while. */
  @BeforeAll
  static void startBrowser() throws IOException {
    page = new LayoutPage(profile, site);
    driver = page.driver;
    Random noise = new Random(23);
    for (String language : TEXTS.keySet()) {
      BufferedImage poster = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < poster.getHeight(); y++) {
        for (int x = 0; x < poster.getWidth(); x++) {
          poster.setRGB(x, y, noise.nextInt(0x1000000));
        }
      }
      ImageIO.write(poster, "png", site.resolve("poster-" + language + ".png").toFile());
    }
  }

  @AfterAll
  static void stopBrowser() {
    if (page != null) {
      page.close();
    }
  }

  @Test
  void everyRegionSwitchesLanguageAtOnceAndNoneIsEverEmpty() throws IOException {
    for (ScreenShape shape : ScreenShape.values()) {
      page.viewport(shape.width(), shape.height());
      LayoutTemplate template = Templates.get(Templates.HEADER_MAIN_SIDE_TICKER, shape);
      List<String> languages = new ArrayList<>(TEXTS.keySet());
      mount(view(template, languages.get(0), false));
      for (String language : languages.subList(1, languages.size())) {
        Map<String, Object> seen = switchTo(view(template, language, false));
        String name = "switch-text-" + template.id() + "-" + shape.width() + "x" + shape.height() + "-" + language;
        page.screenshot(name);
        assertThat((List<?>) seen.get("violations")).as(name).isEmpty();
        assertThat(seen.get("languages")).as(name + ": what every region shows at the end")
            .isEqualTo(Map.of("HEADER", language, "MAIN", language, "SIDE", language, "TICKER", language));
        assertThat(seen.get("foreign")).as(name + ": an operator's text of another language still on screen")
            .isEqualTo(List.of());
      }
    }
  }

  @Test
  void aPosterStillDecodingHoldsBackEveryRegionUntilItCanBeShown() throws IOException {
    page.viewport(1920, 1080);
    LayoutTemplate template = Templates.get(Templates.HEADER_MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9);
    mount(withPoster(view(template, "vi", false), "vi"));
    for (String language : List.of("zh-Hans", "lo", "km", "hmn", "vi")) {
      Map<String, Object> seen = switchTo(withPoster(view(template, language, false), language));
      page.screenshot("switch-poster-" + language);
      assertThat((List<?>) seen.get("violations")).as("switch to " + language).isEmpty();
      assertThat(seen.get("languages")).as("switch to " + language)
          .isEqualTo(Map.of("HEADER", language, "MAIN", language, "SIDE", language, "TICKER", language));
      // the probe saw both sides of the switch: it watched the moment that matters
      assertThat(((Number) seen.get("samples")).intValue()).isGreaterThan(1);
    }
  }

  /** The view with its MAIN region showing this language's poster instead of the welcome text. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withPoster(Map<String, Object> view, String language) {
    Map<String, Object> copy = new LinkedHashMap<>(view);
    List<Map<String, Object>> regions = new ArrayList<>();
    for (Map<String, Object> region : (List<Map<String, Object>>) view.get("regions")) {
      Map<String, Object> r = new LinkedHashMap<>(region);
      if ("MAIN".equals(r.get("role"))) {
        r.put("item", Map.of("contentId", "poster", "title", "Poster", "language", language,
            "sha256", "poster-" + language, "mimeType", "image/png"));
      }
      regions.add(r);
    }
    copy.put("regions", regions);
    return copy;
  }

  /** Mounts a view and waits until every region shows its first piece. */
  private static void mount(Map<String, Object> view) throws IOException {
    ScreenShape shape = ScreenShape.valueOf((String) view.get("shape"));
    driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "var s = document.getElementById('screen');"
        + "s.style.width = '" + shape.width() + "px'; s.style.height = '" + shape.height() + "px';"
        + "window.handle = GateCastLayout.mount(s, " + Codec.mapper().writeValueAsString(view)
        + ", function (sha) { return sha + '.png'; });"
        + PROBE
        + "document.fonts.ready.then(function () { (function wait() {"
        + "  if (state(s).empty.length === 0) { done(); } else { requestAnimationFrame(wait); } })(); });");
  }

  /**
   * Updates to view with the probe running, until the main region shows view's language and a few
   * frames have passed; returns what the probe saw.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> switchTo(Map<String, Object> view) throws IOException {
    return (Map<String, Object>) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "var s = document.getElementById('screen'), next = " + Codec.mapper().writeValueAsString(view) + ";"
        + PROBE
        + "var seen = {violations: [], samples: 0};"
        + "function sample(why) { var st = state(s); seen.samples++;"
        + "  st.empty.forEach(function (role) { seen.violations.push(why + ': ' + role + ' shows nothing'); });"
        + "  var langs = Object.keys(st.languages).map(function (k) { return st.languages[k]; })"
        + "    .filter(function (l, i, a) { return a.indexOf(l) === i; });"
        + "  if (langs.length > 1) { seen.violations.push(why + ': regions in ' + JSON.stringify(st.languages)); }"
        + "  return st; }"
        + "var observer = new MutationObserver(function () { sample('after a mutation'); });"
        + "observer.observe(s, {subtree: true, childList: true, attributes: true, characterData: true});"
        + "var frames = 0, after = -1;"
        + "(function frame() { var st = sample('at a frame'); frames++;"
        + "  if (after < 0 && st.languages.MAIN === next.language) { after = frames; }"
        + "  if (after >= 0 && frames - after >= 3) { observer.disconnect();"
        + "    var end = state(s); seen.languages = end.languages; seen.foreign = foreign(s, next.language);"
        + "    done(seen); return; }"
        + "  requestAnimationFrame(frame); })();"
        + "window.handle.update(next);");
  }

  /**
   * The probe's reading of the screen: per region, the language of what it shows, and the regions
   * that show nothing — no visible slide or widgets, or an image the browser has not decoded.
   */
  private static final String PROBE = "function state(s) {"
      + " var out = {languages: {}, empty: []};"
      + " s.querySelectorAll('.gc-region').forEach(function (r) {"
      + "  var shown = Array.prototype.filter.call(r.children, function (c) {"
      + "   if (getComputedStyle(c).visibility !== 'visible' || getComputedStyle(c).display === 'none') return false;"
      + "   if (c.tagName === 'IMG') return c.complete && c.naturalWidth > 0;"
      + "   return c.classList.contains('gc-slide') || c.classList.contains('gc-widgets'); });"
      + "  if (shown.length === 0) { out.empty.push(r.dataset.role); return; }"
      + "  out.languages[r.dataset.role] = shown[shown.length - 1].lang; });"
      + " return out; }"
      + "function foreign(s, lang) {"
      + " var texts = " + foreignTexts() + ", found = [];"
      + " var visible = s.innerText;"
      + " Object.keys(texts).forEach(function (l) { if (l === lang) return;"
      + "  texts[l].forEach(function (t) { if (visible.indexOf(t) >= 0) found.push(l + ': ' + t); }); });"
      + " return found; }";

  /** Every language's operator texts that no other language shares, as a JS object literal. */
  private static String foreignTexts() {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    TEXTS.forEach((language, t) -> {
      List<String> own = new ArrayList<>(List.of(t.here(), t.there(), t.countdown()));
      own.addAll(t.ticker());
      texts.put(language, own);
    });
    try {
      return Codec.mapper().writeValueAsString(texts);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
