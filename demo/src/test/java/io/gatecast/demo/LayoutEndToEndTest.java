package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.Chromium;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 23 end to end: a layout stored in the controller, attached to a gate and published, reaches
 * two real agents (own JVMs, signed over the embedded broker), and their pages in real Chromium
 * draw the same regions in the same language. A ticker line still in review is on neither screen
 * until it is approved and published again. Screenshots under {@code demo/target/screenshots/}.
 */
@IntegrationTest
class LayoutEndToEndTest {
  private static final Duration DEADLINE = Duration.ofSeconds(40);
  private static final String NOTICE = "Xin xuất trình hộ chiếu cho cán bộ biên phòng";
  private static final String DRAFT = "Tin chưa duyệt: cửa khẩu đóng cửa sớm";

  @TempDir Path tmp;
  Vertx vertx;
  Controller controller;
  ApiClient api;
  ChromeDriver driver;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    ControllerConfig config = ControllerConfig.defaults(tmp.resolve("controller")).withPorts(0, 0);
    controller = Controller.start(vertx, config, Clock.systemUTC()).await();
    api = Accounts.admin(controller.httpPort(), tmp.resolve("controller"));
    driver = Chromium.driver(tmp.resolve("chromium"));
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (controller != null) {
      controller.close();
    }
    vertx.close().await();
  }

  @Test
  void aLayoutPublishedToTwoAgentsShowsTheSameRegionsInTheSameLanguageAndOnlyApprovedText() throws Exception {
    String passwordA = register("hall-a");
    String passwordB = register("hall-b");
    try (AgentProcess a = agent("hall-a", passwordA); AgentProcess b = agent("hall-b", passwordB)) {
      text("welcome", "Chào mừng đến Cửa khẩu quốc tế Lào Cai", true);
      text("notice", NOTICE, true);
      text("portal", "https://laocai.gov.vn/", true);
      text("draft-line", DRAFT, false);
      assertThat(api.postJson("/api/v1/schedule", Map.of("contentId", "welcome",
          "screenIds", List.of("hall-a", "hall-b"))).status()).isEqualTo(200);
      Answer layout = api.postJson("/api/v1/layouts", Map.of("id", "hall", "template", "header-main-side-ticker",
          "shape", "LANDSCAPE_16_9", "regions", List.of(
              Map.of("role", "HEADER", "widgets", List.of(
                  Map.of("type", "CLOCK", "clock", Map.of("zones", List.of(Map.of("zone", "Asia/Ho_Chi_Minh"),
                      Map.of("zone", "Asia/Shanghai")))),
                  Map.of("type", "DATE"))),
              Map.of("role", "SIDE", "widgets", List.of(Map.of("type", "QR", "qr", Map.of("urlItemId", "portal")))),
              Map.of("role", "TICKER", "widgets", List.of(Map.of("type", "TICKER",
                  "ticker", Map.of("itemIds", List.of("notice", "draft-line"))))))));
      assertThat(layout.status()).as(layout.body().toString()).isEqualTo(201);
      String gate = api.get("/api/v1/screens/hall-a").body().get("clusterId").asText();
      assertThat(api.putJson("/api/v1/layouts/assignments/gate/" + gate, Map.of("layoutId", "hall")).status())
          .isEqualTo(200);

      Answer published = api.publishAndAwait();
      assertThat(published.body().get("withheld").get("hall-a")).extracting(JsonNode::asText).contains("draft-line");

      List<String> drawn = new ArrayList<>();
      for (AgentProcess agent : List.of(a, b)) {
        await().atMost(DEADLINE).until(() -> agent.now().map(n -> n.hasNonNull("layout")).orElse(false));
        drawn.add(regionsAndLanguage(agent, "layout-" + agent.screenId));
        String text = pageText();
        assertThat(text).contains(NOTICE).doesNotContain(DRAFT);
        assertThat(driver.executeScript("return document.querySelectorAll('#layout [data-role=SIDE] svg path').length"))
            .isEqualTo(1L);
      }
      assertThat(drawn.get(1)).isEqualTo(drawn.get(0));
      assertThat(drawn.get(0)).isEqualTo("MAIN@vi,HEADER@vi,SIDE@vi,TICKER@vi");

      // Once approved and published, the line is on both screens.
      Accounts.approve(api, controller.httpPort(), "draft-line");
      api.publishAndAwait();
      for (AgentProcess agent : List.of(a, b)) {
        driver.get("http://127.0.0.1:" + agent.pagePort + "/");
        await().atMost(DEADLINE).until(() -> pageText().contains(DRAFT));
        assertThat(pageText()).contains(NOTICE);
      }
      Chromium.screenshot(driver, "layout-approved-" + b.screenId);
    }
  }

  /** Opens the agent's page and returns its regions with their languages, in order. */
  private String regionsAndLanguage(AgentProcess agent, String screenshot) throws Exception {
    driver.get("http://127.0.0.1:" + agent.pagePort + "/");
    await().atMost(DEADLINE).until(() -> "LANDSCAPE_16_9".equals(driver.executeScript("return document.body.dataset.layout")));
    await().atMost(DEADLINE).until(() -> pageText().contains(NOTICE));
    Chromium.screenshot(driver, screenshot);
    return String.valueOf(driver.executeScript("return Array.from(document.querySelectorAll('#layout .gc-region'))"
        + ".map(r => r.dataset.role + '@' + r.lang).join(',')"));
  }

  private String pageText() {
    return String.valueOf(driver.executeScript("return document.getElementById('layout').textContent"));
  }

  private void text(String id, String text, boolean approve) {
    Answer created = api.postJson("/api/v1/content", Map.of("id", id, "title", id,
        "variants", List.of(Map.of("language", "vi", "text", text, "seconds", 10))));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    if (approve) {
      Accounts.approve(api, controller.httpPort(), id);
    }
  }

  private String register(String screenId) {
    Answer registered = api.postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(registered.status()).isEqualTo(201);
    return registered.body().get("mqttPassword").asText();
  }

  private AgentProcess agent(String screenId, String mqttPassword) throws Exception {
    Path dataDir = tmp.resolve("agents").resolve(screenId);
    Files.createDirectories(dataDir);
    return AgentProcess.started(screenId, controller.brokerUrl(), dataDir, 1, controller.signingKey(), mqttPassword);
  }
}
