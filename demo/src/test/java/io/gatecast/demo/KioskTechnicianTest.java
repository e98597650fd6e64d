package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.AgentConfig;
import io.gatecast.agent.PlayerAgent;
import io.gatecast.agent.enroll.PairingKiosk;
import io.gatecast.agent.kiosk.DevTools;
import io.gatecast.agent.kiosk.KioskOptions;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.protocol.enrollment.Identity;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.Chromium;
import io.gatecast.testkit.Closer;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new kiosk as a technician meets it, with the real controller, the agent and Debian's Chromium as
 * the kiosk browser: the panel shows the pairing code and the controller's address before
 * enrollment; once enrolled with nothing to play it shows the "no content yet" card and the fleet
 * API reports the screen as a problem (it would be black); once the gate has a default playlist the
 * screen plays it as the default fill and the problem is gone. Screenshots of the panel are kept
 * under target/screenshots/.
 */
@IntegrationTest
class KioskTechnicianTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SCREEN = "lc-hall-9";

  @TempDir Path tmp;
  private Vertx vertx;
  private Controller controller;
  private ApiClient api;
  private final Closer closer = new Closer();

  @BeforeEach
  void startController() {
    Chromium.requireInstalled();
    vertx = Vertx.vertx();
    controller = Controller.start(vertx, ControllerConfig.defaults(tmp.resolve("controller")).withPorts(0, 0),
        Clock.systemUTC()).await();
    api = Accounts.admin(controller.httpPort(), tmp.resolve("controller"));
  }

  @AfterEach
  void stop() throws Exception {
    closer.close();
    controller.close();
    vertx.close().await();
  }

  @Test
  void thePanelShowsTheCodeThenTheNoContentCardThenTheGatesDefaultFill() throws Exception {
    assertThat(api.postJson("/api/v1/clusters", Map.of("id", "lao-cai", "name", "Lào Cai", "province", "Lào Cai",
        "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans"))).status()).isEqualTo(201);
    URI controllerUrl = URI.create("http://127.0.0.1:" + controller.httpPort());
    int pagePort = AgentProcess.freePort();
    int devtoolsPort = AgentProcess.freePort();
    // The port is chosen here, not by the browser: the panel is read while the kiosk is still pairing.
    KioskOptions kiosk = new KioskOptions(Chromium.kioskCommand(1920, 1080, tmp.resolve("browser"), "{url}", devtoolsPort),
        null, controllerUrl);
    Path dataDir = Files.createDirectories(tmp.resolve("kiosk"));

    // Given a new kiosk: the browser shows the pairing page from the start
    CompletableFuture<PairingKiosk.Enrolled> enrolled = CompletableFuture.supplyAsync(() -> {
      try {
        return PairingKiosk.enroll(dataDir, controllerUrl, pagePort, Duration.ofMillis(500), null, kiosk);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    closer.add(() -> enrolled.thenAccept(e -> {
      if (e.browser() != null) {
        e.browser().close();
      }
    }));
    DevTools panel = new DevTools(() -> Optional.of(devtoolsPort), "http://127.0.0.1:" + pagePort + "/");
    String code = await().atMost(DEADLINE).ignoreExceptions().until(() -> {
      JsonNode waiting = api.get("/api/v1/enrollments").body();
      return waiting.size() == 1 ? waiting.get(0).get("displayCode").asText() : null;
    }, c -> c != null);
    await().atMost(DEADLINE).ignoreExceptions()
        .until(() -> panel.evaluate("document.getElementById('code').textContent").asText().equals(code));
    assertThat(panel.evaluate("document.getElementById('controller').textContent").asText())
        .isEqualTo(controllerUrl.toString());
    assertThat(panel.evaluate("document.getElementById('label').textContent").asText())
        .isEqualTo("Mã ghép nối · Pairing code");
    keep(panel, "kiosk-1-pairing-code");

    // When the code is assigned, the same browser shows the player page: the "no content yet" card
    assertThat(api.postJson("/api/v1/enrollments/" + code + "/assign", Map.of("screenId", SCREEN,
        "name", "Lào Cai hall 9 <b>", "clusterId", "lao-cai")).status()).isEqualTo(200);
    PairingKiosk.Enrolled done = enrolled.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    assertThat(done.browser()).isNotNull();
    Identity identity = done.identity();
    AgentConfig config = AgentConfig.of(identity.screenId(), identity.brokerUrl(), dataDir).withPagePort(done.pagePort())
        .withHeartbeatSeconds(1).withCredentials(identity.mqttUsername(), identity.mqttPassword())
        .withControllerKey(identity.signingKey());
    PlayerAgent agent = PlayerAgent.start(config, Clock.systemUTC(), kiosk, done.browser());
    closer.add(agent);
    assertThat(agent.kiosk().orElseThrow().launches()).as("the pairing browser is kept, not launched again").isEqualTo(1);
    await().atMost(DEADLINE).ignoreExceptions().until(() -> panel.evaluate(
        "document.getElementById('placeholder').classList.contains('on')"
        + " && document.getElementById('placeholder-screen').textContent").asText().equals(SCREEN));
    assertThat(panel.evaluate("document.getElementById('placeholder-title-vi').textContent").asText())
        .isNotBlank();
    keep(panel, "kiosk-2-no-content-card");

    // Then the fleet API reports it as a problem: it would be black
    await().atMost(DEADLINE).until(() -> health().path("displayProblem").asText().equals("NOTHING_TO_PLAY"));
    assertThat(health().path("showing").asText()).isEqualTo("PLACEHOLDER");
    assertThat(health().path("displayProblemDetail").asText()).contains("no content yet");

    // When a schedule arrives that has nothing for now (a campaign for next year only), the card names
    // the gate and the screen as people named them, with their ids under the names
    byte[] slide = Files.readAllBytes(Path.of(getClass().getResource("/demo-content/welcome.svg").toURI()));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(slide));
    assertThat(api.upload(slide, "image/svg+xml", sha).status()).isEqualTo(201);
    assertThat(api.postJson("/api/v1/content", Map.of("id", "welcome", "title", "Chào mừng", "mediaSha256", sha,
        "durationSeconds", 30)).status()).isEqualTo(201);
    Accounts.approve(api, controller.httpPort(), "welcome");
    assertThat(api.postJson("/api/v1/playlists", Map.of("id", "lao-cai-fill", "name", "Lào Cai fill",
        "entries", List.of(Map.of("contentId", "welcome")))).status()).isEqualTo(201);
    LocalDate nextYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(1);
    assertThat(api.postJson("/api/v1/campaigns", Map.of("id", "next-year", "name", "Năm sau",
        "playlistId", "lao-cai-fill", "targets", Map.of("screens", List.of(SCREEN)),
        "start", nextYear + "T00:00", "end", nextYear.plusDays(1) + "T00:00")).status()).isEqualTo(201);
    assertThat(api.publishAndAwait().body().get("sent")).hasSize(1);
    await().atMost(DEADLINE).ignoreExceptions().until(() -> panel.evaluate(
        "document.getElementById('placeholder').dataset.reason").asText().equals("NOTHING_TO_PLAY"));
    await().atMost(DEADLINE).ignoreExceptions().until(() -> panel.evaluate(
        "document.getElementById('placeholder-gate-name').textContent").asText().equals("Lào Cai"));
    assertThat(panel.evaluate("document.getElementById('placeholder').classList.contains('on')").asBoolean()).isTrue();
    assertThat(panel.evaluate("document.getElementById('placeholder-screen-name').textContent").asText())
        .isEqualTo("Lào Cai hall 9 <b>");
    assertThat(panel.evaluate("document.querySelector('#placeholder b') === null").asBoolean())
        .as("a name is text, never markup").isTrue();
    assertThat(panel.evaluate("document.getElementById('placeholder-screen-id').textContent").asText())
        .isEqualTo(SCREEN);
    assertThat(panel.evaluate("document.getElementById('placeholder-gate-id').textContent").asText())
        .isEqualTo("lao-cai");
    assertThat(panel.evaluate("document.getElementById('placeholder-title-vi').textContent").asText())
        .isEqualTo("Chưa có nội dung cho cổng này");
    keep(panel, "kiosk-2b-no-content-card-with-names");

    // When the gate gets a default playlist and a publish goes out, the screen plays it as the fill
    assertThat(api.putJson("/api/v1/clusters/lao-cai", Map.of("name", "Lào Cai", "province", "Lào Cai",
        "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans"), "defaultPlaylistId", "lao-cai-fill"))
        .status()).isEqualTo(200);
    assertThat(api.get("/api/v1/clusters/lao-cai").body().path("defaultPlaylistId").asText()).isEqualTo("lao-cai-fill");
    assertThat(api.publishAndAwait().body().get("sent")).hasSize(1);

    await().atMost(DEADLINE).until(() -> agent.page().pageShows().equals("welcome"));
    // The display state (its own event) and what plays (the heartbeat) reach the controller apart: await
    // the state where both agree (default fill on screen, no display problem).
    await().atMost(DEADLINE).until(() -> {
      JsonNode health = health();
      return health.path("showing").asText().equals("DEFAULT_FILL") && health.path("displayProblem").isNull();
    });
    assertThat(panel.evaluate("document.getElementById('placeholder').classList.contains('on')").asBoolean()).isFalse();
    keep(panel, "kiosk-3-gate-default-fill");
  }

  @Test
  void aDefaultPlaylistThatDoesNotExistIsRefusedNamingTheField() {
    ApiClient.Answer answer = api.postJson("/api/v1/clusters", Map.of("id", "ha-giang", "name", "Hà Giang",
        "province", "Hà Giang", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi"), "defaultPlaylistId", "nope"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("code").asText()).isEqualTo("UNKNOWN_PLAYLIST");
    assertThat(answer.body().path("details").path("field").asText()).isEqualTo("defaultPlaylistId");
    assertThat(api.get("/api/v1/clusters/ha-giang").status()).isEqualTo(404);
  }

  private JsonNode health() {
    return api.get("/api/v1/screens/" + SCREEN).body().path("health");
  }

  /** The panel as it is now, kept as a PNG under target/screenshots/ (the screenshot itself is a JPEG). */
  private static void keep(DevTools panel, String name) throws Exception {
    var picture = ImageIO.read(new ByteArrayInputStream(panel.screenshot()));
    assertThat(picture.getWidth()).isEqualTo(1920);
    assertThat(picture.getHeight()).isEqualTo(1080);
    ImageIO.write(picture, "png", Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png").toFile());
  }
}
