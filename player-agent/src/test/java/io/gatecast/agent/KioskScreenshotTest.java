package io.gatecast.agent;

import static io.gatecast.agent.TestRules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.gatecast.agent.kiosk.DevTools;
import io.gatecast.agent.kiosk.KioskOptions;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.Command.Kind;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.CommandResult.Outcome;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScreenHealth.Display;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.testkit.Chromium;
import io.gatecast.testkit.Closer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.TestVideo;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screenshots of real slides on real panels (headless Chromium at the panel's size, run by the
 * agent): a full HD photo, a video frame, a portrait panel and a 4K panel. Each is a JPEG the
 * controller accepts, decoding to the panel's size — or, for a panel larger than full HD, to the
 * documented scaled size (long side {@link DevTools#MAX_LONG_SIDE}).
 */
@IntegrationTest
class KioskScreenshotTest {
  private static final String SCREEN = "lao-cai-hall-3";
  private static final String PASSWORD = "s3cret-mqtt";
  private static final Duration DEADLINE = Duration.ofSeconds(40);
  /** The largest string the protocol's mapper reads: the old screenshots failed beyond it. */
  private static final int PROTOCOL_STRING_LIMIT = 262_144;

  record Upload(String path, String contentType, byte[] body) {}

  @TempDir Path dataDir;
  @TempDir Path profile;
  private final Closer closer = new Closer();
  private final List<Upload> uploads = new CopyOnWriteArrayList<>();
  private final TestKeys keys = TestKeys.generate();
  private final AtomicLong sequence = new AtomicLong();
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
            exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
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
  void aFullHdPhotoSlideIsCapturedAtThePanelsSize() throws Exception {
    byte[] photo = photo(1920, 1080);
    kioskAgent(1920, 1080, slide("border-photo", photo, "image/png"));

    BufferedImage shot = screenshot("screenshot-fullhd-photo");

    assertThat(shot.getWidth()).isEqualTo(1920);
    assertThat(shot.getHeight()).isEqualTo(1080);
  }

  @Test
  void aVideoSlideIsCapturedWhilePlaying() throws Exception {
    byte[] still = photo(1920, 1080);
    PlayerAgent agent = kioskAgent(1920, 1080, slide("still", still, "image/png"));
    byte[] clip = TestVideo.webm();
    controller.publishRetained(schedule(SCREEN, 2, slide("clip", clip, "video/webm")));
    await().atMost(DEADLINE).until(() -> agent.page().pageShows().equals("clip"));
    await().atMost(DEADLINE).until(() -> agent.devTools().evaluate("(function () {"
        + " var v = document.querySelector('#stage > .on'); return !!v && v.tagName === 'VIDEO' && !v.paused"
        + " && v.currentTime > 0; })()").asBoolean());

    BufferedImage shot = screenshot("screenshot-video");

    assertThat(shot.getWidth()).isEqualTo(1920);
    assertThat(shot.getHeight()).isEqualTo(1080);
  }

  @Test
  void aPortraitPanelIsCapturedUpright() throws Exception {
    kioskAgent(1080, 1920, slide("portrait-photo", photo(1080, 1920), "image/png"));

    BufferedImage shot = screenshot("screenshot-portrait");

    assertThat(shot.getWidth()).isEqualTo(1080);
    assertThat(shot.getHeight()).isEqualTo(1920);
  }

  @Test
  void aFourKPanelIsScaledToFullHdSoTheUploadStaysSmall() throws Exception {
    kioskAgent(3840, 2160, slide("4k-photo", photo(3840, 2160), "image/png"));

    BufferedImage shot = screenshot("screenshot-4k");

    assertThat(Math.max(shot.getWidth(), shot.getHeight())).isEqualTo(DevTools.MAX_LONG_SIDE);
    assertThat(shot.getWidth()).isEqualTo(1920);
    assertThat(shot.getHeight()).isEqualTo(1080);
  }

  /** Asks for a screenshot by signed command and returns the uploaded picture, after the checks every one must pass. */
  private BufferedImage screenshot(String name) throws Exception {
    long seq = sequence.incrementAndGet();
    int before = uploads.size();
    controller.sendCommand(SCREEN, keys.signer().signToBytes(Signed.COMMAND,
        new Command(Header.now(Instant.now()), SCREEN, seq, Kind.SCREENSHOT, null), Instant.now().plusSeconds(600)));
    CommandResult result = await().atMost(DEADLINE).until(() -> controller.commandResults.stream()
        .filter(r -> r.sequence() == seq).findFirst(), Optional::isPresent).get();
    assertThat(result.outcome()).as(String.valueOf(result.detail())).isEqualTo(Outcome.DONE);
    await().atMost(DEADLINE).until(() -> uploads.size() > before);
    Upload upload = uploads.get(before);
    assertThat(upload.path()).endsWith("/screenshots/" + result.attachmentSha256());
    assertThat(upload.contentType()).isEqualTo("image/jpeg");
    assertThat(MediaServer.sha256(upload.body())).isEqualTo(result.attachmentSha256());
    Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".jpg"), upload.body());
    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(upload.body()));
    assertThat(shot).as("the upload decodes as an image").isNotNull();
    return shot;
  }

  private ItemSpec slide(String id, byte[] bytes, String mimeType) {
    MediaRef file = TestRules.media(media.serve(bytes), bytes, mimeType);
    return new ItemSpec(id, id, List.of(VariantSpec.media("vi", file, 600)));
  }

  private PlayerAgent kioskAgent(int width, int height, ItemSpec first) throws Exception {
    controller.publishRetained(schedule(SCREEN, 1, first));
    // A panel of this size with the page full screen on it, as --kiosk on a real display.
    List<String> browser = Chromium.kioskCommand(width, height, profile, "{url}");
    AgentConfig config = AgentConfig.of(SCREEN, broker.url(), dataDir).withPagePort(0).withHeartbeatSeconds(1)
        .withCredentials(SCREEN, PASSWORD).withControllerKey(keys.pinned());
    PlayerAgent agent = closing(PlayerAgent.start(config, Clock.systemUTC(), new KioskOptions(browser, null,
        URI.create("http://127.0.0.1:" + controllerHttp.getAddress().getPort() + "/"))));
    await().atMost(DEADLINE).until(() -> agent.appliedVersion().isPresent()
        && agent.display().display() == Display.SHOWING && agent.kiosk().get().devtoolsPort().isPresent()
        && agent.page().pageShows().equals(first.id()));
    return agent;
  }

  /**
   * A photo-like picture: soft gradients under fine grain, which compresses like a real photo
   * (as a PNG screenshot its base64 is far beyond {@value #PROTOCOL_STRING_LIMIT} characters).
   */
  private static byte[] photo(int width, int height) throws Exception {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x2e, 0x7d, 0x32), width, height, new Color(0x81, 0xd4, 0xfa)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    Random grain = new Random(19);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = picture.getRGB(x, y);
        int n = grain.nextInt(48) - 24;
        int r = clamp(((rgb >> 16) & 0xff) + n);
        int gr = clamp(((rgb >> 8) & 0xff) + n);
        int b = clamp((rgb & 0xff) + n);
        picture.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", out);
    assertThat(Base64.getEncoder().encodeToString(out.toByteArray()).length()).isGreaterThan(PROTOCOL_STRING_LIMIT);
    return out.toByteArray();
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private <T extends AutoCloseable> T closing(T resource) {
    return closer.add(resource);
  }
}
