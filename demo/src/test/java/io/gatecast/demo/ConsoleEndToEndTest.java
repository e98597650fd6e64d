package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.Controller;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in real headless Chromium against a real controller (embedded broker, SQLite)
 * and, where screens matter, real agents in their own JVMs. Screenshots: target/screenshots/console-*.png.
 */
@IntegrationTest
class ConsoleEndToEndTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String PASSWORD = ConsoleFixture.PASSWORD;

  @TempDir Path tmp;
  ConsoleFixture console;
  Controller controller;
  ApiClient admin;
  String adminPassword;
  ConsoleBrowser browser;

  @BeforeEach
  void start() {
    console = new ConsoleFixture(tmp, config -> config.withHeartbeatTimeout(Duration.ofSeconds(3), Duration.ofMillis(500)));
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
  void signsInShowsOnlyWhatTheRoleMayAndSwitchesLanguage() throws Exception {
    console.user("kythuat", "technician");
    // The login page is Vietnamese first
    browser.driver.get(browser.baseUrl + "/");
    browser.waitVisible(By.name("username"));
    assertThat(browser.textOf(By.cssSelector("main h1"))).isEqualTo("Đăng nhập");
    assertThat(browser.attributeOf(By.tagName("html"), "lang")).isEqualTo("vi");
    browser.screenshot("console-01-login");
    assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();

    // A wrong password is refused with a message, and the token is not kept
    browser.driver.findElement(By.name("username")).sendKeys("kythuat");
    browser.driver.findElement(By.name("password")).sendKeys("wrong-password-123");
    browser.click("form button[type=submit]");
    browser.waitText(By.cssSelector("p[role=alert]"), "Sai tên đăng nhập hoặc mật khẩu.");

    // A technician sees the screens, the library and their setup page, not review, publishing or alerts
    browser.signIn("kythuat", PASSWORD);
    assertThat(browser.sections()).containsExactly("fleet", "content", "schedule", "reports", "setup", "account");
    assertThat(token()).isNotBlank();
    browser.signOut();
    assertThat(token()).isNull();

    // The admin signs in with the keyboard alone: the page focuses the username, Tab moves on, Enter sends
    WebElement focused = browser.driver.switchTo().activeElement();
    assertThat(focused.getAttribute("name")).isEqualTo("username");
    focused.sendKeys("admin", Keys.TAB);
    focused = browser.driver.switchTo().activeElement();
    assertThat(focused.getAttribute("name")).isEqualTo("password");
    assertThat(browser.driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle"))
        .as("the focused field shows it").isEqualTo("solid");
    browser.driver.executeScript("performance.clearResourceTimings()");
    focused.sendKeys(adminPassword, Keys.ENTER);
    browser.waitVisible(By.cssSelector("header.top nav"));
    // Signing in draws the start page once: it was drawn twice (by the sign-in and by the address it set), and
    // the first board's refreshing ran on unseen for the whole session
    browser.waitVisible(By.cssSelector(".board:not([aria-busy])"));
    assertThat(requestsTo("/api/v1/clusters")).as("the gates, read once").isEqualTo(1L);
    assertThat(requestsTo("/api/v1/screens")).as("the board's screens, read once").isEqualTo(1L);
    // The admin sees every section
    assertThat(browser.sections()).containsExactly("fleet", "content", "schedule", "review", "publish", "alert", "reports",
        "playlists", "layouts", "setup", "users", "audit", "account");
    assertThat(navText("fleet")).isEqualTo("Màn hình");
    browser.screenshot("console-02-signed-in-vi");

    // Switching to English changes every label, and the choice survives a reload
    browser.click("header button.lang-button");
    browser.wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
    assertThat(navText("fleet")).isEqualTo("Screens");
    assertThat(navText("alert")).isEqualTo("Urgent alert");
    browser.driver.navigate().refresh();
    browser.waitText(By.cssSelector("main h1"), "Screens by border gate");
    browser.screenshot("console-03-signed-in-en");
    // The gate screens wait in before they are placed is named in English too (its stored name is Vietnamese)
    browser.open("alert");
    browser.waitText(By.cssSelector("label[for='alert-gate-default']"), "Not placed at a gate yet");
    browser.open("fleet");
    browser.click("header button.lang-button");
    browser.waitText(By.cssSelector("main h1"), "Màn hình theo cửa khẩu");

    // An admin gives the technician a new password while they work: their session ends, and the sign-in page
    // says why instead of showing a bare form
    browser.signOut();
    browser.signIn("kythuat", PASSWORD);
    assertThat(admin.putJson("/api/v1/users/kythuat", Map.of("password", "mat-khau-moi-2026")).status()).isEqualTo(200);
    // The controller closes the console's event stream as the session ends: the sign-in page comes without a click
    browser.waitText(By.cssSelector("p[role=alert]"), "Phiên đăng nhập đã hết; hãy đăng nhập lại.");
    browser.waitVisible(By.name("username"));
    browser.screenshot("console-04-session-ended");
  }

  @Test
  void publishesToLiveAgentsSendsAnAlertAndShowsAScreenGoingOffline() throws Exception {
    // Given two screens whose agents run, and an approved item
    String passwordA = console.register("gate-a", "Sảnh nhập cảnh 1");
    String passwordB = console.register("gate-b", "Sảnh xuất cảnh 2");
    approvedSlide("gate-hours", "Giờ mở cửa", 0x1f6feb);
    console.user("dieuhanh", "operator");
    try (AgentProcess a = console.agent("gate-a", passwordA); AgentProcess b = console.agent("gate-b", passwordB)) {
      browser.signIn("dieuhanh", PASSWORD);
      // The fleet board shows both online
      browser.waitText(By.cssSelector("tr[data-screen='gate-a']"), "Trực tuyến");
      browser.waitText(By.cssSelector("tr[data-screen='gate-b']"), "Trực tuyến");
      browser.waitText(By.cssSelector("tr[data-screen='gate-a'] th"), "Sảnh nhập cảnh 1");
      // Nothing has been published to them yet: the board says so, not "up to date"
      browser.waitText(By.cssSelector("tr[data-screen='gate-a']"), "Chưa phát hành");
      assertThat(browser.textOf(By.cssSelector("tr[data-screen='gate-a']"))).doesNotContain("Đã cập nhật");
      // Signing in and the board ran with no script error and no resource missing (a favicon.ico asked for, say)
      assertThat(browser.consoleErrors()).isEmpty();

      // When the operator puts the item on both screens and publishes
      browser.open("publish");
      browser.waitVisible(By.id("schedule-item"));
      new Select(browser.driver.findElement(By.id("schedule-item"))).selectByValue("gate-hours");
      // Screens are picked by name and gate (many gates have a hall of one name)
      assertThat(browser.textOf(By.cssSelector("label[for='pick-gate-a']")))
          .isEqualTo("Sảnh nhập cảnh 1 · Chưa xếp cửa khẩu");
      browser.click("label[for='pick-gate-a']");
      browser.click("label[for='pick-gate-b']");
      browser.click("section[aria-labelledby='schedule-h'] button[type=submit]");
      browser.waitText(By.cssSelector("section[aria-labelledby='schedule-h'] [role=status]"), "2 màn hình");
      browser.click("#publish-now");

      // Then the rollout view, without a reload, reaches APPLIED on both live agents
      browser.waitText(By.id("rollout-counts"), "2 đã áp dụng · 0 đang chờ · 0 thất bại / 2 màn hình");
      // Read through the browser's wait: a live redraw may replace the rows between finding and reading them
      browser.wait.until(d -> {
        List<WebElement> rows = d.findElements(By.cssSelector("tr[data-rollout]"));
        return rows.size() == 2 && rows.stream().allMatch(row -> row.getText().contains("Đã áp dụng"));
      });
      await().atMost(DEADLINE).until(() -> a.showing().equals("gate-hours") && b.showing().equals("gate-hours"));
      browser.screenshot("console-10-rollout-applied");
      assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();

      // An urgent alert goes to the default gate and reaches both agents' pages
      browser.open("alert");
      browser.driver.findElement(By.id("alert-vi")).sendKeys("Cửa khẩu tạm đóng do mưa lũ");
      browser.driver.findElement(By.id("alert-en")).sendKeys("The gate is closed: flooding");
      browser.click("label[for='alert-gate-default']");
      browser.click("form.urgent button[type=submit]");
      // It asks first, naming the gate and the text
      Alert confirm = browser.wait.until(ExpectedConditions.alertIsPresent());
      assertThat(confirm.getText()).contains("Cửa khẩu tạm đóng do mưa lũ");
      confirm.accept();
      browser.waitText(By.id("alert-result"), "Đã gửi thông báo tới 2 màn hình.");
      browser.waitText(By.cssSelector("article[data-alert]"), "Cửa khẩu tạm đóng do mưa lũ");
      for (AgentProcess agent : List.of(a, b)) {
        await().atMost(DEADLINE).until(() -> agent.now().map(n -> n.path("alert").isObject()).orElse(false));
      }
      browser.screenshot("console-11-alert-sent");
      assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();

      // Reports: the gate's uptime over the last week, and the plays report as a CSV file
      browser.open("reports");
      browser.waitText(By.cssSelector("tr[data-uptime='default']"), "%");
      // The period in the reader's words, day first and in the gate's zone, whatever the browser's date fields show
      // (an English Chromium shows 12/01/2026 for the 1st of December)
      LocalDate from = LocalDate.parse(browser.propertyOf(By.id("report-from"), "value"));
      LocalDate to = LocalDate.parse(browser.propertyOf(By.id("report-to"), "value"));
      DateTimeFormatter dayFirst = DateTimeFormatter.ofPattern("dd/MM/yyyy");
      assertThat(browser.shownTextOf(By.id("report-period"))).contains("00:00:00 " + from.format(dayFirst))
          .contains("00:00:00 " + to.plusDays(1).format(dayFirst)).contains("Asia/Ho_Chi_Minh");
      new Select(browser.driver.findElement(By.id("report-group"))).selectByValue("language");
      browser.click("#report-csv");
      // Named by what it holds and when, so two downloads of different weeks do not overwrite each other
      Path csv = browser.downloads.resolve("plays-by-language-" + from + "-to-" + to + ".csv");
      await().atMost(DEADLINE).until(() -> Files.exists(csv) && Files.size(csv) > 0);
      // The export starts with a UTF-8 byte order mark (for spreadsheets); what follows is the header.
      assertThat(Files.readString(csv).replaceFirst("^\uFEFF", "")).startsWith("language,title,plays,airtime_seconds");
      browser.screenshot("console-17-reports");
      assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();

      // When agent a dies, the board shows it offline without a reload, and the problem filter keeps only it
      browser.open("fleet");
      browser.waitText(By.cssSelector("tr[data-screen='gate-a']"), "Trực tuyến");
      browser.waitText(By.cssSelector("tr[data-screen='gate-a']"), "Đã cập nhật");
      // What the screens play, the urgent alert, said as such: not the alert's id ("alert-254ad27100ad4be9")
      browser.waitText(By.cssSelector("tr[data-screen='gate-b']"), "Thông báo khẩn");
      assertThat(browser.textOf(By.cssSelector("tr[data-screen='gate-b']"))).doesNotContain("alert-");
      a.kill();
      browser.waitText(By.cssSelector("tr[data-screen='gate-a']"), "Mất kết nối");
      browser.click("label[for='only-problems']");
      // The board redraws its rows as heartbeats arrive: each look is a fresh lookup inside the wait.
      browser.wait.until(d -> {
        List<WebElement> rows = d.findElements(By.cssSelector("tr[data-screen]"));
        return rows.size() == 1 && "gate-a".equals(rows.get(0).getAttribute("data-screen"));
      });
      browser.screenshot("console-12-fleet-problem");
      browser.click("label[for='only-problems']");
      browser.wait.until(d -> d.findElements(By.cssSelector("tr[data-screen]")).size() == 2);
      browser.screenshot("console-13-fleet");
      assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();
      browser.phoneSize();
      browser.screenshot("console-14-fleet-phone");

      // The screen's page: its history, and a command's result coming back
      browser.click("tr[data-screen='gate-b'] a");
      browser.waitText(By.cssSelector("main h1"), "Sảnh xuất cảnh 2");
      browser.click("button[data-command='IDENTIFY']");
      browser.wait.until(d -> {
        List<WebElement> rows = d.findElements(By.cssSelector("tr[data-sequence]"));
        return !rows.isEmpty() && rows.get(0).getText().contains("Xong");
      });
      // The agent's answer in Vietnamese, not its English words ("showing the screen id for 30 s")
      browser.waitText(By.cssSelector("tr[data-sequence]"), "Đang hiện mã màn hình trong");
      await().atMost(DEADLINE).until(() -> b.now().map(n -> n.path("identify").isObject()).orElse(false));
      // A restart takes the screen dark: the console asks first, naming the screen; declined, nothing is sent
      int commandsBefore = admin.get("/api/v1/screens/gate-b/commands").body().size();
      browser.click("button[data-command='RESTART']");
      Alert restart = browser.wait.until(ExpectedConditions.alertIsPresent());
      assertThat(restart.getText()).contains("Sảnh xuất cảnh 2");
      restart.dismiss();
      assertThat(admin.get("/api/v1/screens/gate-b/commands").body().size()).isEqualTo(commandsBefore);
      browser.waitText(By.cssSelector("section[aria-labelledby='hist-h']"), "Trực tuyến");
      // Each change's detail in Vietnamese, not the English words it is stored as ("applied 1, published 1")
      browser.waitText(By.cssSelector("section[aria-labelledby='hist-h']"), "đã phát hành:");
      assertThat(browser.textOf(By.cssSelector("section[aria-labelledby='hist-h']")))
          .doesNotContain("applied", "published", "null");
      browser.screenshot("console-15-screen-phone");
      browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
      browser.screenshot("console-16-screen");
      assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();

      // The audit log says what was done in Vietnamese, the command with its kind
      browser.open("audit");
      browser.click("[data-action='filter-audit']");
      browser.waitText(By.cssSelector("main table"), "gửi lệnh: Nhận diện");
      assertThat(browser.textOf(By.cssSelector("main table")))
          .contains("phát hành").doesNotContain("publish", "command");
    }
  }

  @Test
  void aScreenThatCannotApplyAPublishSaysWhyInTheReadersLanguage() throws Exception {
    // Given a live screen, and an approved item whose file was damaged on the controller's disk after it was
    // uploaded (same size, other bytes: a failing disk)
    String password = console.register("gate-a", "Sảnh nhập cảnh 1");
    String sha = approvedSlide("damaged", "Tệp hỏng", 0xb42318);
    Path stored = console.dir.resolve("controller").resolve("media").resolve(sha);
    byte[] damaged = Files.readAllBytes(stored);
    damaged[damaged.length / 2] ^= 0x55;
    Files.write(stored, damaged);
    console.user("dieuhanh", "operator");
    try (AgentProcess a = console.agent("gate-a", password)) {
      browser.signIn("dieuhanh", PASSWORD);
      browser.waitText(By.cssSelector("tr[data-screen='gate-a']"), "Trực tuyến");

      // When the operator publishes it to the screen
      browser.open("publish");
      browser.waitVisible(By.id("schedule-item"));
      new Select(browser.driver.findElement(By.id("schedule-item"))).selectByValue("damaged");
      browser.click("label[for='pick-gate-a']");
      browser.click("section[aria-labelledby='schedule-h'] button[type=submit]");
      browser.waitText(By.cssSelector("section[aria-labelledby='schedule-h'] [role=status]"), "1 màn hình");
      browser.click("#publish-now");

      // Then the rollout says the screen failed, and why, in Vietnamese: not the agent's English words
      browser.waitText(By.id("rollout-counts"), "0 đã áp dụng · 0 đang chờ · 1 thất bại / 1 màn hình");
      browser.waitText(By.cssSelector("tr[data-rollout='gate-a']"), "bị hỏng (mã kiểm tra không khớp)");
      // Each read finds the row afresh: the rollout is redrawn as the screen's news arrives.
      String row = browser.textOf(By.cssSelector("tr[data-rollout='gate-a']"));
      assertThat(row).as("the screen by its name, as on the board").startsWith("Sảnh nhập cảnh 1")
          .contains(sha.substring(0, 12) + "…").doesNotContain("checksum", "expected", "http");
      // The agent's own words, the file's whole address too, stay at hand for a technician, as the cell's title
      String agentsWords = browser.wait.until(d -> d.findElement(
          By.cssSelector("tr[data-rollout='gate-a'] td:last-child")).getAttribute("title"));
      assertThat(agentsWords).startsWith("checksum did not match for ");
      // The list of recent publishes says the same, without a reload
      browser.waitText(By.cssSelector("section[aria-labelledby='recent-h'] tbody tr"), "1 thất bại");
      browser.scrollTo(By.id("rollout-h"));
      browser.screenshot("console-18-rollout-failed");

      // And in English once the reader switches
      browser.click("header button.lang-button");
      browser.wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
      browser.waitText(By.cssSelector("tr[data-rollout='gate-a']"), "is damaged (its checksum does not match)");
      browser.scrollTo(By.id("rollout-h"));
      browser.screenshot("console-19-rollout-failed-en");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  @Test
  void aContributorUploadsAndSubmitsAnApproverDecidesAndTheContributorSeesTheOutcome() throws Exception {
    console.user("soanthao", "contributor");
    console.user("kiemduyet", "approver");
    Path file = tmp.resolve("cua-khau.png");
    Files.write(file, png(1280, 720, 0x0b5cad));

    // A contributor uploads a file: the progress bar fills and the thumbnail appears
    browser.signIn("soanthao", PASSWORD);
    assertThat(browser.sections()).containsExactly("fleet", "content", "schedule", "reports", "account");
    browser.waitText(By.cssSelector("main h1"), "Thư viện nội dung");
    // A file no screen shows is refused in Vietnamese, and the bar does not say done
    Path notAPicture = tmp.resolve("ghi-chu.png");
    Files.writeString(notAPicture, "hello there, this is not a picture");
    browser.driver.findElement(By.id("upload-file")).sendKeys(notAPicture.toAbsolutePath().toString());
    browser.click("section[aria-labelledby='upload-h'] button[type=submit]");
    browser.waitText(By.cssSelector("section[aria-labelledby='upload-h'] [role=status]"),
        "Không nhận tệp này: màn hình chỉ hiển thị image/png");
    assertThat(browser.propertyOf(By.id("upload-progress"), "value")).isEqualTo("0");
    browser.driver.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
    browser.click("section[aria-labelledby='upload-h'] button[type=submit]");
    browser.waitText(By.cssSelector("section[aria-labelledby='upload-h'] [role=status]"), "Đã tải lên cua-khau.png.");
    assertThat(browser.propertyOf(By.id("upload-progress"), "value")).isEqualTo("1");
    WebElement thumb = browser.waitVisible(By.cssSelector("figure[data-media] img.thumb"));
    browser.wait.until(d -> (Boolean) browser.driver.executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", thumb));
    // An SVG slide shows itself, not a grey placeholder: its red is what the thumbnail draws.
    Path svg = tmp.resolve("chao-mung.svg");
    Files.writeString(svg, "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1920 1080'>"
        + "<rect width='1920' height='1080' fill='#d01010'/><text x='100' y='540' font-size='200'>Chào mừng</text></svg>");
    browser.driver.findElement(By.id("upload-file")).sendKeys(svg.toAbsolutePath().toString());
    browser.click("section[aria-labelledby='upload-h'] button[type=submit]");
    browser.waitText(By.cssSelector("section[aria-labelledby='upload-h'] [role=status]"), "Đã tải lên chao-mung.svg.");
    String svgSha = EndToEndTest.sha256(Files.readAllBytes(svg));
    WebElement svgThumb = browser.waitVisible(By.cssSelector("figure[data-media='" + svgSha + "'] img.thumb"));
    browser.wait.until(d -> {
      Object rgb = browser.driver.executeScript("const img = arguments[0];"
          + " if (!img.complete || !img.naturalWidth) return null;"
          + " const canvas = document.createElement('canvas'); canvas.width = 32; canvas.height = 18;"
          + " const g = canvas.getContext('2d'); g.drawImage(img, 0, 0, 32, 18);"
          + " return Array.from(g.getImageData(4, 4, 1, 1).data.slice(0, 3));", svgThumb);
      return rgb instanceof List<?> c && ((Number) c.get(0)).intValue() > 180 && ((Number) c.get(1)).intValue() < 60;
    });
    browser.scrollTo(By.cssSelector("figure[data-media='" + svgSha + "']"));
    browser.screenshot("console-03b-svg-thumbnail");
    // Choosing the next file clears what was said of the last one, and its full bar
    browser.driver.findElement(By.id("upload-file")).sendKeys(notAPicture.toAbsolutePath().toString());
    browser.wait.until(d -> d.findElement(By.cssSelector("section[aria-labelledby='upload-h'] [role=status]"))
        .getText().isEmpty());
    assertThat(browser.propertyOf(By.id("upload-progress"), "value")).isEqualTo("0");

    // and submits an item with its Vietnamese and English variants side by side
    browser.driver.findElement(By.id("item-id")).sendKeys("opening-hours");
    browser.driver.findElement(By.id("item-title")).sendKeys("Giờ mở cửa");
    new Select(browser.driver.findElement(By.id("variant-vi"))).selectByVisibleText("cua-khau.png");
    new Select(browser.driver.findElement(By.id("variant-en"))).selectByVisibleText("cua-khau.png");
    browser.click("section[aria-labelledby='create-h'] button[type=submit]");
    browser.waitText(By.cssSelector("article[data-item='opening-hours']"), "Chờ duyệt");
    assertThat(browser.driver.findElements(By.cssSelector("article[data-item='opening-hours'] figure.variant")))
        .extracting(WebElement::getText).containsExactly("Tiếng Việt · 10 s", "Tiếng Anh · 10 s");
    // and a text item, in two languages
    new Select(browser.driver.findElement(By.id("item-kind"))).selectByValue("text");
    browser.driver.findElement(By.id("item-id")).sendKeys("queue-notice");
    browser.driver.findElement(By.id("item-title")).sendKeys("Xếp hàng");
    browser.driver.findElement(By.id("variant-vi")).sendKeys("Vui lòng xếp hàng");
    browser.driver.findElement(By.id("variant-zh-Hans")).sendKeys("请排队");
    browser.click("section[aria-labelledby='create-h'] button[type=submit]");
    browser.waitText(By.cssSelector("article[data-item='queue-notice']"), "请排队");
    browser.scrollTo(By.cssSelector("article[data-item='queue-notice']"));
    browser.screenshot("console-20-library-contributor");
    assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();
    browser.signOut();

    // The approver sees both in the queue: approves one, rejects the other with a reason
    browser.signIn("kiemduyet", PASSWORD);
    assertThat(browser.sections()).containsExactly("fleet", "content", "schedule", "review", "reports", "audit", "account");
    browser.open("review");
    browser.waitVisible(By.cssSelector("article[data-item='opening-hours']"));
    browser.screenshot("console-21-review-queue");
    assertThat(browser.unlabelledFields()).as("every field has a label").isEmpty();
    browser.click("button[data-approve='opening-hours']");
    browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article[data-item='opening-hours']"), 0));
    browser.click("button[data-reject='queue-notice']");
    browser.waitText(By.cssSelector("main [role=status]"), "Hãy nhập lý do từ chối.");
    browser.driver.findElement(By.cssSelector("textarea[data-reason='queue-notice']")).sendKeys("Thiếu bản tiếng Anh");
    browser.click("button[data-reject='queue-notice']");
    browser.waitText(By.cssSelector("main"), "Không có mục nào chờ duyệt.");
    browser.signOut();

    // The contributor sees the outcome of each, with the reason
    browser.signIn("soanthao", PASSWORD);
    browser.waitText(By.cssSelector("article[data-item='opening-hours']"), "Đã duyệt");
    browser.waitText(By.cssSelector("article[data-item='queue-notice']"), "Bị từ chối");
    assertThat(browser.textOf(By.cssSelector("article[data-item='queue-notice']")))
        .contains("Lý do: Thiếu bản tiếng Anh").contains("kiemduyet");
    assertThat(admin.get("/api/v1/content/opening-hours").body().get("status").asText()).isEqualTo("APPROVED");
    browser.scrollTo(By.cssSelector("article[data-item='opening-hours']"));
    browser.screenshot("console-22-library-outcome");
  }

  @Test
  void userTextIsShownAsTextAndNeverRuns() throws Exception {
    String clusterName = "<img src=x onerror=\"window.__xss='cluster'\">";
    String screenName = "<script>window.__xss='screen'</script>";
    String title = "<img src=x onerror=\"window.__xss='title'\">";
    String text = "<script>window.__xss='text'</script>";
    String alertText = "<img src=x onerror=\"window.__xss='alert'\"><b>Đóng cửa</b>";
    assertThat(admin.postJson("/api/v1/clusters", Map.of("id", "evil", "name", clusterName, "province", "Lào Cai",
        "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "lo"))).status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/screens", Map.of("id", "s1", "name", screenName, "clusterId", "evil"))
        .status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/content", Map.of("id", "evil-item", "title", title,
        "variants", List.of(Map.of("language", "vi", "text", text, "seconds", 5)))).status()).isEqualTo(201);

    browser.signIn("admin", adminPassword);
    browser.waitText(By.cssSelector("tr[data-screen='s1']"), screenName);
    browser.waitText(By.cssSelector("section.gate h2"), clusterName);
    browser.screenshot("console-30-xss-fleet");
    browser.click("tr[data-screen='s1'] a");
    browser.waitText(By.cssSelector("main h1"), screenName);
    browser.waitText(By.cssSelector("dl.facts"), clusterName);

    browser.open("content");
    browser.waitText(By.cssSelector("article[data-item='evil-item']"), title);
    assertThat(browser.textOf(By.cssSelector("article[data-item='evil-item']"))).contains(text);
    browser.open("review");
    browser.waitText(By.cssSelector("article[data-item='evil-item']"), text);

    // One very long word in a title breaks inside its card: the page stays as wide as the window
    String longWord = "NghiêngNghiêng".repeat(30);
    assertThat(admin.postJson("/api/v1/content", Map.of("id", "long-word", "title", longWord,
        "variants", List.of(Map.of("language", "vi", "text", longWord, "seconds", 5)))).status()).isEqualTo(201);
    for (String section : List.of("content", "review")) {
      browser.open(section);
      browser.waitVisible(By.cssSelector("article[data-item='long-word']"));
      assertThat(browser.driver.executeScript(
          "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).as(section).isEqualTo(true);
    }
    browser.screenshot("console-32-long-word");

    // The alert form: what an operator types is sent as text and listed as text
    browser.open("alert");
    browser.driver.findElement(By.id("alert-vi")).sendKeys(alertText);
    // It offers the languages of the province's gates: this gate's travellers read Lao
    browser.driver.findElement(By.id("alert-lo")).sendKeys("ປິດດ່ານຊົ່ວຄາວ");
    browser.click("label[for='alert-gate-evil']");
    assertThat(browser.textOf(By.cssSelector("label[for='alert-gate-evil']"))).isEqualTo(clusterName);
    browser.click("form.urgent button[type=submit]");
    browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
    browser.waitText(By.cssSelector("article[data-alert]"), alertText);
    assertThat(admin.get("/api/v1/alerts").body().toString()).contains("ປິດດ່ານຊົ່ວຄາວ");
    assertThat(browser.textOf(By.id("alert-result"))).contains(clusterName);
    browser.screenshot("console-31-xss-alert");

    // Nothing ran, and no element was made from the data
    assertThat(browser.driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
    assertThat(browser.driver.findElements(By.cssSelector("main img[src='x'], main script, main b"))).isEmpty();
  }

  private String navText(String section) {
    return browser.textOf(By.cssSelector("nav a[data-section='" + section + "']"));
  }

  /** How many requests the page has made to the path since the browser's resource timings were last cleared. */
  private long requestsTo(String path) {
    return (Long) browser.driver.executeScript("return performance.getEntriesByType('resource')"
        + ".filter((e) => new URL(e.name).pathname === arguments[0]).length", path);
  }

  private String token() {
    return (String) browser.driver.executeScript("return sessionStorage.getItem('gatecast.token')");
  }

  /** An approved item showing one uploaded slide of that colour; returns the slide's SHA-256. */
  private String approvedSlide(String id, String title, int rgb) throws Exception {
    byte[] slide = png(640, 360, rgb);
    String sha = EndToEndTest.sha256(slide);
    assertThat(admin.upload(slide, "image/png", sha).status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/content", Map.of("id", id, "title", title,
        "mediaSha256", sha, "durationSeconds", 10)).status()).isEqualTo(201);
    Accounts.approve(admin, controller.httpPort(), id);
    return sha;
  }

  static byte[] png(int width, int height, int rgb) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, (x / 40 + y / 40) % 2 == 0 ? rgb : 0xffffff);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
