package io.gatecast.demo;

import io.gatecast.testkit.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Role stories from an empty controller, through the console only (the API only reads back what
 * was stored; the story's people are made by the admin on the users page): an operator writes two items, makes a playlist (ordered from the keyboard, a
 * weight, a fixed position), deletes it, and edits a screen's own playlist; the approver then
 * lands on the review queue, previews and rejects. The admin manages a user, reads the audit log
 * and changes their own password. Each story runs in Vietnamese and in English; screenshots in
 * target/screenshots/story-<role>-<vi|en>-*.png, with a phone-width one at the end.
 */
@IntegrationTest
class ConsoleRoleStoriesTest extends ConsoleStory {
  private ConsoleBrowser start(String lang, String username, String password) {
    ConsoleBrowser browser = console.browser;
    browser.startIn(lang);
    browser.signIn(username, password);
    return browser;
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void anOperatorMakesAPlaylistAndEditsAScreensOwnThenTheApproverReviews(String lang) throws Exception {
    console = new ConsoleFixture(tmp);
    ApiClient read = console.admin;
    console.browser.startIn(lang);
    console.browser.createUsers(console.adminPassword, ConsoleFixture.PASSWORD,
        Map.of("dieuhanh", List.of("operator"), "lanhdao", List.of("approver")));
    ConsoleBrowser browser = start(lang, "dieuhanh", ConsoleFixture.PASSWORD);

    // Nothing approved yet: the Publish page says where items come from and takes the operator there.
    browser.open("publish");
    browser.waitText(By.cssSelector("main"), browser.says("Chưa có mục nào được duyệt", "No item is approved yet"));
    browser.click("main a[href='#/content']");
    browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("nav a[data-section='content']"),
        "aria-current", "page"));

    // Two text items, written in the console.
    browser.createTextItem("chao-mung", "Chào mừng đến Lào Cai", "Chào mừng quý khách đến Lào Cai");
    browser.createTextItem("bien-gioi", "Giữ gìn biên giới", "Hãy giữ gìn cột mốc biên giới");
    // The same id again: refused in the reader's language, naming the id, and the form keeps what was typed
    new Select(browser.waitVisible(By.id("item-kind"))).selectByValue("text");
    browser.waitVisible(By.id("item-id")).sendKeys("chao-mung");
    browser.driver.findElement(By.id("item-title")).sendKeys("Lần hai");
    browser.waitVisible(By.id("variant-vi")).sendKeys("Chào lần hai");
    browser.click(By.xpath("//input[@id='item-id']/ancestor::form//button[@type='submit']"));
    browser.waitText(By.xpath("//input[@id='item-id']/ancestor::form//p[contains(@class,'message')]"),
        browser.says("Đã có mục nội dung mã “chao-mung”", "A content item “chao-mung” already exists"));
    assertThat(browser.attributeOf(By.id("item-title"), "value")).isEqualTo("Lần hai");

    // A playlist: both items, the first moved down from the keyboard, a weight and a fixed position.
    browser.open("playlists");
    browser.click("[data-action='new-playlist']");
    browser.waitVisible(By.id("pl-name")).sendKeys("Chào mừng Lào Cai");
    assertThat(browser.attributeOf(By.id("pl-id"), "value")).isEqualTo("chao-mung-lao-cai");
    addEntry(browser, "chao-mung");
    // One item is "1 item" in English, not "1 items" (Vietnamese nouns do not change with the number)
    browser.waitText(By.id("pl-total"), browser.says("1 mục · một vòng", "1 item · one round"));
    addEntry(browser, "bien-gioi");
    browser.waitText(By.id("pl-total"), browser.says("2 mục · một vòng", "2 items · one round"));
    WebElement down = browser.waitVisible(By.cssSelector("li[data-entry='chao-mung'] button[data-dir='down']"));
    down.sendKeys(Keys.ENTER);
    browser.wait.until(d -> d.findElements(By.cssSelector("#pl-entries li[data-entry]")).get(0)
        .getAttribute("data-entry").equals("bien-gioi"));
    // The keyboard stays on the moved item's arrow.
    assertThat(browser.driver.switchTo().activeElement().getAttribute("data-dir")).isEqualTo("up");
    WebElement weight = browser.driver.findElement(By.cssSelector("input[data-weight='bien-gioi']"));
    weight.clear();
    weight.sendKeys("3");
    browser.driver.findElement(By.cssSelector("input[data-position='chao-mung']")).sendKeys("2");
    browser.screenshot("story-operator-" + lang + "-1-playlist");
    browser.click("[data-action='save-playlist']");
    browser.waitVisible(By.cssSelector("li[data-playlist='chao-mung-lao-cai']"));
    JsonNode playlist = read.get("/api/v1/playlists/chao-mung-lao-cai").body();
    assertThat(playlist.get("name").asText()).isEqualTo("Chào mừng Lào Cai");
    assertThat(playlist.get("entries").get(0).get("contentId").asText()).isEqualTo("bien-gioi");
    assertThat(playlist.get("entries").get(0).get("weight").asInt()).isEqualTo(3);
    assertThat(playlist.get("entries").get(1).get("contentId").asText()).isEqualTo("chao-mung");
    assertThat(playlist.get("entries").get(1).get("position").asInt()).isEqualTo(2);

