package io.gatecast.agent;

import static io.gatecast.agent.TestRules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.gatecast.agent.kiosk.KioskOptions;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.Command.Kind;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.CommandResult.Outcome;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.ScreenHealth.Display;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.testkit.Chromium;
import io.gatecast.testkit.Closer;
import io.gatecast.testkit.IntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent running the kiosk browser itself (real headless Chromium): it launches it, sees the
 * page showing, restarts it when it dies, and takes a real screenshot over DevTools that it
 * uploads to the controller.
 */
@IntegrationTest
class KioskTest {
  private static final String SCREEN = "bac-son-gate-2";
  private static final String PASSWORD = "s3cret-mqtt";
  /**
   * A bound on waiting, not a speed expected: Chromium's first start (DevTools port, page shown)
   * took over 30 s once on the shared 2-core machine at load 40. Every wait is an until.
   */
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  /** One PUT the test controller received. */
  record Upload(String path, String authorization, String contentType, byte[] body) {}

  @TempDir Path dataDir;
  @TempDir Path profile;
  private final Closer closer = new Closer();
  private final List<Upload> uploads = new CopyOnWriteArrayList<>();
  private final TestKeys keys = TestKeys.generate();
  private TestBroker broker;
  private ControllerSpy controller;
  private MediaServer media;
  private HttpServer controllerHttp;

  @BeforeEach
  void startWorld() throws Exception {
    Chromium.requireInstalled();
    broker = closing(new TestBroker());
    media = closing(new MediaServer());
    controller = closing(new ControllerSpy(broker.url(), SCREEN, keys.signer()));
    controllerHttp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    controllerHttp.createContext("/", exchange -> {
      try (exchange) {
        uploads.add(new Upload(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestBody().readAllBytes()));
        exchange.sendResponseHeaders(201, -1);
      }
    });
    controllerHttp.start();
    closer.add(() -> controllerHttp.stop(0));
  }

  @AfterEach
  void stopWorld() throws Exception {
    closer.close();
  }

  @Test
  void theAgentRunsTheBrowserScreenshotsWhatIsOnScreenAndUploadsIt() throws Exception {
    PlayerAgent agent = givenKioskAgentPlaying();

    controller.sendCommand(SCREEN, command(1, Kind.SCREENSHOT));

    CommandResult result = awaitResult(1);
    assertThat(result.outcome()).as(String.valueOf(result.detail())).isEqualTo(Outcome.DONE);
    String sha256 = result.attachmentSha256();
    Upload upload = await().atMost(DEADLINE).until(() -> uploads.stream().findFirst(), Optional::isPresent).get();
    assertThat(upload.path()).isEqualTo("PUT /api/v1/screens/" + SCREEN + "/screenshots/" + sha256);
    assertThat(upload.authorization()).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString((SCREEN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    // A JPEG by design (issue 19): a full HD screenshot stays a few hundred kB over 4G.
    assertThat(upload.contentType()).isEqualTo("image/jpeg");
    assertThat(MediaServer.sha256(upload.body())).isEqualTo(sha256);
    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(upload.body()));
    assertThat(shot.getWidth()).isGreaterThan(100);
    // The slide's colour is what is on screen (the page's ticker covers only the bottom).
    // (JPEG: the colour within a few levels of the slide's.)
    Color seen = new Color(shot.getRGB(shot.getWidth() / 2, shot.getHeight() / 3));
    assertThat(seen.getRed()).isCloseTo(0x0d, org.assertj.core.data.Offset.offset(4));
    assertThat(seen.getGreen()).isCloseTo(0x33, org.assertj.core.data.Offset.offset(4));
    assertThat(seen.getBlue()).isCloseTo(0x58, org.assertj.core.data.Offset.offset(4));
    assertThat(dataDir.resolve("screenshots").resolve(sha256 + ".jpg")).exists();
    Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("command-screenshot.jpg"), upload.body());

    // The same signed command again (the controller re-sends a command until it has the answer,
    // issue 22) is not run again: its answer is sent again, and nothing more is uploaded.
    controller.sendCommand(SCREEN, command(1, Kind.SCREENSHOT));
    await().atMost(DEADLINE).until(() -> controller.commandResults.stream().filter(r -> r.sequence() == 1).count() == 2);
    assertThat(controller.commandResults.stream().filter(r -> r.sequence() == 1)).allMatch(result::equals);
    assertThat(controller.rejections).noneMatch(r -> r.reason() == Rejection.REPLAYED_OR_OLDER);
    assertThat(uploads).hasSize(1);

    controller.sendCommand(SCREEN, command(2, Kind.RELOAD));
    assertThat(awaitResult(2).detail()).contains("DevTools");
    assertThat(agent.display().display()).isIn(Display.SHOWING, Display.NOT_SHOWING);
  }

  @Test
  void aBrowserThatDiesIsStartedAgainAndTheDisplayStateSaysSo() throws Exception {
    PlayerAgent agent = givenKioskAgentPlaying();
    long firstPid = agent.kiosk().orElseThrow().pid().orElseThrow();

    ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

    await().atMost(DEADLINE).until(() -> agent.kiosk().get().launches() == 2);
    await().atMost(DEADLINE).until(() -> agent.display().display() == Display.SHOWING
        && agent.kiosk().get().pid().map(pid -> pid != firstPid).orElse(false));
  }

  private PlayerAgent givenKioskAgentPlaying() throws Exception {
    byte[] slide = png(new Color(0x0d, 0x33, 0x58));
    MediaRef file = TestRules.media(media.serve(slide), slide, "image/png");
    controller.publishRetained(schedule(SCREEN, 1, new ItemSpec("gate-hours", "Giờ mở cửa · 开放时间",
        List.of(VariantSpec.media("vi", file, 30)))));
    List<String> browser = new ArrayList<>(List.of(Chromium.BINARY));
    browser.addAll(Chromium.HEADLESS_FLAGS);
    browser.addAll(List.of("--remote-debugging-port=0", "--user-data-dir=" + profile, "{url}"));
    AgentConfig config = AgentConfig.of(SCREEN, broker.url(), dataDir).withPagePort(0).withHeartbeatSeconds(1)
        .withCredentials(SCREEN, PASSWORD).withControllerKey(keys.pinned());
    PlayerAgent agent = closing(PlayerAgent.start(config, Clock.systemUTC(), new KioskOptions(browser, null,
        URI.create("http://127.0.0.1:" + controllerHttp.getAddress().getPort() + "/"))));
    await().atMost(DEADLINE).until(() -> agent.appliedVersion().isPresent()
        && agent.display().display() == Display.SHOWING && agent.kiosk().get().devtoolsPort().isPresent()
        && agent.page().pageShows().equals("gate-hours"));
    return agent;
  }

  private byte[] command(long sequence, Kind kind) {
    return keys.signer().signToBytes(Signed.COMMAND,
        new Command(Header.now(Instant.now()), SCREEN, sequence, kind, null), Instant.now().plusSeconds(600));
  }

  private CommandResult awaitResult(long sequence) {
    return await().atMost(DEADLINE).until(() -> controller.commandResults.stream()
        .filter(r -> r.sequence() == sequence).findFirst(), Optional::isPresent).get();
  }

  private static byte[] png(Color color) throws Exception {
    BufferedImage picture = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 1920, 1080);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", out);
    return out.toByteArray();
  }

  private <T extends AutoCloseable> T closing(T resource) {
    return closer.add(resource);
  }
}
