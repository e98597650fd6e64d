package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.Controller;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The schedule section in real headless Chromium: an operator creates a campaign with a weekly
 * daypart through the form, reads it back as a sentence, finds it on the week and month calendar
 * at the gate's hours, edits it, and sees the engine's checks on the publish page. Screenshots:
 * target/screenshots/schedule-*.png.
 */
@IntegrationTest
class ConsoleSchedulingTest {
  private static final String PASSWORD = ConsoleFixture.PASSWORD;
  private static final ZoneId GATE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String EVIL_NAME = "<script>window.__xss='campaign'</script> Chào buổi sáng";

  @TempDir java.nio.file.Path tmp;
  ConsoleFixture console;
  Controller controller;
  ApiClient admin;
  ConsoleBrowser browser;

  @BeforeEach
  void start() {
    console = new ConsoleFixture(tmp);
    controller = console.controller;
    admin = console.admin;
    browser = console.browser;
  }

  @AfterEach
  void stop() {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void anOperatorSchedulesAWeeklyDaypartSeesItOnTheCalendarEditsItAndSeesTheChecks() throws Exception {
    givenAGateWithTwoScreensAndAPlaylist();
    console.user("lich", "operator");
    // This week's Monday in the gate's zone, and a last day eight weeks on.
    LocalDate monday = LocalDate.now(GATE_ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate wednesday = monday.plusDays(2);
    LocalDate lastDay = monday.plusWeeks(8).minusDays(1);
    DateTimeFormatter shown = monday.getYear() == lastDay.getYear() ? DAY_MONTH : FULL;

    browser.signIn("lich", PASSWORD);
    browser.open("schedule");
    new Select(browser.waitVisible(By.id("sched-target"))).selectByValue("cluster:huu-nghi");
    browser.waitText(By.id("cal-h"), "Cửa khẩu Hữu Nghị");
    browser.waitText(By.id("cal-zone"), "Asia/Ho_Chi_Minh");

    // Create the campaign through the form
    browser.click("#camp-new");
    browser.waitVisible(By.id("camp-form-h"));
    type("id", "chao-buoi-sang");
    type("name", EVIL_NAME);
    new Select(browser.driver.findElement(By.name("playlistId"))).selectByValue("pl-morning");
    clickLabel(".targets", "Cửa khẩu Hữu Nghị");
    browser.setValue(By.name("start"), monday.toString());
    browser.setValue(By.name("end"), lastDay.toString());
    browser.click("#camp-add-daypart");
    clickLabel(".daypart", "T2");
    type("priority", "10");
    String vietnamese = "Mỗi thứ Hai 07:00–09:00, từ " + shown.format(monday) + " đến " + shown.format(lastDay);
    browser.waitText(By.id("camp-sentence"), vietnamese);
    assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();
    browser.scrollTo(By.id("camp-sentence"));
    browser.screenshot("schedule-01-new-campaign-form");
    browser.click("#camp-save");
    browser.waitText(By.cssSelector("tr[data-campaign='chao-buoi-sang'] td.sentence"), vietnamese);
    assertThat(browser.textOf(By.cssSelector("tr[data-campaign='chao-buoi-sang'] th")))
        .contains(EVIL_NAME);

    // The week view: Monday 07:00–09:00 in the gate's zone (the browser itself runs in UTC)
    WebElement block = browser.waitVisible(By.cssSelector(
        "section.cal-day[data-date='" + monday + "'] .cal-block[data-sources='chao-buoi-sang']"));
    assertThat(block.getAttribute("data-start")).isEqualTo("07:00");
    assertThat(block.getAttribute("data-end")).isEqualTo("09:00");
    assertThat(block.getAttribute("aria-label")).contains(EVIL_NAME, "07:00–09:00", "Ưu tiên 10");
    assertThat(block.getCssValue("top")).isEqualTo((7 * 26) + "px");
    assertThat(browser.driver.findElements(By.cssSelector(".cal-block[data-sources='chao-buoi-sang']"))).hasSize(1);
    assertThat(browser.driver.findElements(By.cssSelector(
        "section.cal-day[data-date='" + monday + "'] .cal-block.kind-idle"))).hasSize(2);
    browser.scrollTo(By.id("cal-h"));
    browser.screenshot("schedule-02-week");

    // The month view: the same hours on every Monday of the month, none on other days
    browser.click("button[data-view='month']");
    WebElement chip = browser.waitVisible(By.cssSelector(
        ".cal-cell[data-date='" + monday + "'] .cal-chip[data-sources='chao-buoi-sang']"));
    assertThat(chip.getText()).contains("07:00–09:00", "P10");
    assertThat(browser.textOf(By.cssSelector(".cal-cell[data-date='" + monday + "'] .cal-gap")))
        .isEqualTo("Màn hình đen 22 giờ");
    if (!browser.driver.findElements(By.cssSelector(".cal-cell[data-date='" + monday.plusWeeks(1) + "']")).isEmpty()) {
      assertThat(browser.driver.findElements(By.cssSelector(
          ".cal-cell[data-date='" + monday.plusWeeks(1) + "'] .cal-chip[data-sources='chao-buoi-sang']"))).hasSize(1);
    }
    assertThat(browser.driver.findElements(By.cssSelector(
        ".cal-cell[data-date='" + wednesday + "'] .cal-chip[data-sources='chao-buoi-sang']"))).isEmpty();
    browser.screenshot("schedule-03-month");

    // Edit: from the calendar, add Wednesday and run to 10:00
    chip.click();
    browser.waitText(By.id("camp-form-h"), "Sửa chiến dịch");
    clickLabel(".daypart", "T4");
    browser.setValue(By.name("to"), "10:00");
    String edited = "Mỗi thứ Hai và thứ Tư 07:00–10:00, từ " + shown.format(monday) + " đến " + shown.format(lastDay);
    browser.waitText(By.id("camp-sentence"), edited);
    browser.click("#camp-save");
    browser.waitText(By.cssSelector("tr[data-campaign='chao-buoi-sang'] td.sentence"), edited);
    browser.click("button[data-view='week']");
    WebElement wednesdayBlock = browser.waitVisible(By.cssSelector(
        "section.cal-day[data-date='" + wednesday + "'] .cal-block[data-sources='chao-buoi-sang']"));
    assertThat(wednesdayBlock.getAttribute("data-end")).isEqualTo("10:00");
    JsonNode stored = admin.get("/api/v1/campaigns/chao-buoi-sang").body();
    assertThat(stored.get("dayparts").get(0).get("days").toString()).isEqualTo("[\"MONDAY\",\"WEDNESDAY\"]");
    assertThat(stored.get("end").asText()).startsWith(lastDay.plusDays(1) + "T00:00");
    browser.screenshot("schedule-04-week-after-edit");

    // A rule beyond the plain forms is shown as written, labelled, and survives an edit untouched
    assertThat(admin.postJson("/api/v1/campaigns", Map.of("id", "first-monday", "name", "Họp giao ban",
        "playlistId", "pl-morning", "targets", Map.of("screens", List.of("hn-hall-2")),
        "start", monday + "T00:00", "end", lastDay.plusDays(1) + "T00:00",
        "recurrences", List.of(Map.of("rule", "FREQ=MONTHLY;BYDAY=1MO", "at", "08:00", "duration", "PT2H")))).status())
        .isEqualTo(201);
    browser.driver.navigate().refresh();
    browser.click("tr[data-campaign='first-monday'] button");
    browser.waitText(By.cssSelector(".raw-rules"), "FREQ=MONTHLY;BYDAY=1MO");
    assertThat(new Select(browser.driver.findElement(By.name("repeat"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("custom");
    browser.waitText(By.id("camp-sentence"), "Theo quy tắc RRULE “FREQ=MONTHLY;BYDAY=1MO” (từ 08:00, kéo dài PT2H)");
    browser.scrollTo(By.cssSelector(".raw-rules"));
    browser.screenshot("schedule-05-raw-rule-kept");
    type("name", "Họp giao ban đầu tháng");
    browser.click("#camp-save");
    browser.waitText(By.cssSelector("tr[data-campaign='first-monday'] th"), "Họp giao ban đầu tháng");
    JsonNode raw = admin.get("/api/v1/campaigns/first-monday").body().get("recurrences").get(0);
    assertThat(raw.get("rule").asText()).isEqualTo("FREQ=MONTHLY;BYDAY=1MO");
    assertThat(raw.get("at").asText()).startsWith("08:00");
    assertThat(raw.get("duration").asText()).isEqualTo("PT2H");

    // In English the sentence reads in English
    browser.click("header button.lang-button");
    browser.waitText(By.cssSelector("tr[data-campaign='chao-buoi-sang'] td.sentence"),
        "Every Monday and Wednesday 07:00–10:00, from " + shown.format(monday) + " until " + shown.format(lastDay));
    browser.screenshot("schedule-06-english");
    browser.click("header button.lang-button");
    browser.wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "vi"));

    // The publish page lists the engine's checks before anything is sent
    browser.open("publish");
    browser.waitVisible(By.cssSelector("#publish-checks li[data-code='GAP']"));
    assertThat(browser.textOf(By.cssSelector("#publish-checks li[data-code='GAP']")))
        .contains("Màn hình đen", "Sảnh nhập cảnh");
    assertThat(browser.textOf(By.id("checks-summary"))).contains("lỗi");
    // ...each said in the console's language from the finding's parts, times as the gate's dd/mm HH:mm
    By gapSentence = By.cssSelector("#publish-checks li[data-code='GAP'] .finding-message");
    assertThat(browser.textOf(gapSentence)).matches("(Ví dụ: )?Màn hình Sảnh nhập cảnh sẽ đen tổng cộng"
        + " \\d+ (giờ|phút)( \\d+ phút)? trong thời gian kiểm tra, lần đầu từ \\d\\d/\\d\\d \\d\\d:\\d\\d đến \\d\\d/\\d\\d"
        + " \\d\\d:\\d\\d \\(Asia/Ho_Chi_Minh\\): không có chiến dịch nào chạy .*");
    assertThat(browser.driver.findElements(By.cssSelector("#publish-checks li[data-code='GAP'] [lang='en']"))).isEmpty();
    browser.scrollTo(By.id("publish-checks"));
    browser.screenshot("schedule-07-publish-checks");
    browser.click("header button.lang-button");
    browser.waitText(gapSentence, "Screen Sảnh nhập cảnh would be black for");
    assertThat(browser.textOf(gapSentence)).matches("(For example: )?Screen Sảnh nhập cảnh would be black"
        + " for \\d+ (h|min)( \\d+ min)? in the checked window, first from \\d\\d/\\d\\d \\d\\d:\\d\\d to \\d\\d/\\d\\d"
        + " \\d\\d:\\d\\d \\(Asia/Ho_Chi_Minh\\): no campaign is on .*");
    browser.scrollTo(By.id("publish-checks"));
    browser.screenshot("schedule-07b-publish-checks-english");

    assertThat(browser.driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
  }

  @Test
  void aViewerSeesTheCalendarButNoFormAndTheRecurrenceModuleRoundTrips() throws Exception {
    givenAGateWithTwoScreensAndAPlaylist();
    LocalDate monday = LocalDate.now(GATE_ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    assertThat(admin.postJson("/api/v1/campaigns", Map.of("id", "quoc-khanh", "name", "Quốc khánh 2/9",
        "playlistId", "pl-morning", "targets", Map.of("clusters", List.of("huu-nghi")),
        "start", monday + "T00:00", "end", monday.plusDays(7) + "T00:00",
        "dayparts", List.of(Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
            "start", "18:00", "end", "00:00")), "priority", 5)).status()).isEqualTo(201);
    console.user("xem", "viewer");

    browser.signIn("xem", PASSWORD);
    assertThat(browser.sections()).contains("schedule").doesNotContain("publish");
    browser.open("schedule");
    // Opened on the gate that has screens, not on the empty default gate listed before it.
    browser.waitText(By.id("cal-h"), "Cửa khẩu Hữu Nghị");
    assertThat(new Select(browser.waitVisible(By.id("sched-target"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("cluster:huu-nghi");
    WebElement evening = browser.waitVisible(By.cssSelector(
        "section.cal-day[data-date='" + monday + "'] .cal-block[data-sources='quoc-khanh']"));
    assertThat(evening.getAttribute("data-start")).isEqualTo("18:00");
    assertThat(evening.getAttribute("data-end")).isEqualTo("24:00");
    browser.waitText(By.cssSelector("tr[data-campaign='quoc-khanh'] td.sentence"), "Từ thứ Hai đến thứ Sáu 18:00–24:00");
    assertThat(browser.driver.findElements(By.id("camp-new"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("tr[data-campaign] button"))).isEmpty();
    browser.screenshot("schedule-08-viewer-week");
    browser.phoneSize();
    browser.waitVisible(By.id("cal-h"));
    // On a phone the days are wide enough to read (the week scrolls sideways): the campaign's name is not cut.
    WebElement name = browser.driver.findElement(By.cssSelector(
        "section.cal-day[data-date='" + monday + "'] .cal-block[data-sources='quoc-khanh'] strong"));
    assertThat((Boolean) browser.driver.executeScript("return arguments[0].scrollWidth <= arguments[0].clientWidth", name))
        .as("the block's name fits: %s", name.getText()).isTrue();
    browser.screenshot("schedule-09-viewer-phone");
    browser.click("button[data-view='month']");
    browser.waitVisible(By.cssSelector(".cal-month"));
    browser.scrollTo(By.cssSelector(".cal-month"));
    browser.screenshot("schedule-09b-viewer-phone-month");

    // The pure module: every plain form goes to an RRULE and back, and other rules are refused.
    Object result = browser.driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
        + "import('/console/js/recurrence.js').then((r) => {"
        + "  const plain = [{kind: 'daily', interval: 3}, {kind: 'weekly', interval: 2, days: ['MONDAY', 'FRIDAY']},"
        + "    {kind: 'monthly', interval: 1, monthDay: 15}, {kind: 'yearly', month: 9, monthDay: 2}];"
        + "  const back = plain.map((p) => JSON.stringify(r.parseRecurrence(r.toRecurrence(p))) === JSON.stringify(p));"
        + "  const outside = [r.parseRecurrence({rule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3', at: '00:00', duration: 'P1D'}),"
        + "    r.parseRecurrence({rule: 'FREQ=WEEKLY;BYDAY=MO', at: '07:00', duration: 'P1D'}),"
        + "    r.parseRecurrence({rule: 'FREQ=MONTHLY;BYDAY=1MO', at: '00:00', duration: 'P1D'})];"
        + "  done(JSON.stringify({back, outside, rule: r.toRecurrence(plain[1]).rule}));"
        + "}).catch((e) => done(String(e)));");
    assertThat(result).isEqualTo("{\"back\":[true,true,true,true],\"outside\":[null,null,null],"
        + "\"rule\":\"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR\"}");
  }

  private void givenAGateWithTwoScreensAndAPlaylist() {
    created(admin.postJson("/api/v1/clusters", Map.of("id", "huu-nghi", "name", "Cửa khẩu Hữu Nghị",
        "province", "Lạng Sơn", "zone", GATE_ZONE.getId(), "languages", List.of("vi", "zh-Hans"))));
    created(admin.postJson("/api/v1/screens", Map.of("id", "hn-hall-1", "name", "Sảnh nhập cảnh", "clusterId", "huu-nghi")));
    created(admin.postJson("/api/v1/screens", Map.of("id", "hn-hall-2", "name", "Sảnh xuất cảnh", "clusterId", "huu-nghi")));
    created(admin.postJson("/api/v1/content", Map.of("id", "welcome", "title", "Chào mừng",
        "variants", List.of(Map.of("language", "vi", "text", "Chào mừng quý khách", "seconds", 10),
            Map.of("language", "zh-Hans", "text", "欢迎", "seconds", 10)))));
    Accounts.approve(admin, controller.httpPort(), "welcome");
    created(admin.postJson("/api/v1/playlists", Map.of("id", "pl-morning", "name", "Buổi sáng",
        "entries", List.of(Map.of("contentId", "welcome")))));
  }

  private void type(String name, String text) {
    WebElement input = browser.driver.findElement(By.name(name));
    input.clear();
    input.sendKeys(text);
  }

  private void clickLabel(String container, String text) {
    browser.driver.findElement(By.xpath("//*[contains(concat(' ', @class, ' '), ' " + container.substring(1)
        + " ')]//label[normalize-space(.)='" + text + "']")).click();
  }

  private static void created(Answer answer) {
    assertThat(answer.status()).as(answer.error()).isEqualTo(201);
  }
}
