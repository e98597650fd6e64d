package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator takes content off the air and out of the library, through the console only (the API
 * only reads back): deleting an item a playlist holds is refused and the refusal names the playlist
 * in Vietnamese; once free it is deleted. An approved item is retired: it asks first, says what will
 * happen, and the item stays, withdrawn, with the reason. Screenshots in target/screenshots/story-removal-*.png.
 */
@IntegrationTest
class ConsoleContentRemovalStoryTest {
  @TempDir Path tmp;
  ConsoleFixture console;

  @AfterEach
  void stop() {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void anOperatorIsToldWhatUsesAnItemThenDeletesItAndRetiresAnotherInVietnamese() throws Exception {
    console = new ConsoleFixture(tmp);
    console.user("dieuhanh", "operator");
    console.user("lanhdao", "approver");
    ApiClient read = console.admin;
    ConsoleBrowser browser = console.browser;
    browser.driver.get(browser.baseUrl + "/console/");
    browser.driver.executeScript("sessionStorage.clear(); localStorage.setItem('gatecast.lang', 'vi')");
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

    // Refused while the playlist holds it; the card says which, in Vietnamese; nothing is deleted.
    browser.open("content");
    browser.click("button[data-delete-item='le-hoi']");
    Alert asked = browser.wait.until(ExpectedConditions.alertIsPresent());
    assertThat(asked.getText()).contains("Lễ hội Gầu Tào").contains("Không thể hoàn tác");
    asked.accept();
    By card = By.cssSelector("article[data-item='le-hoi']");
    browser.waitText(card, "Nội dung đang được dùng — danh sách phát: le-hoi");
    assertThat(browser.driver.findElement(card).getText()).contains("Chưa xoá gì");
    assertThat(read.get("/api/v1/content/le-hoi").status()).isEqualTo(200);
    browser.scrollTo(card);
    browser.screenshot("story-removal-vi-1-in-use");

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
    browser.signOut();

    // The other is approved (by the approver, in the console), then retired by the operator.
    browser.signIn("lanhdao", ConsoleFixture.PASSWORD);
    browser.wait.until(d -> d.getCurrentUrl().endsWith("#/review"));
    browser.click("button[data-approve='chao-mung']");
    browser.wait.until(d -> read.get("/api/v1/content/chao-mung").body().get("status").asText().equals("APPROVED"));
    browser.signOut();
    browser.signIn("dieuhanh", ConsoleFixture.PASSWORD);
    browser.open("content");
    browser.click("button[data-retire='chao-mung']");
    Alert retire = browser.wait.until(ExpectedConditions.alertIsPresent());
    assertThat(retire.getText()).contains("Ngừng phát “Chào mừng đến Lào Cai”").contains("không lên màn hình nào");
    retire.sendKeys("Hết đợt đón khách");
    retire.accept();
    browser.wait.until(d -> read.get("/api/v1/content/chao-mung").body().get("status").asText().equals("REJECTED"));
    JsonNode retired = read.get("/api/v1/content/chao-mung").body();
    assertThat(retired.get("reviewReason").asText()).isEqualTo("Hết đợt đón khách");
    assertThat(retired.get("reviewedBy").asText()).isEqualTo("dieuhanh");
    browser.waitText(By.cssSelector("article[data-item='chao-mung']"), "Hết đợt đón khách");
    browser.scrollTo(By.cssSelector("article[data-item='chao-mung']"));
    browser.screenshot("story-removal-vi-2-retired");
  }
}
