package io.gatecast.controller.screenshots;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.commands.CommandRepository;
import io.gatecast.controller.commands.StoredCommand;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screenshots.ScreenshotRepository.Screenshot;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screenshots on a real SQLite file and folder, without a controller: only the screen itself, only
 * when asked, only an image that hashes to its name; every refusal by its code.
 */
class ScreenshotServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final String PASSWORD = "the screen's own password";

  @RegisterExtension final TestDatabase database = new TestDatabase();
  @TempDir Path folder;
  private final CommandRepository commands = new CommandRepository();
  private ScreenshotService service;

  @BeforeEach
  void open() {
    ScreenRepository screens = new ScreenRepository();
    service = new ScreenshotService(database.vertx(), database.db(), Clock.fixed(NOW, ZoneOffset.UTC),
        new ScreenshotStore(folder), screens, commands, new ScreenshotRepository());
    await(database.db().transaction(c -> {
      screens.insert(c, "gate-1", "Gate 1", NOW);
      screens.setPassword(c, "gate-1", PASSWORD);
      return null;
    }));
  }

  @Test
  void onlyTheScreenItselfAndOnlyWhenAskedMayUpload() {
    Refusal notAsked = refused(service.mayUpload("gate-1", PASSWORD));
    assertEquals(Refusal.Kind.CONFLICT, notAsked.kind());
    assertEquals("CONFLICT", notAsked.code());

    askForAScreenshot();
    await(service.mayUpload("gate-1", PASSWORD));
    Refusal wrong = refused(service.mayUpload("gate-1", "not the password"));
    assertEquals(Refusal.Kind.UNAUTHENTICATED, wrong.kind());
    assertEquals("UNAUTHENTICATED", wrong.code());
    assertEquals("UNAUTHENTICATED", refused(service.mayUpload("nobody", PASSWORD)).code());
  }

  @Test
  void anImageThatHashesToItsNameIsStoredAndAnythingElseIsRefused() throws IOException {
    assertEquals("BAD_INPUT", refused(service.store("gate-1", sha256(new byte[0]), new byte[0])).code());
    byte[] png = png();
    Refusal misnamed = refused(service.store("gate-1", sha256("other".getBytes(StandardCharsets.UTF_8)), png));
    assertEquals(Refusal.Kind.BAD_INPUT, misnamed.kind());
    byte[] text = "not a picture".getBytes(StandardCharsets.UTF_8);
    Refusal notAnImage = refused(service.store("gate-1", sha256(text), text));
    assertEquals(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, notAnImage.kind());
    assertEquals("UNSUPPORTED_MEDIA_TYPE", notAnImage.code());
    assertEquals("NOT_FOUND", refused(service.find("gate-1", sha256(text))).code(), "nothing refused is stored");
    assertFalse(Files.exists(folder.resolve(sha256(text))));

    Screenshot stored = await(service.store("gate-1", sha256(png), png));
    assertEquals("image/png", stored.mimeType());
    assertEquals(NOW, stored.uploadedAt());
    Screenshot found = await(service.find("gate-1", sha256(png)));
    assertEquals(stored, found);
    assertArrayEquals(png, Files.readAllBytes(service.fileOf(found)));
    assertEquals("NOT_FOUND", refused(service.find("gate-2", sha256(png))).code(), "another screen's is not found");
  }

  private void askForAScreenshot() {
    await(database.db().transaction(c -> {
      commands.insert(c, new StoredCommand("gate-1", 1, "SCREENSHOT", null, NOW, NOW.plusSeconds(3600), "PENDING",
          null, null, null));
      return null;
    }));
  }

  private static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
