package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.WidgetType;
import io.gatecast.schedules.calendar.LunarCalendar;
import io.gatecast.schedules.calendar.LunarDate;
import io.gatecast.schedules.layout.QrMatrix;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's layout editor (issue 23, point 6), in Vietnamese and English, in real Chromium:
 * an operator picks a template, gives the main region a playlist and the other regions widgets,
 * and previews it with the screens' own layout.js, landscape and portrait, in each of the gate's
 * languages. Checked inside each preview frame: the template's regions are drawn, every region
 * shows the chosen language (all at once), and no fitted text overflows its box. What the editor
 * sends on saving is decoded as protocol's {@link LayoutSpec}, the controller's layouts API's body.
 * Screenshots: target/screenshots/console-layout-<vi|en>-*.png.
 */
@IntegrationTest
class ConsoleLayoutEditorTest extends ConsoleStory {
  private static final List<String> LANGUAGES = List.of("vi", "zh-Hans", "lo", "km");
  private static final String PORTAL = "https://laocai.gov.vn/thong-tin-doi-ngoai";
  /** Today at Lao Cai, when the test runs: set as a closed date of the gate. */
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void anOperatorBuildsALayoutAndPreviewsItInEveryLanguageOfTheGate(String lang) throws Exception {
    ConsoleBrowser browser = newLayoutAtLaoCai(lang);
    browser.waitVisible(By.id("lay-form"));
    new Select(browser.waitVisible(By.id("lay-template"))).selectByValue("header-main-side-ticker");

    // MAIN plays the welcome playlist; the bands get widgets.
    new Select(browser.waitVisible(By.cssSelector("select[data-region-mode='MAIN']"))).selectByValue("playlist");
    new Select(browser.waitVisible(By.cssSelector("select[data-region-playlist='MAIN']"))).selectByValue("chao-mung");
    addWidget(browser, "HEADER", "CLOCK");
    addWidget(browser, "HEADER", "DATE");
    addWidget(browser, "SIDE", "OPENING_HOURS");
    addWidget(browser, "SIDE", "QR");
    new Select(browser.waitVisible(By.cssSelector("[data-region='SIDE'] li[data-widget='QR'] select"))).selectByValue("cong-thong-tin");
    addWidget(browser, "SIDE", "COUNTDOWN");
    new Select(browser.waitVisible(By.cssSelector("[data-region='SIDE'] li[data-widget='COUNTDOWN'] select")))
        .selectByValue("hoi-cho");
    browser.setValue(By.cssSelector("[data-region='SIDE'] li[data-widget='COUNTDOWN'] input[data-setting='target']"),
        "2027-04-01T08:00");
    addWidget(browser, "TICKER", "TICKER");
    // Two lines picked in the multiple select (set as a Ctrl-click would: both stay selected).
    browser.driver.executeScript("var s = arguments[0];"
        + "Array.prototype.forEach.call(s.options, function (o) { o.selected = o.value === 'dong-1' || o.value === 'dong-2'; });"
        + "s.dispatchEvent(new Event('change', {bubbles: true}));",
        browser.waitVisible(By.cssSelector("[data-region='TICKER'] select[data-setting='ticker']")));
    // Both gate choosers start on the real gate, not the one unplaced screens wait in (whose id sorts first).
    assertThat(new Select(browser.waitVisible(By.id("lay-gate"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("lao-cai");
    assertThat(new Select(browser.waitVisible(By.id("facts-gate"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("lao-cai");

    // The gate's facts, in the console: closed today, and the clock's places named by text items.
    browser.waitVisible(By.cssSelector("#facts-form[data-gate='lao-cai']"));
    browser.setValue(By.id("facts-closed-date"), TODAY.toString());
    browser.click("[data-action='add-closed-date']");
    browser.waitVisible(By.cssSelector("[data-closed-date='" + TODAY + "']"));
    new Select(browser.waitVisible(By.cssSelector("select[data-facts-label='0']"))).selectByValue("ten-lao-cai");
    new Select(browser.waitVisible(By.cssSelector("select[data-facts-label='1']"))).selectByValue("ten-ha-khau");
    browser.click("[data-action='save-facts']");
    browser.wait.until(d -> console.admin.get("/api/v1/clusters/lao-cai/facts").body().toString().contains("ten-ha-khau"));
    browser.scrollTo(By.id("gate-facts"));
    browser.screenshot("console-layout-" + lang + "-facts");
    String facts = console.admin.get("/api/v1/clusters/lao-cai/facts").body().toString();
    assertThat(facts).contains("\"closedDates\":[\"" + TODAY + "\"]").contains("Asia/Shanghai");
    List<String> qrModules = QrMatrix.of(PORTAL).rows();

    for (String language : LANGUAGES) {
      browser.click("button[data-language='" + language + "']");
      for (String shape : List.of("LANDSCAPE_16_9", "PORTRAIT_9_16")) {
        Map<String, Object> seen = inPreview(browser, shape, language);
        assertThat(seen.get("roles")).as(shape + " " + language).isEqualTo(List.of("HEADER", "MAIN", "SIDE", "TICKER"));
        assertThat(seen.get("languages")).as(shape + " " + language + ": what each region shows")
            .isEqualTo(Map.of("HEADER", language, "MAIN", language, "SIDE", language, "TICKER", language));
        assertThat((List<?>) seen.get("overflowing")).as(shape + " " + language).isEmpty();
        assertThat((String) seen.get("text")).as(shape + " " + language).contains(welcome(language));
        // From the controller's engine: the lunar date, the real QR code, the gate's facts.
        LunarDate lunar = LunarCalendar.of(TODAY);
        assertThat((String) seen.get("lunar")).as(shape + " " + language + ": lunar date")
            .contains(language.equals("zh-Hans") ? "农历" : lunar.day() + "/" + lunar.month());
        assertThat(seen.get("qrSize")).as("QR modules per side").isEqualTo((long) qrModules.size() + 8);
        assertThat(seen.get("qrDark")).as("dark QR modules")
            .isEqualTo(qrModules.stream().mapToLong(r -> r.chars().filter(c -> c == '1').count()).sum());
        assertThat((List<?>) seen.get("places")).as(shape + " " + language + ": the clock's places")
            .isEqualTo(List.of(placeHere(language), placeThere(language)));
        assertThat((Boolean) seen.get("closed")).as("closed today, a closed date of the gate").isTrue();
      }
      browser.scrollTo(By.cssSelector("[data-preview-shape='LANDSCAPE_16_9']"));
      browser.screenshot("console-layout-" + lang + "-" + language);
    }

    // Saving sends protocol's LayoutSpec; the request is read as the page sends it.
    browser.driver.executeScript("window.__sent = []; const send = window.fetch;"
        + "window.fetch = (url, options) => { if (String(url).startsWith('/api/v1/layouts') && !String(url).includes('/preview') && options"
        + "  && options.method !== 'GET') window.__sent.push(options.method + ' ' + url + ' ' + options.body);"
        + "  return send(url, options); };");
    browser.setValue(By.id("lay-id"), "sanh-nhap-canh");
    browser.click("[data-action='save-layout']");
    browser.wait.until(d -> !((List<?>) browser.driver.executeScript("return window.__sent")).isEmpty());
    String sent = (String) ((List<?>) browser.driver.executeScript("return window.__sent")).get(0);
    assertThat(sent).startsWith("POST /api/v1/layouts {");
    LayoutSpec spec = Codec.mapper().readValue(sent.substring(sent.indexOf('{')), LayoutSpec.class);
    assertThat(spec.id()).isEqualTo("sanh-nhap-canh");
    assertThat(spec.template()).isEqualTo("header-main-side-ticker");
    assertThat(spec.region(RegionRole.MAIN).orElseThrow().playlist().id()).isEqualTo("chao-mung");
    assertThat(spec.region(RegionRole.SIDE).orElseThrow().widgets()).extracting(w -> w.type())
        .containsExactly(WidgetType.OPENING_HOURS, WidgetType.QR, WidgetType.COUNTDOWN);
    assertThat(spec.region(RegionRole.SIDE).orElseThrow().widgets().get(2).countdown().target())
        .hasToString("2027-04-01T01:00:00Z");
    assertThat(spec.region(RegionRole.TICKER).orElseThrow().widgets().get(0).ticker().itemIds())
        .containsExactly("dong-1", "dong-2");
    assertThat(spec.itemIds()).contains("chao-mung", "cong-thong-tin", "hoi-cho", "dong-1", "dong-2");

    // A refusal is said in the user's language: the layout "tam" was deleted after the page listed it.
    // (The page reloads its lists after saving: the new layout is offered once that is done.)
    browser.waitVisible(By.cssSelector("#lay-attach-layout option[value='sanh-nhap-canh']"));
    assertThat(console.admin.delete("/api/v1/layouts/tam").status()).isEqualTo(204);
    new Select(browser.waitVisible(By.id("lay-attach-layout"))).selectByValue("tam");
    new Select(browser.waitVisible(By.id("lay-attach-kind"))).selectByValue("GATE");
    new Select(browser.waitVisible(By.id("lay-attach-target"))).selectByValue("lao-cai");
    browser.click("[data-action='attach-layout']");
    browser.wait.until(d -> !d.findElements(By.cssSelector("#lay-attach .message.error")).isEmpty());
    assertThat(browser.textOf(By.cssSelector("#lay-attach .message.error")))
        .isEqualTo(lang.equals("vi") ? "Không có bố cục “tam”." : "There is no layout “tam”.");

    // Attached to the gate from the console, shown in the list and on the gates' page, then detached.
    new Select(browser.waitVisible(By.id("lay-attach-layout"))).selectByValue("sanh-nhap-canh");
    new Select(browser.waitVisible(By.id("lay-attach-kind"))).selectByValue("GATE");
    new Select(browser.waitVisible(By.id("lay-attach-target"))).selectByValue("lao-cai");
    browser.click("[data-action='attach-layout']");
    browser.waitVisible(By.cssSelector("[data-attachment='GATE:lao-cai:LANDSCAPE_16_9'] [data-attached-layout='sanh-nhap-canh']"));
    assertThat(console.admin.get("/api/v1/layouts/assignments").body().toString())
        .contains("\"target\":\"GATE\"", "\"targetId\":\"lao-cai\"", "\"layoutId\":\"sanh-nhap-canh\"");
    browser.scrollTo(By.id("lay-attach"));
    browser.screenshot("console-layout-" + lang + "-attached");
    browser.open("setup");
    assertThat(browser.shownTextOf(By.cssSelector("[data-gate-layout='lao-cai']")))
        .isEqualTo(browser.says("Bố cục: sanh-nhap-canh (Màn hình ngang 16:9)", "Layout: sanh-nhap-canh (Landscape 16:9)"));
    // The gate's (landscape) screen says the gate's landscape default applies to it.
    browser.driver.executeScript("location.hash = '#/screens/sanh-1';");
    browser.wait.until(d -> browser.says("Bố cục: sanh-nhap-canh (mặc định của cửa khẩu cho Màn hình ngang 16:9)",
        "Layout: sanh-nhap-canh (the gate’s default for Landscape 16:9)").equals(d.findElement(By.id("screen-layout")).getText()));
    browser.open("layouts");
    browser.click("[data-attachment='GATE:lao-cai:LANDSCAPE_16_9'] [data-detach]");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> d.findElements(By.cssSelector("[data-attachment^='GATE:lao-cai']")).isEmpty());
    assertThat(console.admin.get("/api/v1/layouts/assignments").body().toString()).doesNotContain("lao-cai");
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void savingSaysSoByTheButtonAndKeepsEditingTheSavedLayout(String lang) throws Exception {
    ConsoleBrowser browser = newLayoutAtLaoCai(lang);
    new Select(browser.waitVisible(By.id("lay-template"))).selectByValue("main-ticker");
    browser.setValue(By.id("lay-id"), "gio-mo-cua");

    // Below a long form, what saving says is by the save button, in view.
    browser.click("[data-action='save-layout']");
    saidByTheSaveButton(browser, browser.says("Vùng Dòng chữ chạy cần một danh sách phát hoặc tiện ích.",
        "The Ticker needs a playlist or widgets."));
    addWidget(browser, "TICKER", "OPENING_HOURS");
    browser.click("[data-action='save-layout']");
    saidByTheSaveButton(browser, browser.says(
        "Đã lưu bố cục “gio-mo-cua”. Màn hình chỉ đổi sau lần phát hành tới. Đến trang Phát hành",
        "Saved layout “gio-mo-cua”. Screens change only at the next publish. Go to Publish"));
    assertThat(browser.driver.findElements(By.cssSelector("#lay-form-message a[href='#/publish']"))).hasSize(1);
    browser.screenshot("console-layout-" + lang + "-saved");

    // The editor now edits the saved layout: its id is fixed, and saving again stores the change.
    browser.waitText(By.cssSelector("#lay-form h2"), browser.says("Sửa bố cục “gio-mo-cua”", "Edit layout “gio-mo-cua”"));
    assertThat(browser.driver.findElement(By.id("lay-id")).isEnabled()).isFalse();
    // Each day keeps its own hours: a split shift on Monday, a shorter Saturday, closed on Sunday. Hours the
    // editor cannot read are refused, naming the day (they were left out, and the day stored closed).
    browser.setValue(By.cssSelector("[data-region='TICKER'] input[data-day-spans='SATURDAY']"), "8h-17h");
    browser.click("[data-action='save-layout']");
    browser.waitText(By.cssSelector("#lay-form .form-problem"), browser.says(
        "Ô “Giờ mở cửa Thứ Bảy” chưa đúng dạng.", "“Opening spans on Saturday” is not in the right form."));
    browser.setValue(By.cssSelector("[data-region='TICKER'] input[data-day-spans='MONDAY']"), "07:00-11:30, 13:00-22:00");
    browser.setValue(By.cssSelector("[data-region='TICKER'] input[data-day-spans='SATURDAY']"), "08:00-17:00");
    browser.click("[data-region='TICKER'] input[data-open-day='SUNDAY']");
    browser.click("[data-action='save-layout']");
    browser.wait.until(d -> console.admin.get("/api/v1/layouts/gio-mo-cua").body().toString().contains("11:30"));
    assertThat(browser.driver.findElements(By.cssSelector("#lay-form .message.error"))).allMatch(e -> e.getText().isEmpty());
    Map<String, String> stored = new java.util.TreeMap<>();
    console.admin.get("/api/v1/layouts/gio-mo-cua").body().findValue("openingHours").get("week").forEach(d -> {
      List<String> spans = new java.util.ArrayList<>();
      d.get("spans").forEach(sp -> spans.add(sp.get("open").asText().substring(0, 5) + "-" + sp.get("close").asText().substring(0, 5)));
      stored.put(d.get("day").asText(), String.join(", ", spans));
    });
    assertThat(stored).isEqualTo(Map.of("MONDAY", "07:00-11:30, 13:00-22:00", "TUESDAY", "07:00-22:00",
        "WEDNESDAY", "07:00-22:00", "THURSDAY", "07:00-22:00", "FRIDAY", "07:00-22:00", "SATURDAY", "08:00-17:00"));

    // Opened again, each day's spans read in hours and minutes, as they were typed, Sunday not ticked.
    browser.click("[data-edit-layout='gio-mo-cua']");
    browser.wait.until(d -> "07:00-11:30, 13:00-22:00".equals(d.findElement(
        By.cssSelector("[data-region='TICKER'] input[data-day-spans='MONDAY']")).getAttribute("value")));
    assertThat(browser.driver.findElement(By.cssSelector("[data-region='TICKER'] input[data-day-spans='SATURDAY']"))
        .getAttribute("value")).isEqualTo("08:00-17:00");
    assertThat(browser.driver.findElement(By.cssSelector("[data-region='TICKER'] input[data-open-day='SUNDAY']"))
        .isSelected()).isFalse();
    browser.scrollTo(By.cssSelector("[data-region='TICKER'] fieldset.week-hours"));
    browser.screenshot("console-layout-" + lang + "-week-hours");
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void aLayoutIsDeletedFromTheListButNotWhileItIsAttached(String lang) throws Exception {
    console = new ConsoleFixture(tmp);
    givenLaoCaiWithApprovedTexts(console.admin);
    assertThat(console.admin.putJson("/api/v1/layouts/assignments/gate/lao-cai", Map.of("layoutId", "tam")).status())
        .isEqualTo(200);
    ConsoleBrowser browser = console.browser;
    browser.startIn(lang);
    browser.signIn("admin", console.adminPassword);
    browser.open("layouts");

    // Attached, it stays, and the refusal names where it is attached.
    browser.click("[data-delete-layout='tam']");
    Alert ask = browser.wait.until(ExpectedConditions.alertIsPresent());
    assertThat(ask.getText()).isEqualTo(browser.says("Xoá bố cục “tam”? Không thể hoàn tác.",
        "Delete layout “tam”? This cannot be undone."));
    ask.accept();
    browser.waitText(By.cssSelector("main > .message.error"), browser.says(
        "Bố cục tam đang được gắn — cửa khẩu: Cửa khẩu quốc tế Lào Cai. Hãy gỡ nó ra trước. Chưa thay đổi gì.",
        "Layout tam is attached — gates: Cửa khẩu quốc tế Lào Cai. Detach it first. Nothing was changed."));
    assertThat(console.admin.get("/api/v1/layouts/tam").status()).isEqualTo(200);
    browser.screenshot("console-layout-" + lang + "-in-use");

    // Detached, it is deleted.
    browser.click("[data-attachment='GATE:lao-cai:LANDSCAPE_16_9'] [data-detach]");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> d.findElements(By.cssSelector("[data-attachment='GATE:lao-cai:LANDSCAPE_16_9']")).isEmpty());
    browser.click("[data-delete-layout='tam']");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> d.findElements(By.cssSelector("[data-layout='tam']")).isEmpty());
    browser.waitText(By.cssSelector("main > .message"), browser.says("Đã xoá bố cục “tam”.", "Deleted layout “tam”."));
    assertThat(console.admin.get("/api/v1/layouts/tam").status()).isEqualTo(404);
  }

  /** Waits until the line by the save button says {@code text} and is inside the window. */
  /** Lao Cai with approved texts, the admin signed in on the layouts page, a new layout's form open. */
  /** A fresh system has no text item: a ticker's chooser says where to make the first instead of showing an empty list. */
  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void aTickerWithNoTextItemInTheLibrarySaysWhereToMakeOne(String lang) throws Exception {
    console = new ConsoleFixture(tmp);
    ConsoleBrowser browser = console.browser;
    browser.startIn(lang);
    browser.signIn("admin", console.adminPassword);
    browser.open("layouts");
    browser.click("[data-action='new-layout']");
    new Select(browser.waitVisible(By.id("lay-template"))).selectByValue("main-ticker");
    addWidget(browser, "TICKER", "TICKER");
    String field = "[data-region='TICKER'] li[data-widget='TICKER'] .field";
    browser.waitText(By.cssSelector(field + " .hint"), browser.says(
        "Thư viện chưa có nội dung chữ nào: hãy tạo một nội dung chữ ở trang Nội dung (và cho duyệt), rồi chọn ở đây.",
        "The library has no text item yet: make one on the Content page (and have it approved), then pick it here."));
    browser.scrollTo(By.cssSelector(field));
    browser.screenshot("console-layout-" + lang + "-no-text-items");
    browser.click(field + " a[data-action='to-content']");
    browser.wait.until(d -> "page".equals(d.findElement(By.cssSelector("nav a[data-section='content']"))
        .getAttribute("aria-current")));
  }

  private ConsoleBrowser newLayoutAtLaoCai(String lang) throws Exception {
    console = new ConsoleFixture(tmp);
    givenLaoCaiWithApprovedTexts(console.admin);
    ConsoleBrowser browser = console.browser;
    browser.startIn(lang);
    browser.signIn("admin", console.adminPassword);
    browser.open("layouts");
    browser.click("[data-action='new-layout']");
    return browser;
  }

  private static void saidByTheSaveButton(ConsoleBrowser browser, String text) {
    try {
      browser.wait.until(d -> text.equals(lineBySaveButton(d)));
    } catch (TimeoutException e) {
      assertThat(lineBySaveButton(browser.driver)).as("the line by the save button, in view").isEqualTo(text);
    }
  }

  /** The text of the line by the save button, marked when it is outside the window. */
  private static String lineBySaveButton(WebDriver driver) {
    return (String) ((JavascriptExecutor) driver).executeScript(
        "var m = document.getElementById('lay-form-message'); if (!m) return 'no line by the save button';"
        + " var r = m.getBoundingClientRect();"
        + " return (r.top >= 0 && r.bottom <= window.innerHeight ? '' : 'out of view: ') + m.innerText;");
  }

  private static String placeHere(String language) {
    return switch (language) {
      case "zh-Hans" -> "老街";
      case "lo" -> "ລາວກາຍ";
      case "km" -> "ឡាវកាយ";
      default -> "Lào Cai";
    };
  }

  private static String placeThere(String language) {
    return language.equals("zh-Hans") ? "河口" : "Hà Khẩu"; // no lo/km variant: falls back to the gate's first language
  }

  private static void addWidget(ConsoleBrowser browser, String role, String type) {
    new Select(browser.waitVisible(By.cssSelector("select[data-add-widget='" + role + "']"))).selectByValue(type);
    browser.waitVisible(By.cssSelector("[data-region='" + role + "'] li[data-widget='" + type + "']"));
  }

  /**
   * Inside one preview frame, once it shows the language: the regions' roles, the language each
   * region shows, the fitted boxes that scroll, and the visible text.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> inPreview(ConsoleBrowser browser, String shape, String language) {
    browser.driver.switchTo().frame(browser.driver.findElement(By.cssSelector("iframe[data-shape='" + shape + "']")));
    try {
      browser.wait.until(d -> language.equals(d.findElement(By.tagName("body")).getAttribute("data-language")));
      // The controller's answer after the gate's facts were saved: the clock names the picked places.
      String here = placeHere(language);
      browser.wait.until(d -> d.findElements(By.cssSelector(".gc-zone-label")).stream()
          .anyMatch(e -> here.equals(e.getAttribute("textContent"))));
      return (Map<String, Object>) browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
          + "document.fonts.ready.then(function () { requestAnimationFrame(function () {"
          + " var s = document.getElementById('screen'), out = {roles: [], languages: {}, overflowing: []};"
          + " s.querySelectorAll('.gc-region').forEach(function (r) { out.roles.push(r.dataset.role);"
          + "  var shown = Array.prototype.filter.call(r.children, function (c) {"
          + "   return getComputedStyle(c).visibility === 'visible'"
          + "    && (c.classList.contains('gc-slide') || c.classList.contains('gc-widgets')); });"
          + "  if (shown.length) out.languages[r.dataset.role] = shown[shown.length - 1].lang;"
          + "  r.querySelectorAll('[data-fit]').forEach(function (b) {"
          + "   if (b.classList.contains('gc-crawl') || b.closest('.gc-pending')) return;"
          + "   if (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)"
          + "    out.overflowing.push(r.dataset.role + ' ' + b.className); }); });"
          + " var l = s.querySelector('.gc-date-lunar'); out.lunar = l ? l.textContent : null;"
          + " var q = s.querySelector('svg.gc-qr-code');"
          + " out.qrSize = q ? Number(q.getAttribute('viewBox').split(' ')[2]) : null;"
          + " out.qrDark = q ? (q.querySelector('path').getAttribute('d').match(/M/g) || []).length : null;"
          + " out.places = Array.prototype.map.call(s.querySelectorAll('.gc-zone-label'), function (e) { return e.textContent; });"
          + " out.closed = !!s.querySelector('.gc-hours .gc-closed');"
          + " out.roles.sort(); out.text = s.innerText; done(out); }); });");
    } finally {
      browser.driver.switchTo().defaultContent();
    }
  }

  private static String welcome(String language) {
    return switch (language) {
      case "vi" -> "Chào mừng quý khách đến Cửa khẩu quốc tế Lào Cai";
      case "zh-Hans" -> "欢迎来到老街国际口岸";
      case "lo" -> "ຍິນດີຕ້ອນຮັບສູ່ດ່ານສາກົນລາວກາຍ";
      default -> "សូមស្វាគមន៍មកកាន់ច្រកព្រំដែនអន្តរជាតិឡាវកាយ";
    };
  }

  private static void givenLaoCaiWithApprovedTexts(ApiClient admin) {
    created(admin.postJson("/api/v1/clusters", Map.of("id", "lao-cai", "name", "Cửa khẩu quốc tế Lào Cai",
        "province", "Lào Cai", "zone", "Asia/Ho_Chi_Minh", "languages", LANGUAGES)));
    text(admin, "chao-mung", "Chào mừng", Map.of("vi", welcome("vi"), "zh-Hans", welcome("zh-Hans"),
        "lo", welcome("lo"), "km", welcome("km")));
    text(admin, "dong-1", "Giờ mở cửa", Map.of("vi", "Cửa khẩu mở cửa từ 7 giờ đến 22 giờ hằng ngày",
        "zh-Hans", "口岸每日7时至22时开放", "lo", "ດ່ານເປີດທຸກມື້ແຕ່ 7 ໂມງຫາ 22 ໂມງ",
        "km", "ច្រកព្រំដែនបើករៀងរាល់ថ្ងៃពីម៉ោង ៧ ដល់ម៉ោង ២២"));
    text(admin, "dong-2", "Hộ chiếu", Map.of("vi", "Xin chuẩn bị sẵn hộ chiếu trước khi vào khu kiểm soát",
        "zh-Hans", "请在进入检查区前准备好护照", "lo", "ກະລຸນາກຽມໜັງສືຜ່ານແດນໃຫ້ພ້ອມ",
        "km", "សូមរៀបចំលិខិតឆ្លងដែនឱ្យរួចរាល់"));
    text(admin, "cong-thong-tin", "Cổng thông tin đối ngoại", Map.of("vi", PORTAL));
    text(admin, "hoi-cho", "Hội chợ", Map.of("vi", "Hội chợ thương mại quốc tế Việt – Trung 2027",
        "zh-Hans", "2027年中越国际商品交易会", "lo", "ງານວາງສະແດງສິນຄ້າສາກົນ ຫວຽດນາມ - ຈີນ 2027",
        "km", "ពិព័រណ៍ពាណិជ្ជកម្មអន្តរជាតិវៀតណាម-ចិន ២០២៧"));
    text(admin, "ten-lao-cai", "Lào Cai", Map.of("vi", placeHere("vi"), "zh-Hans", placeHere("zh-Hans"),
        "lo", placeHere("lo"), "km", placeHere("km")));
    text(admin, "ten-ha-khau", "Hà Khẩu", Map.of("vi", "Hà Khẩu", "zh-Hans", "河口"));
    created(admin.postJson("/api/v1/screens", Map.of("id", "sanh-1", "name", "Sảnh nhập cảnh", "clusterId", "lao-cai")));
    created(admin.postJson("/api/v1/layouts", Map.of("id", "tam", "template", "full", "shape", "LANDSCAPE_16_9",
        "regions", List.of())));
    created(admin.postJson("/api/v1/playlists", Map.of("id", "chao-mung", "name", "Chào mừng",
        "entries", List.of(Map.of("contentId", "chao-mung")))));
  }

  private static void text(ApiClient admin, String id, String title, Map<String, String> texts) {
    List<Map<String, Object>> variants = LANGUAGES.stream().filter(texts::containsKey)
        .map(l -> Map.<String, Object>of("language", l, "text", texts.get(l), "seconds", 10)).toList();
    created(admin.postJson("/api/v1/content", Map.of("id", id, "title", title, "variants", variants)));
  }

  private static void created(Answer answer) {
    assertThat(answer.status()).as(answer.error()).isEqualTo(201);
  }
}
