package io.gatecast.demo;

import io.gatecast.testkit.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What the console says before something easy to get wrong happens, in Vietnamese and in English:
 * a one-off campaign's dates carry their year; hours that end before they start are said to run
 * overnight before anything is saved; a FIXED language that is no language ("klingon") is refused in
 * the console's words and nothing is stored; a vi-only item on a vi/zh-Hans/en gate is warned of;
 * publishing with an ERROR finding asks first, naming what will happen, and cancelling publishes
 * nothing; an urgent alert asks first, naming the gate, and cancelling sends nothing. The gate, its
 * screen and an approved item are set up through the API; everything checked is done in the
 * console. Screenshots in target/screenshots/safeguards-<vi|en>-*.png.
 */
@IntegrationTest
class ConsoleSafeguardsTest extends ConsoleStory {
  private static final ZoneId GATE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void theConsoleSaysWhatWillHappenBeforeItHappens(String lang) throws Exception {
    console = new ConsoleFixture(tmp);
    ApiClient admin = console.admin;
    givenKimThanhWithAScreenAndAVietnameseOnlyItem(admin);
    Accounts.approve(admin, console.controller.httpPort(), "gio-mo-cua");
    console.user("dieuhanh", "operator");
    ConsoleBrowser browser = console.browser;
    String shot = "safeguards-" + lang + "-";
    browser.startIn(lang);
    browser.signIn("dieuhanh", ConsoleFixture.PASSWORD);

    // A one-off day, hours typed the wrong way round, and a fixed "language" that is none.
    LocalDate day = LocalDate.now(GATE_ZONE).plusMonths(2);
    browser.open("schedule");
    browser.click("#camp-new");
    browser.waitVisible(By.id("camp-form-h"));
    type(browser, "id", "gio-mo-cua-mot-ngay");
    type(browser, "name", "Giờ mở cửa");
    new Select(browser.driver.findElement(By.name("playlistId"))).selectByValue("gio-mo-cua");
    browser.click(".targets input[value='kim-thanh']");
    browser.setValue(By.name("start"), day.toString());
    browser.setValue(By.name("end"), day.toString());
    browser.click("#camp-add-daypart");
    browser.click(".daypart input[value='" + day.getDayOfWeek() + "']");
    browser.setValue(By.name("from"), "09:00");
    browser.setValue(By.name("to"), "07:00");
    String overnight = browser.says("09:00–07:00 (qua đêm, kết thúc sáng hôm sau)", "09:00–07:00 (overnight, ending the next morning)");
    browser.waitText(By.id("camp-sentence"), overnight);
    assertThat(browser.textOf(By.id("camp-sentence")))
        .isEqualTo(overnight + ", " + browser.says("ngày ", "on ") + FULL.format(day));
    new Select(browser.driver.findElement(By.name("policy"))).selectByValue("FIXED");
    type(browser, "language", "klingon");
    browser.scrollTo(By.id("camp-sentence"));
    browser.click("#camp-save");
    browser.waitText(By.id("camp-error"), browser.says("Ngôn ngữ cố định “klingon” không phải ngôn ngữ của cửa khẩu nào",
        "The fixed language “klingon” is not a language of any gate"));
    browser.screenshot(shot + "1-campaign-refused");
    assertThat(admin.get("/api/v1/campaigns/gio-mo-cua-mot-ngay").status()).isEqualTo(404);

    // Put right: the gate's languages in turn, the overnight hours kept on purpose; saved.
    new Select(browser.driver.findElement(By.name("policy"))).selectByValue("ROTATE");
    browser.click("#camp-save");
    browser.waitVisible(By.cssSelector("tr[data-campaign='gio-mo-cua-mot-ngay']"));
    assertThat(browser.textOf(By.cssSelector("tr[data-campaign='gio-mo-cua-mot-ngay'] td.sentence")))
        .contains(FULL.format(day)).contains(overnight);
    // Where it plays: the gate by its name, not its id
    assertThat(browser.textOf(By.cssSelector("tr[data-campaign='gio-mo-cua-mot-ngay']")))
        .contains("Cửa khẩu Kim Thành").doesNotContain("kim-thanh");
    assertThat(admin.get("/api/v1/campaigns/gio-mo-cua-mot-ngay").body().path("languagePolicy").path("mode").asText())
        .isEqualTo("ROTATE");

    // The checks: the vi-only item on a vi/zh-Hans/en gate is a warning; the screen left black the rest
    // of the time is an error. Publishing asks first and names what will happen; cancelled, nothing is published.
    browser.open("publish");
    WebElement incomplete = browser.waitVisible(By.cssSelector("li.finding.warning[data-code='INCOMPLETE_LANGUAGES']"));
    assertThat(incomplete.getText()).contains("Giờ mở cửa")
        .contains(browser.says("không có bản Tiếng Trung hoặc Tiếng Anh", "has no Chinese or English version"));
    // Screens by their names, as on the board
    browser.waitText(By.cssSelector("li.finding.error[data-code='GAP']"), "Sảnh nhập cảnh");
    assertThat(browser.textOf(By.cssSelector("li.finding.error[data-code='GAP']")))
        .doesNotContain("kt-sanh-1");
    browser.scrollTo(By.cssSelector("li.finding.warning[data-code='INCOMPLETE_LANGUAGES']"));
    browser.screenshot(shot + "2-checks");
    browser.click("#publish-now");
    Alert ask = browser.wait.until(ExpectedConditions.alertIsPresent());
    assertThat(ask.getText()).contains(browser.says("Có 1 lỗi", "The checks found 1 error ("))
        .contains(browser.says("Màn hình đen", "Black screen"))
        .contains(browser.says("màn hình Sảnh nhập cảnh sẽ chiếu sai hoặc không chiếu gì",
            "screens Sảnh nhập cảnh will show the wrong thing or nothing"))
        .contains(browser.says("Vẫn phát hành?", "Publish anyway?"));
    ask.dismiss();
    browser.waitText(By.cssSelector("main"), browser.says("Chưa phát hành.", "Nothing was published."));
    assertThat(admin.get("/api/v1/publishes").body()).isEmpty();
    browser.click("#publish-now");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> d.getCurrentUrl().contains("#/publish/"));
    assertThat(admin.get("/api/v1/publishes").body()).hasSize(1);

