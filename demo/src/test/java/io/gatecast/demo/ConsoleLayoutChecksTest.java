package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The checks before publish on the console's publish page know about layouts (issue 23), in
 * Vietnamese and in English: a hall screen whose MAIN region has nothing to play behind a lit
 * ticker is an error said in the console's words, and a totem turned landscape after a portrait
 * layout was attached to it is a warning naming both shapes. Set up through the API; read in the
 * console. Screenshots in target/screenshots/layout-checks-<vi|en>.png.
 */
@IntegrationTest
class ConsoleLayoutChecksTest extends ConsoleStory {
  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void thePublishPageSaysAZonedScreensMainRegionIsBlackAndALayoutOfTheOtherShape(String lang) throws Exception {
    console = new ConsoleFixture(tmp);
    ApiClient admin = console.admin;
    givenAHallScreenAndATotemWithLayouts(admin);
    console.user("dieuhanh", "operator");
    ConsoleBrowser browser = console.browser;
    browser.startIn(lang);
    browser.signIn("dieuhanh", ConsoleFixture.PASSWORD);

    browser.open("publish");
    // One finding for the layout, on both screens that show it (the turned totem shows the gate's landscape one).
    WebElement empty = browser.waitVisible(By.cssSelector("li.finding.error[data-code='MAIN_REGION_EMPTY']"));
    assertThat(browser.driver.findElements(By.cssSelector("li.finding[data-code='MAIN_REGION_EMPTY']"))).hasSize(1);
    assertThat(empty.getText()).contains(browser.says("Vùng chính màn hình đen", "Main region black"))
        .contains(browser.says("(bố cục hk-sanh-ngang) sẽ đen tổng cộng 168 giờ", "(layout hk-sanh-ngang) would be black for 168 h"))
        .contains(browser.says("Màn hình: Cột thông tin, Sảnh xuất cảnh", "Screens: Cột thông tin, Sảnh xuất cảnh"));
    WebElement shape = browser.waitVisible(By.cssSelector("li.finding.warning[data-code='LAYOUT_SHAPE_MISMATCH']"));
    assertThat(shape.getText()).contains(browser.says("Bố cục riêng hk-cot-doc của màn hình Cột thông tin được vẽ cho Màn hình dọc"
        + " 9:16, không hợp với hướng của màn hình (Màn hình ngang 16:9)", "The own layout hk-cot-doc of screen Cột thông tin is"
        + " drawn for Portrait 9:16, which does not fit the screen’s orientation (Landscape 16:9)"));
    browser.scrollTo(By.cssSelector("li.finding.error[data-code='MAIN_REGION_EMPTY']"));
    browser.screenshot("layout-checks-" + lang);
  }

  private static void givenAHallScreenAndATotemWithLayouts(ApiClient admin) {
    created(admin.postJson("/api/v1/clusters", Map.of("id", "huu-nghi", "name", "Cửa khẩu Hữu Nghị",
        "province", "Lạng Sơn", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans"))));
    created(admin.postJson("/api/v1/screens", Map.of("id", "hk-sanh", "name", "Sảnh xuất cảnh", "clusterId", "huu-nghi")));
    created(admin.postJson("/api/v1/screens", Map.of("id", "hk-cot", "name", "Cột thông tin", "clusterId", "huu-nghi",
        "orientation", "PORTRAIT")));
    created(admin.postJson("/api/v1/content", Map.of("id", "hk-ho-chieu", "title", "Hộ chiếu",
        "variants", List.of(Map.of("language", "vi", "text", "Xin xuất trình hộ chiếu", "seconds", 10)))));
    for (String[] layout : new String[][] {{"hk-sanh-ngang", "LANDSCAPE_16_9"}, {"hk-cot-doc", "PORTRAIT_9_16"}}) {
      created(admin.postJson("/api/v1/layouts", Map.of("id", layout[0], "template", "main-ticker", "shape", layout[1],
          "regions", List.of(Map.of("role", "TICKER", "widgets", List.of(Map.of("type", "TICKER",
              "ticker", Map.of("itemIds", List.of("hk-ho-chieu")))))))));
    }
    ok(admin.putJson("/api/v1/layouts/assignments/gate/huu-nghi", Map.of("layoutId", "hk-sanh-ngang")));
    ok(admin.putJson("/api/v1/layouts/assignments/screen/hk-cot", Map.of("layoutId", "hk-cot-doc")));
    // The totem is turned landscape after its portrait layout was attached.
    ok(admin.putJson("/api/v1/screens/hk-cot", Map.of("name", "Cột thông tin", "clusterId", "huu-nghi",
        "orientation", "LANDSCAPE")));
  }

  private static void created(Answer answer) {
    assertThat(answer.status()).as(answer.error()).isEqualTo(201);
  }

  private static void ok(Answer answer) {
    assertThat(answer.status()).as(answer.error()).isEqualTo(200);
  }
}
