package io.gatecast.demo;

import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.enrollment.PairingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A gate technician's whole job, from an empty controller, through the console only: gates (name,
 * province, zone, languages in order), a screen registered with its MQTT password shown once, a
 * group, the screen moved to another gate and tagged, a kiosk paired by the code it shows, a new
 * password, a revocation. Wrong input is refused in the console's own words first, then by the
 * controller in the console's language. The API is used only to read back what was stored (and,
 * as the kiosk itself does, to show a pairing code). Once in Vietnamese, once in English;
 * screenshots in target/screenshots/story-technician-*.png.
 */
@IntegrationTest
class ConsoleTechnicianStoryTest extends ConsoleStory {
  @Test
  void aTechnicianSetsUpLaoCaiInVietnamese() throws Exception {
    story("vi", "Hãy điền ô “Tên cửa khẩu”.", "không phải múi giờ", "chiếu chương trình cửa khẩu đang phát");
  }

  @Test
  void aTechnicianSetsUpLaoCaiInEnglish() throws Exception {
    story("en", "Fill in “Gate name”.", "is not a time zone", "plays the programme on air at its gate");
  }

  private void story(String lang, String ownRequired, String zoneRefused, String paired) throws Exception {
    console = new ConsoleFixture(tmp);
    ConsoleBrowser browser = console.browser;
    ApiClient read = console.admin;
    browser.startIn(lang);
    browser.createUsers(console.adminPassword, ConsoleFixture.PASSWORD, Map.of("kythuat", List.of("technician")));
    browser.signIn("kythuat", ConsoleFixture.PASSWORD);
    assertThat(browser.sections()).contains("setup");
    // An empty fleet: the board says where screens come from and takes the technician there.
    browser.waitText(By.cssSelector("main"), browser.says("Không có màn hình nào", "No screens"));
    browser.click("main a[href='#/setup']");
    browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("nav a[data-section='setup']"),
        "aria-current", "page"));
    // No gate yet: pairing says to add one first (a screen paired unplaced would play nothing).
    assertThat(browser.shownTextOf(By.id("pair-no-gate")))
        .contains(browser.says("Chưa có cửa khẩu nào", "No gate yet"));
    String shot = "story-technician-" + lang + "-";

    // A gate, refused first by the console's own check (nothing typed), then by the controller (a bad zone).
    browser.click("[data-action='new-gate']");
    browser.click("[data-action='save-gate']");
    browser.waitText(By.cssSelector("#gate-form-box .form-problem"), ownRequired);
    assertThat(browser.attributeOf(By.id("gate-name"), "aria-invalid")).isEqualTo("true");
    type(browser, "gate-name", "Cửa khẩu quốc tế đường bộ Lào Cai");
    assertThat(browser.textOf(By.cssSelector("#gate-form-box .form-problem")))
        .as("the line asking for the name goes once the name is typed").isEmpty();
    assertThat(browser.attributeOf(By.id("gate-id"), "value")).isEqualTo("cua-khau-quoc-te-duong-bo-lao-cai");
    type(browser, "gate-province", "Lào Cai");
    replace(browser, "gate-zone", "Mars/Olympus");
    browser.click("[data-action='save-gate']");
    // The controller's refusal, in the console's language, in the form that was sent.
    browser.waitText(By.cssSelector("#gate-form-box .form-problem"), zoneRefused);
    assertThat(browser.textOf(By.cssSelector("#gate-form-box .form-problem")))
        .contains("Mars/Olympus").doesNotContain("IANA");
    browser.screenshot(shot + "1-refused");
    replace(browser, "gate-zone", "Asia/Ho_Chi_Minh");
    browser.click("[data-action='save-gate']");
    browser.waitVisible(By.cssSelector("tr[data-gate='cua-khau-quoc-te-duong-bo-lao-cai']"));
    assertThat(browser.textOf(By.cssSelector("main > p.message"))).isNotBlank();
    // Nothing stale: the refusal went with the next action.
    assertThat(browser.driver.findElements(By.cssSelector("main .message.error"))).allSatisfy(e ->
        assertThat(e.getText()).isEmpty());

    browser.click("[data-action='new-gate']");
    type(browser, "gate-name", "Cửa khẩu Kim Thành");
    type(browser, "gate-province", "Lào Cai");
    replace(browser, "gate-languages", "vi, zh-Hans, en, hmn");
    browser.click("[data-action='save-gate']");
    browser.waitVisible(By.cssSelector("tr[data-gate='cua-khau-kim-thanh']"));

    JsonNode gate = read.get("/api/v1/clusters/cua-khau-kim-thanh").body();
    assertThat(gate.get("name").asText()).isEqualTo("Cửa khẩu Kim Thành");
    assertThat(gate.get("province").asText()).isEqualTo("Lào Cai");
    assertThat(gate.get("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
    assertThat(texts(gate.get("languages"))).containsExactly("vi", "zh-Hans", "en", "hmn");

    // A screen registered by hand: its MQTT password is shown once, with a copy button. The form starts on a
    // real gate, not the one unplaced screens wait in (said in the reader's language).
    browser.click("[data-action='new-screen']");
    Select screenGate = new Select(browser.waitVisible(By.id("screen-gate")));
    assertThat(screenGate.getFirstSelectedOption().getAttribute("value")).isNotEqualTo("default");
    assertThat(screenGate.getOptions()).extracting(WebElement::getText)
        .contains(browser.says("Chưa xếp cửa khẩu", "Not placed at a gate yet"));
    assertThat(browser.textOf(By.cssSelector("tr[data-gate='default'] th")))
        .startsWith(browser.says("Chưa xếp cửa khẩu", "Not placed at a gate yet"));
    type(browser, "screen-name", "Sảnh nhập cảnh số 1");
    new Select(browser.driver.findElement(By.id("screen-gate"))).selectByValue("cua-khau-quoc-te-duong-bo-lao-cai");
    browser.click("[data-action='save-screen']");
    String password = browser.shownTextOf(By.id("mqtt-password"));
    assertThat(password).hasSizeGreaterThan(15);
    assertThat(browser.driver.findElements(By.cssSelector("[data-action='copy-password']"))).hasSize(1);
    browser.scrollTo(By.id("mqtt-password"));
    browser.screenshot(shot + "2-password-once");
    JsonNode screen = read.get("/api/v1/screens/sanh-nhap-canh-so-1").body();
    assertThat(screen.get("name").asText()).isEqualTo("Sảnh nhập cảnh số 1");
    assertThat(screen.get("clusterId").asText()).isEqualTo("cua-khau-quoc-te-duong-bo-lao-cai");

    // A group holding it. Its id follows the name until typed by hand; the rest of the name leaves it alone.
    browser.click("[data-action='new-group']");
    type(browser, "group-name", "Sảnh");
    assertThat(browser.attributeOf(By.id("group-id"), "value")).isEqualTo("sanh");
    replace(browser, "group-id", "sanh-cho");
    type(browser, "group-name", " chờ tầng 1");
    assertThat(browser.attributeOf(By.id("group-id"), "value")).isEqualTo("sanh-cho");
    browser.click("#group-screen-sanh-nhap-canh-so-1");
    browser.click("[data-action='save-group']");
    String groupLine = browser.shownTextOf(By.cssSelector("li[data-group='sanh-cho']"));
    assertThat(texts(read.get("/api/v1/groups/sanh-cho").body().get("screenIds"))).containsExactly("sanh-nhap-canh-so-1");
    // One screen, said as one: "1 screen" in English, not "1 screens".
    assertThat(groupLine).contains(lang.equals("en") ? "— 1 screen" : "— 1 màn hình").doesNotContain("screens");

    // Moved to Kim Thành and tagged; a tag with capitals and spaces is refused in the console's words first.
    browser.click("[data-edit-screen='sanh-nhap-canh-so-1']");
    new Select(browser.waitVisible(By.id("screen-gate"))).selectByValue("cua-khau-kim-thanh");
    replace(browser, "screen-tags", "Sảnh Chờ");
    browser.click("[data-action='save-screen']");
    browser.wait.until(ExpectedConditions.attributeToBe(By.id("screen-tags"), "aria-invalid", "true"));
    replace(browser, "screen-tags", "sanh-cho, xuat-canh");
    browser.click("[data-action='save-screen']");
    browser.wait.until(d -> read.get("/api/v1/screens/sanh-nhap-canh-so-1").body().get("clusterId").asText()
        .equals("cua-khau-kim-thanh"));
    screen = read.get("/api/v1/screens/sanh-nhap-canh-so-1").body();
    assertThat(texts(screen.get("tags"))).containsExactly("sanh-cho", "xuat-canh");
    assertThat(texts(screen.get("groups"))).containsExactly("sanh-cho");

    // A kiosk shows its pairing code (the kiosk's own call); the technician types it and picks gate and name.
    String code = PairingCode.newCode();
    String secret = PairingCode.newSecret();
    Answer waiting = console.browserless().postJson("/api/v1/enrollments",
        Map.of("code", PairingCode.display(code), "secret", secret));
    assertThat(waiting.status()).as(waiting.error()).isEqualTo(201);
    browser.driver.navigate().refresh();
    browser.waitVisible(By.id("pair-code"));
    assertThat(browser.driver.findElements(By.id("pair-no-gate"))).as("gates exist now").isEmpty();
    assertThat(new Select(browser.driver.findElement(By.id("pair-gate"))).getFirstSelectedOption().getAttribute("value"))
        .as("pairing starts on a real gate: a screen paired unplaced plays nothing").isNotEqualTo("default");
    type(browser, "pair-code", PairingCode.display(code).toLowerCase());
    type(browser, "pair-name", "Kim Thành cổng xe tải");
    new Select(browser.driver.findElement(By.id("pair-gate"))).selectByValue("cua-khau-kim-thanh");
    browser.click("[data-action='pair']");
    browser.waitText(By.cssSelector("main > p.message"), paired);
    browser.screenshot(shot + "3-paired");
    JsonNode kiosk = read.get("/api/v1/screens/kim-thanh-cong-xe-tai").body();
    assertThat(kiosk.get("clusterId").asText()).isEqualTo("cua-khau-kim-thanh");
    assertThat(kiosk.get("name").asText()).isEqualTo("Kim Thành cổng xe tải");
    // The kiosk's next poll gets its login (what the agent does after the code is typed).
    Answer pickedUp = console.browserless().postJson("/api/v1/enrollments/" + code + "/pickup", Map.of("secret", secret));
    assertThat(pickedUp.status()).as(pickedUp.error()).isEqualTo(200);
    // The message leads to the new screen's page (where it comes online, and says why if it waits), and back.
    browser.click("main > p.message a[data-paired='kim-thanh-cong-xe-tai']");
    browser.waitText(By.cssSelector("main h1"), "Kim Thành cổng xe tải");
    // No page has reported from it yet: the display's badge says what is unknown, not a bare "unknown".
    browser.waitText(By.cssSelector("main p.badges"), browser.says("Hiển thị: chưa rõ", "Display: unknown"));
    browser.open("setup");

    // A new MQTT password, then the first screen revoked; both ask first.
    browser.waitVisible(By.cssSelector("[data-edit-screen='sanh-nhap-canh-so-1']"));
    browser.click("[data-edit-screen='sanh-nhap-canh-so-1']");
    browser.click("[data-action='new-password']");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    assertThat(browser.shownTextOf(By.id("mqtt-password"))).isNotEqualTo(password);
    browser.click("[data-edit-screen='sanh-nhap-canh-so-1']");
    browser.click("[data-action='revoke']");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> !read.get("/api/v1/screens/sanh-nhap-canh-so-1").body().path("revokedAt").isNull());
    browser.waitVisible(By.cssSelector("tr[data-screen='sanh-nhap-canh-so-1'] .badge.bad"));
    // Still in its group, but the group no longer counts it as a screen that shows anything.
    browser.waitText(By.cssSelector("li[data-group='sanh-cho']"),
        browser.says("— 0 màn hình (và 1 đã thu hồi)", "— 0 screens (and 1 revoked)"));
    browser.screenshot(shot + "4-done");
    browser.phoneSize();
    browser.screenshot(shot + "5-phone");
    assertThat(browser.unlabelledFields()).isEmpty();
  }

  private static void type(ConsoleBrowser browser, String id, String text) {
    browser.waitVisible(By.id(id)).sendKeys(text);
  }

  private static void replace(ConsoleBrowser browser, String id, String text) {
    WebElement input = browser.waitVisible(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