    // An urgent alert asks first, naming the gate and how long; cancelled, nothing is sent.
    browser.open("alert");
    browser.waitVisible(By.id("alert-vi")).sendKeys("Cửa khẩu tạm đóng do sạt lở");
    browser.click("#alert-gate-kim-thanh");
    browser.click("form.urgent button[type=submit]");
    Alert urgent = browser.wait.until(ExpectedConditions.alertIsPresent());
    assertThat(urgent.getText()).contains("Cửa khẩu tạm đóng do sạt lở").contains("Cửa khẩu Kim Thành")
        .contains(browser.says("không qua duyệt", "without review")).contains(browser.says("trong 2 giờ", "for 2 hours"));
    urgent.dismiss();
    assertThat(admin.get("/api/v1/alerts").body().toString()).doesNotContain("sạt lở");
    browser.click("form.urgent button[type=submit]");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> admin.get("/api/v1/alerts").body().toString().contains("sạt lở"));
    browser.waitText(By.cssSelector("article.alert-item"), "Cửa khẩu tạm đóng do sạt lở");
    browser.screenshot(shot + "3-alert-sent");
    browser.phoneSize();
    browser.open("publish");
    browser.waitVisible(By.cssSelector("li.finding.warning[data-code='INCOMPLETE_LANGUAGES']"));
    browser.screenshot(shot + "4-checks-phone");
  }

  private static void givenKimThanhWithAScreenAndAVietnameseOnlyItem(ApiClient admin) {
    created(admin.postJson("/api/v1/clusters", Map.of("id", "kim-thanh", "name", "Cửa khẩu Kim Thành",
        "province", "Lào Cai", "zone", GATE_ZONE.getId(), "languages", List.of("vi", "zh-Hans", "en"))));
    created(admin.postJson("/api/v1/screens", Map.of("id", "kt-sanh-1", "name", "Sảnh nhập cảnh", "clusterId", "kim-thanh")));
    created(admin.postJson("/api/v1/content", Map.of("id", "gio-mo-cua", "title", "Giờ mở cửa",
        "variants", List.of(Map.of("language", "vi", "text", "Cửa khẩu mở cửa từ 7 giờ đến 22 giờ", "seconds", 10)))));
    created(admin.postJson("/api/v1/playlists", Map.of("id", "gio-mo-cua", "name", "Giờ mở cửa",
        "entries", List.of(Map.of("contentId", "gio-mo-cua")))));
  }

  private static void type(ConsoleBrowser browser, String name, String text) {
    WebElement input = browser.waitVisible(By.name(name));
    input.clear();
    input.sendKeys(text);
  }

  private static void created(Answer answer) {
    assertThat(answer.status()).as(answer.error()).isEqualTo(201);
  }
}
