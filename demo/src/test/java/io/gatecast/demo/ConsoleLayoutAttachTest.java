package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Where layouts apply, by shape (issue 23), in Vietnamese and in English: the Hữu Nghị gate has a
 * portrait default (and, later, a landscape one), a landscape hall screen and a portrait totem; the
 * border fair brings its own portrait layout. Each screen's page says the layout its orientation
 * gets, as the controller chooses it; the attachments name gates and screens by name and each
 * layout's shape; detaching one of a gate's two defaults asks first and leaves the other; a layout
 * of the other shape for a screen is refused in words. Set up through the API; done in the console.
 * Screenshots: target/screenshots/layout-attach-<vi|en>-*.png.
 */
@IntegrationTest
class ConsoleLayoutAttachTest extends ConsoleStory {
  private static final String GATE_ROW = "[data-attachment='GATE:huu-nghi:%s']";

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void eachScreenSaysTheLayoutOfItsOwnOrientation(String lang) throws Exception {
    ConsoleBrowser browser = signedInOperator(lang);
    // Last Tết's campaign brought the fair's layout too: it is over, so it is not said.
    created(console.admin.postJson("/api/v1/campaigns", Map.of("id", "hn-tet-2025", "name", "Tết 2025",
        "playlistId", "pl-hoi-cho", "targets", Map.of("clusters", List.of("huu-nghi")),
        "start", "2025-01-20T00:00", "end", "2025-02-10T00:00")));
    ok(console.admin.putJson("/api/v1/layouts/assignments/campaign/hn-tet-2025", Map.of("layoutId", "hn-hoi-cho")));

    // Only a portrait default at the gate: the landscape hall shows the programme full screen.
    openScreen(browser, "hn-sanh");
    screenSays(browser, browser.says("Bố cục: không có (chương trình toàn màn hình)",
        "Layout: none (the programme full screen)"));
    browser.screenshot("layout-attach-" + lang + "-hall");

    // The totem gets the gate's portrait default, and the fair's portrait layout while the fair plays.
    openScreen(browser, "hn-cot");
    screenSays(browser, browser.says(
        "Bố cục: hn-doc (mặc định của cửa khẩu cho Màn hình dọc 9:16)\nKhi chiến dịch Hội chợ biên giới phát: bố cục hn-hoi-cho.",
        "Layout: hn-doc (the gate’s default for Portrait 9:16)\nWhile campaign Hội chợ biên giới plays: layout hn-hoi-cho."));
    browser.screenshot("layout-attach-" + lang + "-totem");

    // With a landscape default too, the hall gets that one; the fair's portrait layout is not for it.
    ok(console.admin.putJson("/api/v1/layouts/assignments/gate/huu-nghi", Map.of("layoutId", "hn-ngang")));
    openScreen(browser, "hn-sanh");
    screenSays(browser, browser.says("Bố cục: hn-ngang (mặc định của cửa khẩu cho Màn hình ngang 16:9)",
        "Layout: hn-ngang (the gate’s default for Landscape 16:9)"));

    // A screen's own layout of its shape wins over the gate's and the campaign's; one of the other shape is not shown.
    ok(console.admin.putJson("/api/v1/layouts/assignments/screen/hn-cot", Map.of("layoutId", "hn-hoi-cho")));
    openScreen(browser, "hn-cot");
    screenSays(browser, browser.says("Bố cục: hn-hoi-cho", "Layout: hn-hoi-cho"));
    ok(console.admin.putJson("/api/v1/screens/hn-cot", Map.of("name", "Cột thông tin", "clusterId", "huu-nghi",
        "orientation", "LANDSCAPE")));
    browser.driver.navigate().refresh(); // the page reads the screen again
    screenSays(browser, browser.says("Bố cục: hn-ngang (mặc định của cửa khẩu cho Màn hình ngang 16:9)\n"
        + "Bố cục riêng hn-hoi-cho được vẽ cho Màn hình dọc 9:16, không hợp với hướng của màn hình nên không được hiển thị.",
        "Layout: hn-ngang (the gate’s default for Landscape 16:9)\n"
        + "Its own layout hn-hoi-cho is drawn for Portrait 9:16, which does not fit the screen’s orientation, so it is not shown."));
    browser.screenshot("layout-attach-" + lang + "-turned");
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void detachingOneOfAGatesTwoDefaultsAsksFirstAndKeepsTheOther(String lang) throws Exception {
    ConsoleBrowser browser = signedInOperator(lang);
    browser.open("layouts");

    // The landscape default is attached in the console; each row names the gate and the layout's shape.
    new Select(browser.waitVisible(By.id("lay-attach-kind"))).selectByValue("GATE");
    new Select(browser.waitVisible(By.id("lay-attach-target"))).selectByValue("huu-nghi");
    new Select(browser.waitVisible(By.id("lay-attach-layout"))).selectByValue("hn-ngang");
    browser.click("[data-action='attach-layout']");
    String landscape = String.format(GATE_ROW, "LANDSCAPE_16_9");
    String portrait = String.format(GATE_ROW, "PORTRAIT_9_16");
    browser.waitVisible(By.cssSelector(landscape));
    assertThat(browser.textOf(By.cssSelector(landscape))).startsWith(browser.says(
        "Cửa khẩu: Cửa khẩu Hữu Nghị → hn-ngang (Màn hình ngang 16:9)", "Gate: Cửa khẩu Hữu Nghị → hn-ngang (Landscape 16:9)"));
    assertThat(browser.textOf(By.cssSelector(portrait))).startsWith(browser.says(
        "Cửa khẩu: Cửa khẩu Hữu Nghị → hn-doc (Màn hình dọc 9:16)", "Gate: Cửa khẩu Hữu Nghị → hn-doc (Portrait 9:16)"));
    // Screens change at the next publish: the message says so and points to the publish page.
    assertThat(browser.textOf(By.cssSelector("#lay-attach .message"))).isEqualTo(browser.says(
        "Đã gắn bố cục “hn-ngang” vào Cửa khẩu Hữu Nghị. Màn hình chỉ đổi sau lần phát hành tới. Đến trang Phát hành",
        "Layout “hn-ngang” attached to Cửa khẩu Hữu Nghị. Screens change only at the next publish. Go to Publish"));
    assertThat(browser.driver.findElements(By.cssSelector("#lay-attach .message a[href='#/publish']"))).hasSize(1);
    browser.scrollTo(By.id("lay-attach"));
    browser.screenshot("layout-attach-" + lang + "-rows");

    // Detaching asks first, naming the layout, its shape and the gate; saying no changes nothing.
    browser.click(landscape + " [data-detach]");
    Alert ask = browser.wait.until(ExpectedConditions.alertIsPresent());
    assertThat(ask.getText()).isEqualTo(browser.says("Gỡ bố cục “hn-ngang” (Màn hình ngang 16:9) khỏi cửa khẩu Cửa khẩu Hữu Nghị?",
        "Detach layout “hn-ngang” (Landscape 16:9) from gate Cửa khẩu Hữu Nghị?"));
    ask.dismiss();
    assertThat(gateLayouts()).containsExactly("hn-ngang", "hn-doc");

    // Yes: the landscape default goes, the portrait one stays.
    browser.click(landscape + " [data-detach]");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.wait.until(d -> d.findElements(By.cssSelector(landscape)).isEmpty());
    assertThat(gateLayouts()).containsExactly("hn-doc");
    assertThat(browser.shownTextOf(By.cssSelector(portrait))).contains("hn-doc");
    assertThat(browser.textOf(By.cssSelector("#lay-attach .message"))).isEqualTo(browser.says(
        "Đã gỡ bố cục “hn-ngang” khỏi Cửa khẩu Hữu Nghị. Màn hình chỉ đổi sau lần phát hành tới. Đến trang Phát hành",
        "Layout “hn-ngang” detached from Cửa khẩu Hữu Nghị. Screens change only at the next publish. Go to Publish"));

    // Detached meanwhile by someone else: the refusal names the gate as the row did, not by its id.
    assertThat(console.admin.delete("/api/v1/layouts/assignments/gate/huu-nghi?shape=PORTRAIT_9_16").status())
        .isBetween(200, 204);
    browser.click(portrait + " [data-detach]");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.waitText(By.cssSelector("#lay-attach .message"), browser.says(
        "Không có bố cục nào gắn vào “Cửa khẩu Hữu Nghị”", "No layout is attached to “Cửa khẩu Hữu Nghị”"));
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void aLayoutOfTheOtherShapeIsRefusedInWordsNamingTheScreen(String lang) throws Exception {
    ConsoleBrowser browser = signedInOperator(lang);
    // A second screen named as the first, at the same gate (their ids tell them apart)
    created(console.admin.postJson("/api/v1/screens", Map.of("id", "hn-sanh-2", "name", "Sảnh xuất cảnh",
        "clusterId", "huu-nghi")));
    browser.open("layouts");
    new Select(browser.waitVisible(By.id("lay-attach-kind"))).selectByValue("SCREEN");
    // Screens are chosen by name and gate, with their orientation; layouts by id, with their shape.
    Select target = new Select(browser.waitVisible(By.id("lay-attach-target")));
    assertThat(target.getOptions()).extracting(o -> o.getText()).containsExactly(
        browser.says("Cột thông tin · Cửa khẩu Hữu Nghị · Màn hình dọc 9:16",
            "Cột thông tin · Cửa khẩu Hữu Nghị · Portrait 9:16"),
        browser.says("Sảnh xuất cảnh · Cửa khẩu Hữu Nghị (hn-sanh) · Màn hình ngang 16:9",
            "Sảnh xuất cảnh · Cửa khẩu Hữu Nghị (hn-sanh) · Landscape 16:9"),
        browser.says("Sảnh xuất cảnh · Cửa khẩu Hữu Nghị (hn-sanh-2) · Màn hình ngang 16:9",
            "Sảnh xuất cảnh · Cửa khẩu Hữu Nghị (hn-sanh-2) · Landscape 16:9"));
    target.selectByValue("hn-sanh");
    Select layout = new Select(browser.waitVisible(By.id("lay-attach-layout")));
    assertThat(layout.getOptions()).extracting(o -> o.getText()).contains(
        browser.says("hn-doc · Màn hình dọc 9:16", "hn-doc · Portrait 9:16"));
    layout.selectByValue("hn-doc");
    browser.click("[data-action='attach-layout']");
    browser.wait.until(d -> !d.findElements(By.cssSelector("#lay-attach .message.error")).isEmpty());
    assertThat(browser.textOf(By.cssSelector("#lay-attach .message.error"))).isEqualTo(browser.says(
        "Bố cục hn-doc (Màn hình dọc 9:16) không cùng hướng với màn hình Sảnh xuất cảnh (Màn hình ngang 16:9);"
            + " hãy chọn bố cục cùng hướng với màn hình. Chưa gắn gì.",
        "Layout hn-doc (Portrait 9:16) does not match the orientation of screen Sảnh xuất cảnh (Landscape 16:9);"
            + " choose a layout of the screen’s shape. Nothing was attached."));
    browser.scrollTo(By.id("lay-attach"));
    browser.screenshot("layout-attach-" + lang + "-refused");
  }

  /** The gate, its two screens, three layouts, the portrait default attached and the fair with its own layout. */
  private ConsoleBrowser signedInOperator(String lang) {
    console = new ConsoleFixture(tmp);
    ApiClient admin = console.admin;
    created(admin.postJson("/api/v1/clusters", Map.of("id", "huu-nghi", "name", "Cửa khẩu Hữu Nghị",
        "province", "Lạng Sơn", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans"))));
    created(admin.postJson("/api/v1/screens", Map.of("id", "hn-sanh", "name", "Sảnh xuất cảnh", "clusterId", "huu-nghi")));
    created(admin.postJson("/api/v1/screens", Map.of("id", "hn-cot", "name", "Cột thông tin", "clusterId", "huu-nghi",
        "orientation", "PORTRAIT")));
    created(admin.postJson("/api/v1/content", Map.of("id", "hn-poster", "title", "Hội chợ",
        "variants", List.of(Map.of("language", "vi", "text", "Hội chợ thương mại biên giới", "seconds", 10)))));
    Accounts.approve(admin, console.controller.httpPort(), "hn-poster");
    created(admin.postJson("/api/v1/playlists", Map.of("id", "pl-hoi-cho", "name", "Hội chợ",
        "entries", List.of(Map.of("contentId", "hn-poster")))));
    created(admin.postJson("/api/v1/campaigns", Map.of("id", "hn-hoi-cho-camp", "name", "Hội chợ biên giới",
        "playlistId", "pl-hoi-cho", "targets", Map.of("clusters", List.of("huu-nghi")),
        "start", "2026-01-01T00:00", "end", "2036-01-01T00:00", "priority", 5)));
    for (String[] l : new String[][] {{"hn-ngang", "LANDSCAPE_16_9"}, {"hn-doc", "PORTRAIT_9_16"},
        {"hn-hoi-cho", "PORTRAIT_9_16"}}) {
      created(admin.postJson("/api/v1/layouts", Map.of("id", l[0], "template", "main-ticker", "shape", l[1],
          "regions", List.of(Map.of("role", "TICKER", "widgets", List.of(Map.of("type", "DATE")))))));
    }
    ok(admin.putJson("/api/v1/layouts/assignments/gate/huu-nghi", Map.of("layoutId", "hn-doc")));
    ok(admin.putJson("/api/v1/layouts/assignments/campaign/hn-hoi-cho-camp", Map.of("layoutId", "hn-hoi-cho")));
    console.user("dieuhanh", "operator");
    ConsoleBrowser browser = console.browser;
    browser.startIn(lang);
    browser.signIn("dieuhanh", ConsoleFixture.PASSWORD);
    return browser;
  }

  /** Waits until the screen's page says {@code text} of its layout. */
  private static void screenSays(ConsoleBrowser browser, String text) {
    try {
      browser.wait.until(d -> text.equals(d.findElement(By.id("screen-layout")).getText()));
    } catch (TimeoutException e) {
      assertThat(browser.textOf(By.id("screen-layout"))).as("the screen's layout").isEqualTo(text);
    }
  }

  private static void openScreen(ConsoleBrowser browser, String id) {
    browser.driver.executeScript("location.hash = arguments[0];", "#/screens/" + id);
  }

  /** The layouts attached to the gate, in the controller, landscape first. */
  private List<String> gateLayouts() {
    List<String> found = new java.util.ArrayList<>();
    console.admin.get("/api/v1/layouts/assignments").body().forEach(a -> {
      if (a.get("target").asText().equals("GATE") && a.get("targetId").asText().equals("huu-nghi")) {
        found.add(a.get("layoutId").asText());
      }
    });
    return found;
  }

  private static void created(Answer answer) {
    assertThat(answer.status()).as(answer.error()).isEqualTo(201);
  }

  private static void ok(Answer answer) {
    assertThat(answer.status()).as(answer.error()).isEqualTo(200);
  }
}
