package io.gatecast.demo;

import io.gatecast.testkit.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator takes content off the air and out of the library, through the console only (the API
 * only reads back; the kiosk is a real agent): deleting an item a playlist holds is refused and the
 * refusal names the playlist in the console's language; once free it is deleted. An approved item
 * playing on a screen is retired: it asks first, says what will happen, the screen is sent a new
 * schedule at once and stops playing it, and the item stays, withdrawn, with the reason. In
 * Vietnamese and in English; screenshots in target/screenshots/story-removal-<vi|en>-*.png.
 */
@IntegrationTest
class ConsoleContentRemovalStoryTest extends ConsoleStory {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  AgentProcess kiosk;

  @AfterEach
  void stopKiosk() {
    if (kiosk != null) {
      kiosk.close();
    }
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void anOperatorIsToldWhatUsesAnItemDeletesItThenRetiresAnotherThatStopsPlaying(String lang) throws Exception {
    console = new ConsoleFixture(tmp);
    ApiClient read = console.admin;
    ConsoleBrowser browser = console.browser;
    String shot = "story-removal-" + lang + "-";
    browser.startIn(lang);
    browser.createUsers(console.adminPassword, ConsoleFixture.PASSWORD,
        Map.of("dieuhanh", List.of("operator"), "lanhdao", List.of("approver")));
    browser.signIn("dieuhanh", ConsoleFixture.PASSWORD);

    browser.open("content");
    browser.createTextItem("le-hoi", "Lễ hội Gầu Tào", "Lễ hội Gầu Tào, Mường Khương, tháng Giêng");
    browser.createTextItem("chao-mung", "Chào mừng đến Lào Cai", "Chào mừng quý khách đến Lào Cai");
    browser.open("playlists");
    browser.click("[data-action='new-playlist']");
    browser.waitVisible(By.id("pl-name")).sendKeys("Lễ hội");
    new Select(browser.waitVisible(By.id("pl-add"))).selectByValue("le-hoi");
    browser.click("[data-action='add-entry']");
    browser.click("[data-action='save-playlist']");
    browser.waitVisible(By.cssSelector("li[data-playlist='le-hoi']"));

    // Refused while the playlist holds it; the card says which, in the console's language; nothing is deleted.
    browser.open("content");
    browser.click("button[data-delete-item='le-hoi']");
    Alert asked = browser.wait.until(ExpectedConditions.alertIsPresent());
    assertThat(asked.getText()).contains("Lễ hội Gầu Tào").contains(browser.says("Không thể hoàn tác", "cannot be undone"));
    asked.accept();
    By card = By.cssSelector("article[data-item='le-hoi']");
    browser.waitText(card, browser.says("Nội dung đang được dùng — danh sách phát: Lễ hội",
        "The item is in use — playlists: Lễ hội"));
    assertThat(browser.textOf(card)).contains(browser.says("Chưa xoá gì", "Nothing was deleted"));
    assertThat(read.get("/api/v1/content/le-hoi").status()).isEqualTo(200);
    browser.scrollTo(card);
    browser.screenshot(shot + "1-in-use");

    // Once the playlist is gone, the item is deleted.
    browser.open("playlists");
    browser.click("[data-delete-playlist='le-hoi']");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> read.get("/api/v1/playlists/le-hoi").status() == 404);
    browser.open("content");
    browser.click("button[data-delete-item='le-hoi']");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> read.get("/api/v1/content/le-hoi").status() == 404);
    browser.wait.until(d -> d.findElements(card).isEmpty());
    browser.waitText(By.id("lib-removal"), "Lễ hội Gầu Tào");

    // The other goes on a screen's own playlist (a screen registered here; its kiosk is a real agent).
    browser.open("setup");
    browser.click("[data-action='new-screen']");
    browser.waitVisible(By.id("screen-name")).sendKeys("Sảnh xuất cảnh");
    browser.click("[data-action='save-screen']");
    String mqttPassword = browser.shownTextOf(By.id("mqtt-password"));
    browser.driver.get(browser.baseUrl + "/console/#/screens/sanh-xuat-canh");
    new Select(browser.waitVisible(By.id("screen-playlist-add"))).selectByValue("chao-mung");
    browser.click("[data-action='schedule-item']");
    browser.waitVisible(By.cssSelector("li[data-screen-item='chao-mung']"));
    browser.signOut();

