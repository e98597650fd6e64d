package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.Controller;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.TestVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The content library and the year-end report in real headless Chromium: the live preview drawn by
 * the screens' own renderer as one types, in each language's script; search and filters; the
 * year-end summary and its CSV. Screenshots: target/screenshots/content-*.png.
 */
@IntegrationTest
class ConsoleContentTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  /** What the create form's preview frame has on its stage, read from inside the (same-origin) frame. */
  private static final String CREATE_STAGE = "document.querySelector('.create-preview iframe').contentDocument"
      + ".querySelector('#stage > .on')";

  @TempDir Path tmp;
  ConsoleFixture console;
  Controller controller;
  ApiClient admin;
  String adminPassword;
  ConsoleBrowser browser;

  @BeforeEach
  void start() {
    console = new ConsoleFixture(tmp);
    controller = console.controller;
    admin = console.admin;
    adminPassword = console.adminPassword;
    browser = console.browser;
  }

  @AfterEach
  void stop() {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void thePreviewShowsWhatTheScreenWillAsOneTypesAndTheLibraryIsSearched() throws Exception {
    String photo = admin.upload(ConsoleEndToEndTest.png(640, 360, 0x0b5cad), "image/png", null).body()
        .get("sha256").asText();
    create("welcome-photo", "Chào mừng đến cửa khẩu", List.of(Map.of("language", "vi", "mediaSha256", photo, "seconds", 10)));
    create("parking", "Bãi đỗ xe", List.of(Map.of("language", "vi", "text", "Bãi đỗ xe ở bên trái", "seconds", 10)));
    browser.signIn("admin", adminPassword);
    browser.open("content");

    // Before anything is chosen or typed the preview's black screen says what to do; the first letter hides it
    assertThat(browser.shownTextOf(By.cssSelector(".create-preview .preview-empty")))
        .isEqualTo("Chọn tệp hoặc gõ chữ cho một bản ngôn ngữ ở trên để xem trước như trên màn hình.");
    // Typing a text variant redraws the preview, through the screens' renderer, as text
    new Select(browser.waitVisible(By.id("item-kind"))).selectByValue("text");
    WebElement vi = browser.waitVisible(By.id("variant-vi"));
    vi.sendKeys("Xin chào");
    awaitStage("Xin chào", "vi");
    assertThat(browser.isShown(By.cssSelector(".create-preview .preview-empty"))).isFalse();
    String typed = "Xin chào quý khách <script>window.__xss='preview'</script>";
    vi.sendKeys(" quý khách <script>window.__xss='preview'</script>");
    awaitStage(typed, "vi");
    assertThat(browser.driver.executeScript("return " + CREATE_STAGE + ".className")).isEqualTo("text on");
    assertThat(mainFont()).isEqualTo("Noto Sans");

    // A Chinese variant: the preview follows the language being typed, in Simplified Chinese type
    String chinese = "欢迎来到友谊关口岸";
    browser.driver.findElement(By.id("variant-zh-Hans")).sendKeys(chinese);
    awaitStage(chinese, "zh-Hans");
    assertThat(new Select(browser.driver.findElement(By.id("create-preview-lang"))).getFirstSelectedOption()
        .getAttribute("value")).isEqualTo("zh-Hans");
    assertThat(mainFont()).isEqualTo("Noto Sans CJK SC");
    browser.scrollTo(By.cssSelector(".create-preview"));
    browser.screenshot("content-01-preview-chinese");

    // Switching the preview's language shows that variant
    new Select(browser.driver.findElement(By.id("create-preview-lang"))).selectByValue("vi");
    awaitStage(typed, "vi");
    browser.screenshot("content-02-preview-vietnamese");

    browser.driver.findElement(By.id("item-id")).sendKeys("greeting");
    browser.driver.findElement(By.id("item-title")).sendKeys("Lời chào");
    browser.click("section[aria-labelledby='create-h'] button[type=submit]");
    browser.waitVisible(By.cssSelector("article[data-item='greeting']"));

    // Searching without diacritics finds the item by its text; the count is read out
    WebElement search = browser.driver.findElement(By.id("lib-search"));
    search.sendKeys("xin chao");
    browser.wait.until(d -> itemIds().equals(List.of("greeting")));
    browser.waitText(By.id("lib-count"), "Tìm thấy 1 mục.");
    assertThat(browser.textOf(By.cssSelector("article[data-item='greeting']"))).contains(typed);

    // Its card's preview, in Chinese
    browser.click("button[data-preview='greeting']");
    new Select(browser.waitVisible(By.id("preview-lang-greeting"))).selectByValue("zh-Hans");
    String cardStage = "document.querySelector('article[data-item=greeting] .card-preview iframe').contentDocument"
        + ".querySelector('#stage > .on')";
    browser.wait.until(d -> chinese.equals(browser.driver.executeScript(
        "var e = " + cardStage + "; return e ? e.textContent : null")));
    assertThat(browser.driver.executeScript("return " + cardStage + ".lang")).isEqualTo("zh-Hans");
    browser.scrollTo(By.cssSelector("article[data-item='greeting']"));
    browser.screenshot("content-03-search-and-card-preview");

    // Filters: by type (the image item), by language, and a search that finds nothing says so
    // (WebElement.clear() fires no input event: erase as a person does)
    search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    browser.wait.until(d -> itemIds().size() == 3);
    new Select(browser.driver.findElement(By.id("lib-type"))).selectByValue("image");
    browser.wait.until(d -> itemIds().equals(List.of("welcome-photo")));
    browser.click("button[data-preview='welcome-photo']");
    String photoStage = "document.querySelector('article[data-item=\"welcome-photo\"] .card-preview iframe')"
        + ".contentDocument.querySelector('#stage > .on')";
    browser.wait.until(d -> Long.valueOf(640).equals(browser.driver.executeScript(
        "var e = " + photoStage + "; return e && e.tagName === 'IMG' ? e.naturalWidth : null")));
    // A media item carries its title on the screen's ticker line
    assertThat(browser.driver.executeScript("return document.querySelector('article[data-item=\"welcome-photo\"]"
        + " .card-preview iframe').contentDocument.getElementById('ticker').textContent"))
        .isEqualTo("Chào mừng đến cửa khẩu");
    browser.scrollTo(By.cssSelector("article[data-item='welcome-photo']"));
    browser.screenshot("content-04-filter-image-preview");
    new Select(browser.driver.findElement(By.id("lib-type"))).selectByValue("");
    new Select(browser.driver.findElement(By.id("lib-language"))).selectByValue("zh-Hans");
    browser.wait.until(d -> itemIds().equals(List.of("greeting")));
    search.sendKeys("<script>");
    browser.wait.until(d -> itemIds().equals(List.of("greeting")));
    search.sendKeys("nothing");
    browser.waitText(By.cssSelector(".items .empty"), "Không có mục nào khớp.");
    assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();

    // Nothing typed ever ran, nor became an element, in the console or in a preview
    assertThat(browser.driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
    assertThat(browser.driver.findElements(By.cssSelector("main script"))).isEmpty();
    assertThat(browser.driver.executeScript("return [...document.querySelectorAll('iframe')].every(f =>"
        + " f.contentWindow.__xss === undefined && f.contentDocument.querySelectorAll('#stage script').length === 0)"))
        .isEqualTo(true);
  }

  @Test
  void theYearEndSummaryShowsEveryGateInItsZoneAndDownloadsItsCsv() throws Exception {
    Answer registered = admin.postJson("/api/v1/screens", Map.of("id", "huu-nghi-1", "name", "Sảnh Hữu Nghị 1"));
    assertThat(registered.status()).as(registered.error()).isEqualTo(201);
    sendPlays("huu-nghi-1", registered.body().get("mqttPassword").asText());
    int year = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
    await().atMost(DEADLINE).until(() -> admin.get("/api/v1/reports/year-end?year=" + year + "&clusterId=default")
        .body().get("totalPlays").asLong() == 5);

    browser.signIn("admin", adminPassword);
    browser.open("reports");
    // The plays report draws its chart (by language here)
    new Select(browser.waitVisible(By.id("report-group"))).selectByValue("language");
    browser.click("main form button[type=submit]");
    browser.waitText(By.cssSelector("#report-plays .bar-chart"), "Tiếng Trung");
    // The table below names the languages as the chart does, not by their codes
    browser.waitText(By.cssSelector("#report-plays td[data-key='zh-Hans']"), "Tiếng Trung");
    browser.screenshot("content-05-reports-chart");

    browser.click("#year-end-link");
    browser.waitText(By.cssSelector("main h1"), "Tổng kết cuối năm");
    browser.waitText(By.cssSelector("tr[data-year-end='default']"), "5");
    // The year runs midnight to midnight in the gate's zone, and says so
    String period = browser.shownTextOf(By.id("year-end-period"));
    assertThat(period).contains("01/01/" + year).contains("01/01/" + (year + 1)).contains("Asia/Ho_Chi_Minh")
        .contains("00:00:00");
    browser.waitText(By.id("year-end-detail"), "Tiếng Trung");
    // Screens by the name people gave them, as on the board
    assertThat(browser.shownTextOf(By.id("year-end-screens"))).contains("Sảnh Hữu Nghị 1")
        .doesNotContain("huu-nghi-1");
    browser.screenshot("content-06-year-end");
    browser.scrollTo(By.id("year-end-detail"));
    browser.screenshot("content-06b-year-end-gate");
    assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();

    browser.click("#year-end-csv");
    Path csv = browser.downloads.resolve("year-end-default-" + year + ".csv");
    await().atMost(DEADLINE).until(() -> Files.exists(csv) && Files.size(csv) > 0);
    String text = withoutBom(Files.readString(csv));
    assertThat(text).startsWith("section,key,title,plays,airtime_seconds,uptime_percent")
        .contains("total,default " + year + ",,5,").contains("language,zh-Hans,,2,")
        .contains("screen,huu-nghi-1,Sảnh Hữu Nghị 1,,,");
    // Every gate's year in one table, for the province's report
    browser.click("#year-end-csv-all");
    Path allCsv = browser.downloads.resolve("year-end-all-gates-" + year + ".csv");
    await().atMost(DEADLINE).until(() -> Files.exists(allCsv) && Files.size(allCsv) > 0);
    assertThat(withoutBom(Files.readString(allCsv)))
        .startsWith("gate,section,key,title,plays,airtime_seconds,uptime_percent")
        .contains("default,total,default " + year + ",,5,").contains("default,language,zh-Hans,,2,");

    // In English too
    browser.click("button.lang-button");
    browser.waitText(By.cssSelector("main h1"), "Year-end summary");
    browser.waitText(By.id("year-end-detail"), "Chinese");
    assertThat(new Select(browser.driver.findElement(By.id("year-end-gate"))).getFirstSelectedOption().getText())
        .as("the unplaced gate in the reader's language").isEqualTo("Not placed at a gate yet");
    browser.screenshot("content-07-year-end-english");
  }

  /** Five plays, now, as the screen's agent reports them (three Vietnamese, two Chinese). */
  private void sendPlays(String screenId, String mqttPassword) throws Exception {
    MqttClient client = new MqttClient(controller.brokerUrl(), screenId, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(screenId);
    options.setPassword(mqttPassword.toCharArray());
    client.connect(options);
    try {
      Instant now = Instant.now();
      List<PlayBatch.Play> plays = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Instant start = now.minusSeconds(600 - i * 20L);
        plays.add(new PlayBatch.Play("play-" + i, i < 3 ? "parking" : "greeting", null, i < 3 ? "vi" : "zh-Hans",
            start, start.plusSeconds(10)));
      }
      client.publish(Topics.events(screenId), Codec.encode(new PlayBatch(Header.now(now), screenId, plays)), 1, false);
    } finally {
      client.disconnect();
      client.close();
    }
  }

  @Test
  void aNewItemTakesItsIdFromItsTitleAndAVideosSecondsFromItsLength() throws Exception {
    JsonNode uploaded = admin.upload(TestVideo.webm(), "video/webm", null, "gioi-thieu.webm").body();
    long videoSeconds = (uploaded.get("durationMillis").asLong() + 999) / 1000;
    assertThat(videoSeconds).isGreaterThan(1).isNotEqualTo(10);
    browser.signIn("admin", adminPassword);
    browser.open("content");

    browser.waitVisible(By.id("item-title")).sendKeys("Phim giới thiệu Cửa khẩu Lào Cai");
    assertThat(browser.attributeOf(By.id("item-id"), "value")).isEqualTo("phim-gioi-thieu-cua-khau-lao-cai");
    new Select(browser.driver.findElement(By.id("variant-vi"))).selectByVisibleText("gioi-thieu.webm");
    WebElement seconds = browser.driver.findElement(By.id("item-seconds"));
    assertThat(seconds.getAttribute("value")).isEqualTo(Long.toString(videoSeconds));
    assertThat(browser.textOf(By.id("item-seconds-hint")))
        .isEqualTo("Theo độ dài của video: " + videoSeconds + " giây.");
    browser.scrollTo(By.id("item-seconds"));
    browser.screenshot("content-08-video-seconds");
    browser.click("section[aria-labelledby='create-h'] button[type=submit]");
    browser.waitVisible(By.cssSelector("article[data-item='phim-gioi-thieu-cua-khau-lao-cai']"));
    JsonNode item = admin.get("/api/v1/content/phim-gioi-thieu-cua-khau-lao-cai").body();
    assertThat(item.get("variants").get(0).get("seconds").asLong()).isEqualTo(videoSeconds);

    // Seconds typed by hand stay, whichever video is chosen after; an id typed by hand too, whatever the title.
    browser.driver.findElement(By.id("item-id")).sendKeys("loi-chao");
    browser.driver.findElement(By.id("item-title")).sendKeys("Lời chào");
    assertThat(browser.attributeOf(By.id("item-id"), "value")).isEqualTo("loi-chao");
    WebElement typed = browser.driver.findElement(By.id("item-seconds"));
    typed.clear();
    typed.sendKeys("20");
    new Select(browser.driver.findElement(By.id("variant-vi"))).selectByVisibleText("gioi-thieu.webm");
    assertThat(typed.getAttribute("value")).isEqualTo("20");
    assertThat(browser.textOf(By.id("item-seconds-hint"))).isEmpty();
  }

  private void create(String id, String title, List<Map<String, Object>> variants) {
    Answer created = admin.postJson("/api/v1/content", Map.of("id", id, "title", title, "variants", variants));
    assertThat(created.status()).as(created.error()).isEqualTo(201);
  }

  private void awaitStage(String text, String language) {
    browser.wait.until(d -> text.equals(browser.driver.executeScript("var e = " + CREATE_STAGE
        + "; return e ? e.textContent : null")));
    assertThat(browser.driver.executeScript("return " + CREATE_STAGE + ".lang")).isEqualTo(language);
  }

  /** The first family of the font the preview's text slide is set in. */
  private String mainFont() {
    String family = (String) browser.driver.executeScript("var e = " + CREATE_STAGE + ";"
        + " return e.ownerDocument.defaultView.getComputedStyle(e).fontFamily");
    return family.split(",")[0].replace("\"", "").trim();
  }

  @SuppressWarnings("unchecked")
  private List<String> itemIds() {
    return (List<String>) browser.driver.executeScript(
        "return [...document.querySelectorAll('.items article[data-item]')].map(a => a.dataset.item)");
  }

  /** The export starts with a UTF-8 byte order mark (for spreadsheets); the assertions read the text after it. */
  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
