package io.gatecast.demo;

import io.gatecast.testkit.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A contributor's whole job, in Vietnamese and in English, from an empty controller and through the console only
 * (the API only reads back what was stored): a user with no role but contributor writes an item
 * with a Lao version, the approver (also in the console) rejects it with a reason, and the
 * contributor sees why, edits it and resubmits it. Screenshots in target/screenshots/story-contributor-only-<vi|en>-*.png (the last at phone width).
 */
@IntegrationTest
class ConsoleContributorStoryTest extends ConsoleStory {
  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void aContributorWritesALaoVersionIsRejectedSeesWhyAndResubmits(String lang) throws Exception {
    console = new ConsoleFixture(tmp);
    ApiClient read = console.admin;
    ConsoleBrowser browser = console.browser;
    browser.startIn(lang);
    browser.createUsers(console.adminPassword, ConsoleFixture.PASSWORD,
        Map.of("phongvien", List.of("contributor"), "lanhdao", List.of("approver")));
    String shot = "story-contributor-only-" + lang + "-";
    browser.signIn("phongvien", ConsoleFixture.PASSWORD);

    // The item: Vietnamese, and Lao added by its BCP 47 tag.
    browser.open("content");
    new Select(browser.waitVisible(By.id("item-kind"))).selectByValue("text");
    browser.waitVisible(By.id("item-id")).sendKeys("cho-bien-gioi");
    browser.driver.findElement(By.id("item-title")).sendKeys("Chợ biên giới Mường Khương");
    browser.waitVisible(By.id("variant-vi")).sendKeys("Chợ phiên Mường Khương họp sáng Chủ nhật");
    browser.driver.findElement(By.id("item-add-language")).sendKeys("lo");
    browser.click("[data-action='add-language']");
    // Too many lines in the Lao version: the refusal names that version by its language
    browser.waitVisible(By.id("variant-lo")).sendKeys("ຕະຫຼາດ\n".repeat(21));
    submit(browser);
    browser.waitText(By.xpath("//input[@id='item-id']/ancestor::form//p[contains(@class,'message')]"),
        browser.says("Chữ (Tiếng Lào) có quá 20 dòng", "Text (Lao) has more than 20 lines"));
    browser.driver.findElement(By.id("variant-lo")).clear();
    browser.driver.findElement(By.id("variant-lo")).sendKeys("ຕະຫຼາດນັດເມືອງຂວາງ ເປີດເຊົ້າວັນອາທິດ");
    browser.screenshot(shot + "1-written");
    submit(browser);
    browser.waitVisible(By.cssSelector("article[data-item='cho-bien-gioi']"));
    JsonNode written = read.get("/api/v1/content/cho-bien-gioi").body();
    assertThat(written.get("status").asText()).isEqualTo("PENDING");
    assertThat(written.get("author").asText()).isEqualTo("phongvien");
    assertThat(languages(written)).containsExactly("vi", "lo");
    browser.signOut();

    // The approver, in the console too, rejects it with a reason.
    browser.signIn("lanhdao", ConsoleFixture.PASSWORD);
    browser.wait.until(d -> d.getCurrentUrl().endsWith("#/review"));
    browser.waitVisible(By.cssSelector("textarea[data-reason='cho-bien-gioi']"))
        .sendKeys("Bản tiếng Lào thiếu giờ họp chợ");
    browser.click("button[data-reject='cho-bien-gioi']");
    browser.wait.until(d -> read.get("/api/v1/content/cho-bien-gioi").body().get("status").asText().equals("REJECTED"));
    browser.signOut();

    // The contributor sees why, in the console's language, on the item's card.
    browser.signIn("phongvien", ConsoleFixture.PASSWORD);
    browser.open("content");
    By card = By.cssSelector("article[data-item='cho-bien-gioi']");
    browser.waitText(card, "Bản tiếng Lào thiếu giờ họp chợ");
    assertThat(browser.textOf(card)).contains(browser.says("Bị lanhdao từ chối lúc", "Rejected by lanhdao at"))
        .doesNotContain(browser.says("Duyệt bởi", "Reviewed by"));
    browser.scrollTo(card);
    browser.screenshot(shot + "2-rejected");

    // Edits the Lao version and resubmits: back in the queue at a new revision.
    browser.click("button[data-revise='cho-bien-gioi']");
    browser.wait.until(d -> d.findElement(By.id("item-id")).getAttribute("value").equals("cho-bien-gioi"));
    // The form says it edits that item, not "create", and can give the edit up
    assertThat(browser.textOf(By.id("create-h"))).startsWith(browser.says("Sửa “", "Edit “"));
    assertThat(browser.isShown(By.id("revise-cancel"))).isTrue();
    WebElement lao = browser.waitVisible(By.id("variant-lo"));
    assertThat(lao.getAttribute("value")).isEqualTo("ຕະຫຼາດນັດເມືອງຂວາງ ເປີດເຊົ້າວັນອາທິດ");
    lao.sendKeys(" 6:00–11:00");
    submit(browser);
    browser.wait.until(d -> read.get("/api/v1/content/cho-bien-gioi").body().get("status").asText().equals("PENDING"));
    JsonNode resubmitted = read.get("/api/v1/content/cho-bien-gioi").body();
    assertThat(resubmitted.get("revision").asLong()).isEqualTo(written.get("revision").asLong() + 1);
    assertThat(resubmitted.get("submittedBy").asText()).isEqualTo("phongvien");
    assertThat(resubmitted.get("variants").get(1).get("text").asText()).endsWith("6:00–11:00");
    browser.waitText(By.cssSelector("main"), browser.says("Đã gửi duyệt lại", "Resubmitted"));
    assertThat(browser.textOf(By.id("create-h"))).isEqualTo(browser.says("Tạo mục nội dung",
        "Create a content item"));
    assertThat(browser.isShown(By.id("revise-cancel"))).isFalse();
    browser.screenshot(shot + "3-resubmitted");
    browser.phoneSize();
    browser.scrollTo(card);
    browser.screenshot(shot + "4-phone");
  }

  private static void submit(ConsoleBrowser browser) {
    browser.click(By.xpath("//input[@id='item-id']/ancestor::form//button[@type='submit']"));
  }

  private static List<String> languages(JsonNode item) {
    List<String> languages = new ArrayList<>();
    item.get("variants").forEach(v -> languages.add(v.get("language").asText()));
    return languages;
  }
}
