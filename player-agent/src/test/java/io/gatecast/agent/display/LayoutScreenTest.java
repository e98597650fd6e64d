package io.gatecast.agent.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.TestRules;
import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.playback.Playback;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.layout.ClockSpec;
import io.gatecast.protocol.layout.ClockZoneSpec;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.QrSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.protocol.layout.TickerSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.testkit.Chromium;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A zoned layout on the screen page (issue 23) in real Chromium: two screens of a gate, each with its
 * own page server and engine fed the same signed rules at the same instant, draw the same regions
 * in the same language; every region shows that language; an urgent alert covers all of it.
 * Screenshots under {@code target/screenshots/}.
 */
@IntegrationTest
class LayoutScreenTest {
  /** 09:00 in Hanoi. */
  private static final Instant NINE = Instant.parse("2026-03-15T02:00:00Z");
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir static Path profile;
  private static ChromeDriver driver;
  @TempDir Path dataDir;
  private PageServer first;
  private PageServer second;

  @BeforeAll
  static void startBrowser() {
    driver = Chromium.driver(profile);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @AfterEach
  void stopPages() {
    for (PageServer p : new PageServer[] {first, second}) {
      if (p != null) {
        p.close();
      }
    }
  }

  private static ItemSpec text(String id, String vi, String zh) {
    return new ItemSpec(id, id, List.of(VariantSpec.text("vi", vi, 10), VariantSpec.text("zh-Hans", zh, 10)));
  }

  private static ScreenRules rules(String screenId) {
    LayoutSpec hall = new LayoutSpec("hall", Templates.HEADER_MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.widgets(RegionRole.HEADER, WidgetSpec.clock(new ClockSpec(List.of(
            new ClockZoneSpec("Asia/Ho_Chi_Minh", "vn"), new ClockZoneSpec("Asia/Shanghai", "cn")))),
            WidgetSpec.date(true)),
        RegionSpec.widgets(RegionRole.SIDE, WidgetSpec.qr(new QrSpec("portal"))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("n1"))))));
    List<ItemSpec> items = List.of(
        text("welcome", "Chào mừng đến Cửa khẩu quốc tế Lào Cai", "欢迎来到老街国际口岸"),
        text("vn", "Lào Cai", "老街"), text("cn", "Hà Khẩu", "河口"),
        text("n1", "Xin xuất trình hộ chiếu", "请出示护照"),
        new ItemSpec("portal", "Portal", List.of(VariantSpec.text("vi", "https://laocai.gov.vn/", 10))));
    return new ScreenRules(TestRules.profile(screenId, "vi", "zh-Hans"), items, List.of(),
        new PlaylistSpec("default", List.of(EntrySpec.of("welcome"))), null, List.of(), hall);
  }

  private PageServer page(String screenId, MovableClock clock, Playback playback) throws IOException {
    playback.play(TestRules.schedule(1, rules(screenId)));
    return PageServer.start(0, screenId, playback, new MediaCache(dataDir.resolve(screenId)));
  }

  /** Each region's role, language and text, as drawn. */
  private Object drawn() {
    return driver.executeScript("return Array.from(document.querySelectorAll('#layout .gc-region')).map("
        + "r => r.dataset.role + '@' + r.lang + ':' + r.textContent.replace(/\\s+/g, ' ').trim()).join(' | ')");
  }

  private void open(PageServer page) {
    driver.get("http://127.0.0.1:" + page.port() + "/");
    await().atMost(DEADLINE).until(() -> "LANDSCAPE_16_9".equals(driver.executeScript("return document.body.dataset.layout")));
    await().atMost(DEADLINE).until(() -> !String.valueOf(drawn()).contains("MAIN@vi: |")
        && String.valueOf(drawn()).contains("TICKER"));
  }

  @Test
  void twoScreensOfAGateShowTheSameRegionsInTheSameLanguageAndAnAlertCoversThem() throws IOException {
    // Both engines read the same frozen instant: what they show must agree region by region.
    MovableClock clock = new MovableClock(NINE.plusSeconds(1));
    Playback one = new Playback(clock);
    Playback two = new Playback(clock);
    first = page("hall-1", clock, one);
    second = page("hall-2", clock, two);

    open(first);
    String onFirst = String.valueOf(drawn());
    Chromium.screenshot(driver, "layout-hall-1");
    open(second);
    String onSecond = String.valueOf(drawn());
    Chromium.screenshot(driver, "layout-hall-2");

    assertThat(onSecond).isEqualTo(onFirst);
    assertThat(onFirst).startsWith("MAIN@").contains("HEADER@", "SIDE@", "TICKER@");
    String language = String.valueOf(driver.executeScript("return document.body.dataset.language"));
    assertThat(language).isIn("vi", "zh-Hans");
    assertThat(driver.executeScript("return Array.from(document.querySelectorAll('#layout .gc-region'))"
        + ".every(r => r.lang === document.body.dataset.language)")).isEqualTo(true);
    boolean vi = language.equals("vi");
    assertThat(onFirst).contains(vi ? "Xin xuất trình hộ chiếu" : "请出示护照", vi ? "Lào Cai" : "老街", "09:00", "10:00")
        .doesNotContain(vi ? "请出示护照" : "Xin xuất trình hộ chiếu");
    assertThat(driver.executeScript("return document.querySelectorAll('#layout .gc-region[data-role=SIDE] svg path').length"))
        .isEqualTo(1L);
    assertThat(driver.executeScript("return document.getElementById('stage').children.length")).as("the stage stays empty")
        .isEqualTo(0L);

    // The next language: both screens move on together, every region at once.
    clock.set(NINE.plusSeconds(11));
    await().atMost(DEADLINE).until(() -> !language.equals(driver.executeScript("return document.body.dataset.language")));
    String next = String.valueOf(driver.executeScript("return document.body.dataset.language"));
    await().atMost(DEADLINE).until(() -> String.valueOf(drawn()).contains(next.equals("vi") ? "Xin xuất trình" : "请出示护照"));
    assertThat(driver.executeScript("return Array.from(document.querySelectorAll('#layout .gc-region'))"
        + ".every(r => r.lang === document.body.dataset.language)")).isEqualTo(true);
    Chromium.screenshot(driver, "layout-hall-2-" + next);
    String secondNow = String.valueOf(drawn());
    open(first);
    await().atMost(DEADLINE).until(() -> String.valueOf(drawn()).equals(secondNow));

    // An urgent alert covers every region.
    Instant sent = Instant.now().plusSeconds(1);
    one.alerts(new AlertMessage(new Header(1, "alert-1", sent), TestRules.CLUSTER, 1L,
        List.of(new AlertSpec("flood", TestRules.CLUSTER, NINE, null, Map.of("vi", "Cửa khẩu tạm đóng")))));
    await().atMost(DEADLINE).until(() -> Boolean.TRUE.equals(
        driver.executeScript("return document.getElementById('alert').classList.contains('on')")));
    assertThat(driver.executeScript("var a = document.getElementById('alert').getBoundingClientRect();"
        + " var covered = Array.from(document.querySelectorAll('#layout .gc-region')).every(r => {"
        + "   var b = r.getBoundingClientRect(); var x = b.left + b.width / 2, y = b.top + b.height / 2;"
        + "   return document.elementFromPoint(x, y).closest('#alert') !== null; });"
        + " return covered && a.width === innerWidth && a.height === innerHeight")).isEqualTo(true);
    Chromium.screenshot(driver, "layout-alert");
  }
}
