package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.Controller;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The console kept current by the controller's event stream, in real headless Chromium with real
 * agents. The console is opened with {@code ?resync=0}: while the stream is up it never polls, so
 * what changes on screen without a reload can only have come by the stream (the views also count
 * stream updates in a {@code data-stream-updates} attribute).
 */
@IntegrationTest
class ConsoleLiveTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String PASSWORD = ConsoleFixture.PASSWORD;

  @TempDir Path tmp;
  ConsoleFixture console;
  Controller controller;
  ApiClient admin;
  ConsoleBrowser browser;

  @BeforeEach
  void start() {
    // A long heartbeat timeout: an agent shown offline here was told by its last-will, not the sweep.
    console = new ConsoleFixture(tmp, config -> config.withHeartbeatTimeout(Duration.ofMinutes(10), Duration.ofSeconds(5)));
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
  void theFleetBoardShowsAScreenGoingOfflineByTheStreamWithoutAReload() throws Exception {
    String password = console.register("live-a", "Sảnh nhập cảnh 1");
    console.user("kythuat", "technician");
    try (AgentProcess agent = console.agent("live-a", password)) {
      browser.signIn("kythuat", PASSWORD);
      openWithoutPolling("fleet");
      browser.waitText(By.cssSelector("tr[data-screen='live-a']"), "Trực tuyến");
      awaitLive();
      markPage();
      int before = streamUpdates(".board");

      agent.kill();

      browser.waitText(By.cssSelector("tr[data-screen='live-a']"), "Mất kết nối");
      assertThat(streamUpdates(".board")).as("the change came by the event stream").isGreaterThan(before);
      assertThat(pageKept()).as("no reload").isTrue();
      browser.screenshot("console-40-live-offline");
      browser.phoneSize();
      browser.screenshot("console-41-live-offline-phone");
    }
  }

  @Test
  void withoutTheStreamTheBoardPollsAndSaysSo() throws Exception {
    String password = console.register("live-c", "Sảnh nhập cảnh 3");
    console.user("kythuat", "technician");
    // The browser may not reach the event stream (a proxy that refuses it, say)
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/v1/events")));
    try (AgentProcess agent = console.agent("live-c", password)) {
      browser.signIn("kythuat", PASSWORD);
      browser.waitText(By.cssSelector("tr[data-screen='live-c']"), "Trực tuyến");
      browser.wait.until(d -> "polling".equals(d.findElement(By.cssSelector("header .live-state")).getAttribute("data-live")));
      assertThat(browser.textOf(By.cssSelector("header .live-state"))).isEqualTo("Tự làm mới định kỳ");
      markPage();

      agent.kill();

      browser.waitText(By.cssSelector("tr[data-screen='live-c']"), "Mất kết nối");
      assertThat(streamUpdates(".board")).as("nothing came by the stream").isZero();
      assertThat(pageKept()).as("no reload").isTrue();
      browser.screenshot("console-43-live-polling");
    }
  }

  @Test
  void theRolloutViewReachesAppliedByTheStream() throws Exception {
    String password = console.register("live-b", "Sảnh xuất cảnh 2");
    approvedSlide("live-hours", "Giờ mở cửa", 0x0b5cad);
    Answer scheduled = admin.postJson("/api/v1/schedule", Map.of("contentId", "live-hours", "screenIds", List.of("live-b")));
    assertThat(scheduled.status()).as(scheduled.error()).isEqualTo(200);
    console.user("dieuhanh", "operator");

    // The operator publishes while the screen's agent is not running: the rollout waits
    browser.signIn("dieuhanh", PASSWORD);
    openWithoutPolling("publish");
    awaitLive();
    browser.waitVisible(By.id("checks-summary"));
    browser.driver.executeScript("performance.clearResourceTimings()");
    browser.click("#publish-now");
    browser.waitText(By.id("rollout-counts"), "0 đã áp dụng · 1 đang chờ · 0 thất bại / 1 màn hình");
    // The page's three parts that name screens (what to schedule, the checks, the rollout) read them once
    browser.waitVisible(By.id("checks-summary"));
    browser.waitVisible(By.id("schedule-item"));
    assertThat(browser.driver.executeScript("return performance.getEntriesByType('resource')"
        + ".filter((e) => new URL(e.name).pathname === '/api/v1/screens').length")).isEqualTo(1L);
    // and the items' titles (for the checks and the rollout) once too
    assertThat(browser.driver.executeScript("return performance.getEntriesByType('resource')"
        + ".filter((e) => new URL(e.name).pathname === '/api/v1/content' && new URL(e.name).search === '').length"))
        .isEqualTo(1L);
    markPage();
    int before = streamUpdates("section.rollout");

    // The agent starts, takes its retained schedule and answers: APPLIED arrives by the stream
    try (AgentProcess agent = console.agent("live-b", password)) {
      browser.waitText(By.id("rollout-counts"), "1 đã áp dụng · 0 đang chờ · 0 thất bại / 1 màn hình");
      // Awaited, not read once: a later event may redraw the row between finding it and reading it.
      browser.waitText(By.cssSelector("tr[data-rollout='live-b']"), "Đã áp dụng");
      assertThat(streamUpdates("section.rollout")).as("the answer came by the event stream").isGreaterThan(before);
      assertThat(pageKept()).as("no reload").isTrue();
      await().atMost(DEADLINE).until(() -> agent.showing().equals("live-hours"));
      browser.screenshot("console-42-live-rollout-applied");

      // The board says what the screen plays by the item's title, not the id its agent reports
      browser.open("fleet");
      browser.waitText(By.cssSelector("tr[data-screen='live-b']"), "Giờ mở cửa");
      assertThat(browser.textOf(By.cssSelector("tr[data-screen='live-b']"))).doesNotContain("live-hours");
    }
  }

  @Test
  void aNewScreensPageSaysWhyItPlaysNothingUntilTheOperatorPublishesInVietnamese() throws Exception {
    waitingStory("vi", "chưa có chương trình nào được phát hành", "Đã cập nhật",
        "Thêm 1 màn hình được ghép nối hoặc chuyển đến cửa khẩu sau đó");
  }

  @Test
  void aNewScreensPageSaysWhyItPlaysNothingUntilTheOperatorPublishesInEnglish() throws Exception {
    waitingStory("en", "nothing has been published for", "Up to date",
        "1 more screen paired or moved to a gate since then was placed");
  }

  /**
   * A technician's console open on the board, with no polling: an admin gives them a new password, and the
   * console asks them to sign in again, saying why, at once — no click, no refresh: the controller closed the
   * event stream of the ended session, and its reconnect was refused.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "in {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"vi", "en"})
  void aConsoleWhoseSessionEndsAsksToSignInAgainAtOnce(String lang) throws Exception {
    console.user("kythuat", "technician");
    browser.startIn(lang);
    browser.signIn("kythuat", PASSWORD);
    openWithoutPolling("fleet");
    awaitLive();
    markPage();

    Answer changed = admin.putJson("/api/v1/users/kythuat", Map.of("password", "mat-khau-moi-2026"));
    assertThat(changed.status()).as(changed.error()).isEqualTo(200);

    browser.waitText(By.cssSelector("p[role=alert]"), browser.says("Phiên đăng nhập đã hết; hãy đăng nhập lại.",
        "Your session has ended; sign in again."));
    browser.waitVisible(By.name("username"));
    assertThat(pageKept()).as("no reload").isTrue();
    browser.screenshot("console-48-live-session-ended-" + lang);
  }

  /**
   * A screen registered without a gate waits in the unplaced one: its page says that placing it is what it
   * waits for, not a publish, and takes the technician to the Setup page.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "in {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"vi", "en"})
  void anUnplacedScreensPageSaysToPlaceIt(String lang) throws Exception {
    String password = console.register("live-u", "Màn hình chưa xếp");
    console.user("kythuat", "technician");
    browser.startIn(lang);
    browser.signIn("kythuat", PASSWORD);
    try (AgentProcess agent = console.agent("live-u", password)) {
      browser.driver.get(browser.baseUrl + "/console/#/screens/live-u");
      browser.waitText(By.id("screen-waits"), browser.says("chưa được xếp vào cửa khẩu nào",
          "not placed at a gate yet"));
      assertThat(browser.textOf(By.id("screen-waits")))
          .doesNotContain(browser.says("phát hành", "publish"));
      browser.screenshot("console-47-live-unplaced-" + lang);
      browser.click("#screen-waits a[href='#/setup']");
      browser.waitVisible(By.cssSelector("[data-edit-screen='live-u']"));
    }
  }

  /**
   * A screen paired at a gate with no programme yet plays nothing: its page says so and why, as soon as the
   * controller has tried it (by the stream, no reload), and takes the operator to the Publish page; once
   * published it plays and the page says no more.
   */
  private void waitingStory(String lang, String why, String upToDate, String arrivedNote) throws Exception {
    assertThat(admin.postJson("/api/v1/clusters", Map.of("id", "mong-cai", "name", "Cửa khẩu Móng Cái", "province",
        "Quảng Ninh", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans", "en"))).status()).isEqualTo(201);
    Answer registered = admin.postJson("/api/v1/screens", Map.of("id", "live-d", "name", "Sảnh chờ 4",
        "clusterId", "mong-cai"));
    assertThat(registered.status()).as(registered.error()).isEqualTo(201);
    String password = registered.body().get("mqttPassword").asText();
    approvedSlide("live-welcome", "Chào mừng", 0x1f8a47);
    // The gate's campaign: every screen at Móng Cái plays the same programme. Its playlist also holds an item
    // not approved yet, which the publish holds back and says so by the item's title.
    assertThat(admin.postJson("/api/v1/content", Map.of("id", "live-draft", "title", "Bản nháp giờ mở cửa",
        "variants", List.of(Map.of("language", "vi", "text", "Mở cửa 7:00", "seconds", 10)))).status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/playlists", Map.of("id", "live-hall", "entries",
        List.of(Map.of("contentId", "live-welcome"), Map.of("contentId", "live-draft")))).status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/campaigns", Map.of("id", "live-hall-notices", "playlistId", "live-hall",
        "targets", Map.of("clusters", List.of("mong-cai")), "start", "2026-01-01T00:00", "end", "2099-01-01T00:00"))
        .status()).isEqualTo(201);
    console.user("dieuhanh", "operator");
    browser.startIn(lang);
    browser.signIn("dieuhanh", PASSWORD);
    browser.driver.get(browser.baseUrl + "/console/?resync=0#/screens/live-d");
    browser.waitVisible(By.cssSelector("main h1"));
    awaitLive();
    markPage();
    assertThat(browser.isShown(By.id("screen-waits"))).as("not tried yet: nothing said").isFalse();

    try (AgentProcess agent = console.agent("live-d", password)) {
      browser.waitText(By.id("screen-waits"), why);
      assertThat(browser.textOf(By.id("screen-waits"))).contains("Cửa khẩu Móng Cái");
      assertThat(pageKept()).as("no reload: it came by the stream").isTrue();
      browser.screenshot("console-44-live-waits-" + lang);

      browser.click("#screen-waits a[href='#/publish']");
      // The checks name the item they are about by its title, as the rest of the page does
      browser.waitText(By.cssSelector("li.finding[data-code='INCOMPLETE_LANGUAGES'] .subjects"), "Chào mừng");
      browser.click("#publish-now");
      // (The rollout is redrawn as screens answer: awaited, not read once.)
      browser.waitText(By.id("rollout-state"), "Bản nháp giờ mở cửa");
      await().atMost(DEADLINE).until(() -> agent.showing().equals("live-welcome"));
      browser.driver.get(browser.baseUrl + "/console/#/screens/live-d");
      browser.waitText(By.cssSelector("main .badges"), upToDate);
      browser.wait.until(d -> !d.findElement(By.id("screen-waits")).isDisplayed());
      browser.screenshot("console-45-live-published-" + lang);

      // A second screen paired at the gate afterwards plays the programme on air without a publish; the
      // publish's rollout counts it, and says why it has one screen more than it sent to.
      Answer second = admin.postJson("/api/v1/screens", Map.of("id", "live-e", "name", "Sảnh chờ 5",
          "clusterId", "mong-cai"));
      assertThat(second.status()).as(second.error()).isEqualTo(201);
      try (AgentProcess arrived = console.agent("live-e", second.body().get("mqttPassword").asText())) {
        await().atMost(DEADLINE).until(() -> arrived.showing().equals("live-welcome"));
        browser.driver.get(browser.baseUrl + "/console/#/publish/1");
        browser.waitText(By.id("rollout-state"), arrivedNote);
        browser.waitText(By.id("rollout-counts"), "/ 2 ");
        browser.scrollTo(By.id("rollout-h"));
        browser.screenshot("console-46-live-arrived-" + lang);
      }
    }
  }

  /** An approved item showing a plain slide of {@code colour}. */
  private void approvedSlide(String id, String title, int colour) throws Exception {
    byte[] slide = ConsoleEndToEndTest.png(640, 360, colour);
    String sha = EndToEndTest.sha256(slide);
    assertThat(admin.upload(slide, "image/png", sha).status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/content", Map.of("id", id, "title", title, "mediaSha256", sha,
        "durationSeconds", 10)).status()).isEqualTo(201);
    Accounts.approve(admin, controller.httpPort(), id);
  }

  /** Reloads the console at {@code ?resync=0} on a section (the tab keeps its sign-in). */
  private void openWithoutPolling(String section) {
    browser.driver.get(browser.baseUrl + "/console/?resync=0#/" + section);
    browser.wait.until(d -> d.findElements(By.cssSelector("nav a[data-section='" + section + "'][aria-current=page]")).size() == 1);
  }

  private void awaitLive() {
    browser.wait.until(d -> "live".equals(d.findElement(By.cssSelector("header .live-state")).getAttribute("data-live")));
  }

  /** Leaves a mark in the page that a reload would wipe. */
  private void markPage() {
    browser.driver.executeScript("window.__sameDocument = true");
  }

  private boolean pageKept() {
    return Boolean.TRUE.equals(browser.driver.executeScript("return window.__sameDocument === true"));
  }

  private int streamUpdates(String css) {
    String value = browser.attributeOf(By.cssSelector(css), "data-stream-updates");
    return value.isEmpty() ? 0 : Integer.parseInt(value);
  }
}