    // Deleted (it asks first), since no campaign plays it.
    browser.click("[data-delete-playlist='chao-mung-lao-cai']");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> read.get("/api/v1/playlists/chao-mung-lao-cai").status() == 404);

    // A screen (registered on the setup page), and its own playlist: one item added, then taken off.
    browser.open("setup");
    browser.click("[data-action='new-screen']");
    browser.waitVisible(By.id("screen-name")).sendKeys("Sảnh xuất cảnh");
    browser.click("[data-action='save-screen']");
    browser.waitVisible(By.id("mqtt-password"));
    browser.driver.get(browser.baseUrl + "/console/#/screens/sanh-xuat-canh");
    new Select(browser.waitVisible(By.id("screen-playlist-add"))).selectByValue("chao-mung");
    browser.click("[data-action='schedule-item']");
    browser.waitVisible(By.cssSelector("li[data-screen-item='chao-mung']"));
    assertThat(texts(read.get("/api/v1/screens/sanh-xuat-canh").body().get("playlist"))).containsExactly("chao-mung");
    browser.scrollTo(By.id("screen-playlist"));
    browser.screenshot("story-operator-" + lang + "-2-screen-playlist");
    browser.click("[data-unschedule='chao-mung']");
    browser.wait.until(d -> read.get("/api/v1/screens/sanh-xuat-canh").body().get("playlist").isEmpty());
    // The audit log says what was added and taken off, by the item's title
    browser.open("audit");
    new Select(browser.waitVisible(By.id("audit-type"))).selectByValue("screen-playlist");
    browser.click("[data-action='filter-audit']");
    browser.waitText(By.cssSelector("main table"), "− Chào mừng đến Lào Cai");
    assertThat(browser.textOf(By.cssSelector("main table"))).contains("+ Chào mừng đến Lào Cai");
    browser.signOut();

    // The approver lands on the queue, previews an item in its language, rejects the other with a reason.
    browser.signIn("lanhdao", ConsoleFixture.PASSWORD);
    browser.wait.until(d -> d.getCurrentUrl().endsWith("#/review"));
    // The header says the console is live there too, not offline, though the queue does not refresh itself
    browser.wait.until(d -> "live".equals(d.findElement(By.cssSelector(".live-state")).getAttribute("data-live")));
    browser.click("article[data-item='chao-mung'] button[data-preview]");
    browser.waitVisible(By.id("preview-lang-chao-mung"));
    browser.screenshot("story-approver-" + lang + "-1-preview");
    browser.driver.findElement(By.cssSelector("textarea[data-reason='bien-gioi']")).sendKeys("Cần thêm bản tiếng Trung");
    browser.click("button[data-reject='bien-gioi']");
    browser.wait.until(d -> read.get("/api/v1/content/bien-gioi").body().get("status").asText().equals("REJECTED"));
    browser.driver.get(browser.baseUrl + "/console/#/content");
    browser.waitText(By.cssSelector("article[data-item='bien-gioi']"),
        browser.says("Bị lanhdao từ chối lúc", "Rejected by lanhdao at"));
    assertThat(browser.textOf(By.cssSelector("article[data-item='bien-gioi']")))
        .doesNotContain(browser.says("Duyệt bởi", "Reviewed by")).contains("Cần thêm bản tiếng Trung");
    browser.scrollTo(By.cssSelector("article[data-item='bien-gioi']"));
    browser.screenshot("story-approver-" + lang + "-2-rejected");
    browser.signOut();

    // The author sees why, edits the item, adds a Lao version (any BCP 47 tag) and resubmits it.
    browser.signIn("dieuhanh", ConsoleFixture.PASSWORD);
    browser.open("content");
    browser.waitText(By.cssSelector("article[data-item='bien-gioi']"), "Cần thêm bản tiếng Trung");
    browser.click("button[data-revise='bien-gioi']");
    browser.wait.until(d -> d.findElement(By.id("item-id")).getAttribute("value").equals("bien-gioi"));
    browser.driver.findElement(By.id("variant-zh-Hans")).sendKeys("请保护边境界碑");
    browser.driver.findElement(By.id("item-add-language")).sendKeys("lo");
    browser.click("[data-action='add-language']");
    browser.waitVisible(By.id("variant-lo")).sendKeys("ກະລຸນາຮັກສາຫຼັກເຂດແດນ");
    assertThat(browser.attributeOf(By.id("variant-zh-Hans"), "value")).isEqualTo("请保护边境界碑");
    browser.click(By.xpath("//input[@id='item-id']/ancestor::form//button[@type='submit']"));
    browser.wait.until(d -> read.get("/api/v1/content/bien-gioi").body().get("status").asText().equals("PENDING"));
    JsonNode revised = read.get("/api/v1/content/bien-gioi").body();
    List<String> languages = new ArrayList<>();
    revised.get("variants").forEach(v -> languages.add(v.get("language").asText()));
    assertThat(languages).contains("vi", "zh-Hans", "lo");
    browser.screenshot("story-contributor-" + lang + "-1-resubmitted");
    browser.phoneSize();
    browser.scrollTo(By.cssSelector("article[data-item='bien-gioi']"));
    browser.screenshot("story-contributor-" + lang + "-2-phone");
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void theAdminManagesAUserReadsTheAuditLogAndChangesTheirPassword(String lang) throws Exception {
    console = new ConsoleFixture(tmp);
    ApiClient read = console.admin;
    ConsoleBrowser browser = start(lang, "admin", console.adminPassword);

    browser.open("users");
    browser.waitVisible(By.id("user-name")).sendKeys("phongvien");
    browser.driver.findElement(By.id("user-password")).sendKeys("short");
    browser.click("#new-role-contributor");
    browser.click("[data-action='create-user']");
    browser.waitText(By.cssSelector(".form-problem"), browser.says("ít nhất 12 ký tự", "at least 12 characters"));
    WebElement password = browser.driver.findElement(By.id("user-password"));
    password.clear();
    password.sendKeys("bao-lao-cai-2026");
    browser.click("[data-action='create-user']");
    browser.waitVisible(By.cssSelector("tr[data-user='phongvien']"));
    assertThat(texts(read.get("/api/v1/users/phongvien").body().get("roles"))).containsExactly("contributor");

    browser.click("[data-edit-user='phongvien']");
    browser.click("#edit-role-approver");
    browser.click("#edit-disabled");
    browser.waitVisible(By.id("edit-password")).sendKeys("mat-khau-moi-2026");
    browser.click("[data-action='save-user']");
    browser.wait.until(d -> read.get("/api/v1/users/phongvien").body().get("disabled").asBoolean());
    assertThat(texts(read.get("/api/v1/users/phongvien").body().get("roles"))).contains("contributor", "approver");
    browser.screenshot("story-admin-" + lang + "-1-users");

    browser.open("audit");
    // Every kind of thing the controller records can be filtered on, layouts too
    assertThat(browser.shownTextOf(By.cssSelector("#audit-type option[value='layout']")))
        .isEqualTo(browser.says("Bố cục", "Layout"));
    showAuditOf(browser, "user");
    browser.waitText(By.cssSelector("main table"), "phongvien");
    // What the change was, in the reader's words, not only that there was one
    WebElement changeCell = browser.driver.findElement(By.xpath("//tr[td[normalize-space()='phongvien']]"
        + "[td[contains(., '" + browser.says("cập nhật", "updated") + "')]]/td[contains(@class, 'audit-change')]"));
    String change = changeCell.getText();
    assertThat(change).contains(browser.says("Vai trò: + người duyệt", "Roles: + approver"))
        .contains(browser.says("Bị khoá: không → có", "Disabled: no → yes"));
    // The whole before and after, as evidence, one click away
    changeCell.findElement(By.cssSelector("details summary")).click();
    browser.wait.until(d -> changeCell.findElement(By.cssSelector("details pre")).getText().contains("\"approver\""));
    browser.screenshot("story-admin-" + lang + "-2-audit");
    browser.phoneSize();
    browser.screenshot("story-admin-" + lang + "-2b-audit-phone");
    browser.desktopSize();

    // An urgent alert sent and ended (by the API: the operator's side is ConsoleSafeguardsTest): the log
    // names it by its text and says what ending it changed, in the reader's words.
    Answer sent = read.postJson("/api/v1/alerts", Map.of("clusterIds", List.of("default"),
        "text", Map.of("vi", "Cửa khẩu tạm đóng do mưa lũ"), "expiresAt", Instant.now().plusSeconds(3600).toString()));
    assertThat(sent.status()).as(sent.error()).isEqualTo(201);
    String alertId = sent.body().get("alert").get("id").asText();
    assertThat(read.postJson("/api/v1/alerts/" + alertId + "/clear", Map.of()).status()).isEqualTo(200);
    showAuditOf(browser, "alert");
    browser.waitText(By.cssSelector("main table"), "Cửa khẩu tạm đóng do mưa lũ");
    WebElement cleared = browser.driver.findElement(By.xpath("//tr[td[contains(., '"
        + browser.says("gỡ", "cleared") + "')]]/td[contains(@class, 'audit-change')]"));
    assertThat(cleared.getText()).contains(browser.says("Kết thúc lúc: — → ", "Ended at: — → "))
        .contains(" GMT+7").doesNotContain("clearedAt");
    // A campaign's language rule changed (by the API): said as the campaign form says it, not as JSON.
    assertThat(read.postJson("/api/v1/content", Map.of("id", "audit-notice", "title", "Giờ mở cửa", "variants",
        List.of(Map.of("language", "vi", "text", "Cửa khẩu mở cửa 7:00", "seconds", 10)))).status()).isEqualTo(201);
    assertThat(read.postJson("/api/v1/playlists", Map.of("id", "audit-list", "entries",
        List.of(Map.of("contentId", "audit-notice")))).status()).isEqualTo(201);
    Map<String, Object> campaign = new java.util.HashMap<>(Map.of("id", "audit-campaign", "playlistId", "audit-list",
        "targets", Map.of("clusters", List.of("default")), "start", "2026-01-01T00:00", "end", "2099-01-01T00:00"));
    assertThat(read.postJson("/api/v1/campaigns", campaign).status()).isEqualTo(201);
    campaign.put("languagePolicy", Map.of("mode", "FIXED", "language", "en"));
    // Its hours and where it plays too: lists of objects, said as the campaign form says them, not as JSON.
    campaign.put("dayparts", List.of(Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
        "start", "07:00", "end", "19:00")));
    assertThat(read.postJson("/api/v1/groups", Map.of("id", "sanh-cho", "name", "Sảnh chờ tầng 1", "screenIds",
        List.of())).status()).isEqualTo(201);
    campaign.put("targets", Map.of("clusters", List.of("default"), "groups", List.of("sanh-cho"), "tags", List.of("hall-a")));
    changeThenShowAudit(read, browser, "/api/v1/campaigns/audit-campaign", campaign, "campaign");
    browser.waitText(By.cssSelector("main table"), browser.says(
        "Ngôn ngữ: Luân phiên ngôn ngữ → Một ngôn ngữ cố định (Tiếng Anh)", "Languages: Rotate languages → One fixed language (English)"));
    assertThat(browser.textOf(By.cssSelector("main table"))).contains(browser.says(
        "Khung giờ trong ngày: — → từ thứ Hai đến thứ Sáu 07:00–19:00", "Hours of the day: — → Monday to Friday 07:00–19:00"))
        .contains(browser.says("; Nhóm Sảnh chờ tầng 1; Nhãn hall-a", "; Groups Sảnh chờ tầng 1; Tags hall-a"))
        .doesNotContain("{\"");
    // A group's members: screens by the names people gave them, not their ids.
    Answer paired = read.postJson("/api/v1/screens", Map.of("id", "huu-nghi-1", "name", "Sảnh Hữu Nghị 1"));
    assertThat(paired.status()).as(paired.error()).isEqualTo(201);
    changeThenShowAudit(read, browser, "/api/v1/groups/sanh-cho", Map.of("name", "Sảnh chờ tầng 1", "screenIds",
        List.of("huu-nghi-1")), "group");
    browser.waitText(By.cssSelector("main table"), browser.says("Màn hình: + Sảnh Hữu Nghị 1", "Screens: + Sảnh Hữu Nghị 1"));
    // A playlist entry's weight changed: the entry by its title, and that its details changed.
    changeThenShowAudit(read, browser, "/api/v1/playlists/audit-list", Map.of("entries",
        List.of(Map.of("contentId", "audit-notice", "weight", 3))), "playlist");
    browser.waitText(By.cssSelector("main table"), browser.says(
        "Các mục: Giờ mở cửa (đổi chi tiết)", "Entries: Giờ mở cửa (details changed)"));
    // A gate's opening week: days with the same hours together, then the days it is closed.
    changeThenShowAudit(read, browser, "/api/v1/clusters/default/facts", Map.of("openingHours", Map.of("week", List.of(
        Map.of("day", "MONDAY", "spans", List.of(Map.of("open", "07:00", "close", "22:00"))),
        Map.of("day", "TUESDAY", "spans", List.of(Map.of("open", "07:00", "close", "22:00"))),
        Map.of("day", "WEDNESDAY", "spans", List.of(Map.of("open", "07:00", "close", "22:00"))),
        Map.of("day", "THURSDAY", "spans", List.of(Map.of("open", "07:00", "close", "22:00"))),
        Map.of("day", "FRIDAY", "spans", List.of(Map.of("open", "07:00", "close", "22:00"))),
        Map.of("day", "SATURDAY", "spans", List.of(Map.of("open", "08:00", "close", "12:00")))),
        "closedDates", List.of("2027-01-01"))), "gate-facts");
    browser.waitText(By.cssSelector("main table"), browser.says(
        "Giờ mở cửa: — → từ thứ Hai đến thứ Sáu 07:00–22:00; mỗi thứ Bảy 08:00–12:00; đóng cửa 01/01/2027",
        "Opening hours: — → Monday to Friday 07:00–22:00; every Saturday 08:00–12:00; closed 01/01/2027"));
    assertThat(browser.textOf(By.cssSelector("main"))).contains(browser.says("Đang hiện 1 dòng.", "Showing 1 row."));
    browser.screenshot("story-admin-" + lang + "-2c-audit-gate-facts");
    // A layout's template and shape changed (by the API): said by their names in the layout editor, not their codes.
    Map<String, Object> layout = new java.util.HashMap<>(Map.of("id", "audit-layout", "template", "full",
        "shape", "LANDSCAPE_16_9", "regions", List.of()));
    Answer laidOut = read.postJson("/api/v1/layouts", layout);
    assertThat(laidOut.status()).as(laidOut.error()).isEqualTo(201);
    layout.putAll(Map.of("template", "main-ticker", "shape", "PORTRAIT_9_16", "regions", List.of(Map.of("role", "TICKER",
        "widgets", List.of(Map.of("type", "TICKER", "ticker", Map.of("itemIds", List.of("audit-notice"))))))));
    changeThenShowAudit(read, browser, "/api/v1/layouts/audit-layout", layout, "layout");
    browser.waitText(By.cssSelector("main table"), browser.says(
        "Mẫu bố cục: Toàn màn hình → Vùng chính và chữ chạy", "Template: Full screen → Main and ticker"));
    assertThat(browser.textOf(By.cssSelector("main table"))).contains(browser.says(
        "Hướng màn hình: Màn hình ngang 16:9 → Màn hình dọc 9:16", "Screen shape: Landscape 16:9 → Portrait 9:16"))
        .doesNotContain("LANDSCAPE_16_9").contains(browser.says("Các vùng: + Dòng chữ chạy", "Regions: + Ticker"));

    browser.open("account");
    browser.waitVisible(By.id("current-password")).sendKeys(console.adminPassword);
    browser.driver.findElement(By.id("new-password")).sendKeys("admin-new-password-2026");
    browser.driver.findElement(By.id("new-password-again")).sendKeys("admin-new-password-2026");
    browser.click("[data-action='change-password']");
    browser.waitText(By.cssSelector("main"), browser.says("Đã đổi mật khẩu", "Password changed"));
    browser.screenshot("story-admin-" + lang + "-3-password");
    assertThat(console.browserless().login("admin", "admin-new-password-2026").status()).isEqualTo(200);
  }

  /** Changes a thing by the API (it must take it), then shows the audit log of its kind. */
  private static void changeThenShowAudit(ApiClient api, ConsoleBrowser browser, String path, Object body, String kind) {
    Answer changed = api.putJson(path, body);
    assertThat(changed.status()).as(changed.error()).isEqualTo(200);
    showAuditOf(browser, kind);
  }

  /** Filters the audit log to one kind of thing, as the admin does with the form above it. */
  private static void showAuditOf(ConsoleBrowser browser, String kind) {
    new Select(browser.waitVisible(By.id("audit-type"))).selectByValue(kind);
    browser.click("[data-action='filter-audit']");
  }

  private static void addEntry(ConsoleBrowser browser, String contentId) {
    new Select(browser.waitVisible(By.id("pl-add"))).selectByValue(contentId);
    browser.click("[data-action='add-entry']");
    browser.waitVisible(By.cssSelector("li[data-entry='" + contentId + "']"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