    // Approved (by the approver, in the console), then published by the operator: the kiosk plays it.
    browser.signIn("lanhdao", ConsoleFixture.PASSWORD);
    browser.wait.until(d -> d.getCurrentUrl().endsWith("#/review"));
    browser.click("button[data-approve='chao-mung']");
    browser.wait.until(d -> read.get("/api/v1/content/chao-mung").body().get("status").asText().equals("APPROVED"));
    browser.signOut();
    browser.signIn("dieuhanh", ConsoleFixture.PASSWORD);
    browser.open("publish");
    browser.click("#publish-now");
    browser.wait.until(d -> d.getCurrentUrl().contains("#/publish/"));
    kiosk = console.agent("sanh-xuat-canh", mqttPassword);
    await().atMost(DEADLINE).until(() -> kiosk.showing().equals("chao-mung"));

    // Retired by the operator: it asks, saying it leaves the screens at once; the kiosk stops playing it.
    browser.open("content");
    browser.click("button[data-retire='chao-mung']");
    Alert retire = browser.wait.until(ExpectedConditions.alertIsPresent());
    assertThat(retire.getText()).contains(browser.says("Ngừng phát “Chào mừng đến Lào Cai”", "Take “Chào mừng đến Lào Cai” off the air"))
        .contains(browser.says("không lên màn hình nào", "shows on no screen"))
        .contains(browser.says("nhận lịch mới ngay", "get a new schedule at once"));
    retire.sendKeys("Hết đợt đón khách");
    retire.accept();
    browser.wait.until(d -> read.get("/api/v1/content/chao-mung").body().get("status").asText().equals("RETIRED"));
    JsonNode retired = read.get("/api/v1/content/chao-mung").body();
    assertThat(retired.get("reviewReason").asText()).isEqualTo("Hết đợt đón khách");
    assertThat(retired.get("reviewedBy").asText()).isEqualTo("dieuhanh");
    browser.waitText(By.id("lib-removal"), browser.says("đã gửi lịch mới cho 1 màn hình đang chiếu nó (Sảnh xuất cảnh)",
        "a new schedule was sent to the screens showing it (1: Sảnh xuất cảnh)"));
    browser.waitText(By.cssSelector("article[data-item='chao-mung']"), "Hết đợt đón khách");
    // The card says it was retired (taken off the air), not rejected: nobody refused it.
    By retiredCard = By.cssSelector("article[data-item='chao-mung']");
    browser.waitText(retiredCard, browser.says("Ngừng phát bởi dieuhanh lúc", "Retired by dieuhanh at"));
    assertThat(browser.textOf(retiredCard))
        .contains(browser.says("Lý do: Hết đợt đón khách", "Reason: Hết đợt đón khách"))
        .doesNotContain(browser.says("từ chối", "Rejected"));
    assertThat(browser.textOf(By.cssSelector("article[data-item='chao-mung'] .item-head")))
        .contains(browser.says("Ngừng phát", "Retired"));
    // Its author (the operator wrote it) may edit and resubmit it, as the API allows.
    assertThat(browser.driver.findElements(By.cssSelector("button[data-revise='chao-mung']"))).hasSize(1);
    await().atMost(DEADLINE).until(() -> kiosk.now().isPresent() && kiosk.showing().isEmpty());
    // The publish the retire made is on record, by the operator, and applied by the screen.
    JsonNode publishes = read.get("/api/v1/publishes").body();
    assertThat(publishes).hasSize(2);
    JsonNode republish = publishes.get(0);
    assertThat(republish.path("requestedBy").asText()).isEqualTo("dieuhanh");
    String republished = "/api/v1/publishes/" + republish.path("id").asLong();
    await().atMost(DEADLINE).until(() -> read.get(republished).body().path("counts").path("applied").asInt() == 1);
    assertThat(read.get(republished).body().path("screens").get(0).path("screenId").asText()).isEqualTo("sanh-xuat-canh");
    browser.scrollTo(By.id("lib-removal"));
    browser.screenshot(shot + "2-retired");
    browser.phoneSize();
    browser.scrollTo(By.id("lib-removal"));
    browser.screenshot(shot + "3-phone");

    // The library's status filter offers retired items, and finds it there.
    // Not awaiting review: filtered to PENDING it is gone; filtered to RETIRED it is back.
    Select status = new Select(browser.driver.findElement(By.id("status-filter")));
    status.selectByValue("PENDING");
    browser.wait.until(d -> d.findElements(By.cssSelector("article[data-item='chao-mung']")).isEmpty());
    status.selectByValue("RETIRED");
    assertThat(status.getFirstSelectedOption().getText()).isEqualTo(browser.says("Ngừng phát", "Retired"));
    browser.wait.until(d -> d.findElements(By.cssSelector("article[data-item]")).stream()
        .map(e -> e.getAttribute("data-item")).toList().equals(List.of("chao-mung")));
    status.selectByValue("");
  }
}
