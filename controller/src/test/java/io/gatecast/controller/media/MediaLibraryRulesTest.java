package io.gatecast.controller.media;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
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
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media library on a real SQLite file and a real media folder, without a controller or HTTP:
 * what it refuses (by code) and that a refused upload leaves no file, that a used file is kept,
 * and that file and row come and go together, audited.
 */
class MediaLibraryRulesTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  @TempDir Path folder;
  private Database db;
  private MediaStore store;
  private MediaLibrary library;

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    store = new MediaStore(folder);
    library = new MediaLibrary(database.vertx(), db, clock, store, new MediaRepository(), new MediaUsage(),
        new AuditLog(clock));
  }

  @Test
  void anUploadIsStoredAsWhatItsBytesAreFileAndRowTogether() throws IOException {
    byte[] png = png(64, 32);
    Media stored = await(library.add("editor", received(png, null, "image/png", "logo.png")));

    assertEquals("image/png", stored.mimeType());
    assertEquals(64, stored.width());
    assertEquals(png.length, stored.sizeBytes());
    assertEquals(NOW, stored.createdAt());
    assertArrayEquals(png, Files.readAllBytes(store.pathOf(sha256(png))));
    assertEquals(stored, await(library.find(sha256(png))));
    assertEquals(List.of(stored), await(library.all()));
    assertEquals(List.of("upload"), actionsOn(sha256(png)));
  }

  @Test
  void anEmptyADamagedOrAMislabelledUploadIsRefusedAndLeavesNoFile() throws IOException {
    MediaLibrary.Received empty = received(new byte[0], null, null, null);
    assertEquals("BAD_INPUT", refused(library.add("editor", empty)).code());
    assertFalse(Files.exists(empty.file()), "a refused upload is deleted");

    byte[] png = png(8, 8);
    MediaLibrary.Received damaged = received(png, sha256("other bytes".getBytes(StandardCharsets.UTF_8)), null, null);
    Refusal mismatch = refused(library.add("editor", damaged));
    assertEquals(Refusal.Kind.BAD_INPUT, mismatch.kind());
    assertTrue(mismatch.getMessage().contains("X-Content-SHA256"));
    assertFalse(Files.exists(damaged.file()));

    MediaLibrary.Received mislabelled = received(png, sha256(png), "video/mp4", null);
    Refusal contradicted = refused(library.add("editor", mislabelled));
    assertEquals(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, contradicted.kind());
    assertEquals("MEDIA_TYPE_MISMATCH", contradicted.code());
    assertEquals(Map.of("declared", "video/mp4", "actual", "image/png"), contradicted.details());
    assertFalse(Files.exists(mislabelled.file()));

    byte[] script = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
        .getBytes(StandardCharsets.UTF_8);
    assertEquals("SVG_UNSAFE", refused(library.add("editor", received(script, null, null, null))).code(),
        "the inspector's own code is kept");

    assertEquals(List.of(), await(library.all()), "nothing refused is stored");
    assertFalse(Files.exists(store.pathOf(sha256(png))));
  }

  @Test
  void aFileInUseIsKeptAndAnUnusedOneIsDeletedOrPurged() throws IOException {
    byte[] used = png(10, 10);
    byte[] spare = png(20, 20);
    byte[] other = png(30, 30);
    for (byte[] bytes : List.of(used, spare, other)) {
      await(library.add("editor", received(bytes, null, null, null)));
    }
    await(db.transaction(c -> {
      new ContentRepository().insert(c, "gate-hours", "Gate hours",
          List.of(new ContentVariant("vi", sha256(used), null, 10)), "editor", NOW);
      return null;
    }));

    Refusal inUse = refused(library.delete("editor", sha256(used)));
    assertEquals(Refusal.Kind.CONFLICT, inUse.kind());
    assertTrue(inUse.getMessage().contains("content item gate-hours"), inUse.getMessage());
    assertTrue(Files.exists(store.pathOf(sha256(used))));

    assertEquals(sha256(spare), await(library.delete("editor", sha256(spare))).sha256());
    assertFalse(Files.exists(store.pathOf(sha256(spare))));
    assertEquals("NOT_FOUND", refused(library.delete("editor", sha256(spare))).code());
    assertEquals("NOT_FOUND", refused(library.find(sha256(spare))).code());
    assertEquals("NOT_FOUND", refused(library.thumbnail(sha256(spare))).code());

    MediaLibrary.Purged purged = await(library.purge("editor"));
    assertEquals(List.of(sha256(other)), purged.removed().stream().map(Media::sha256).toList());
    assertEquals(other.length, purged.bytesFreed());
    assertFalse(Files.exists(store.pathOf(sha256(other))));
    assertEquals(List.of(sha256(used)), await(library.all()).stream().map(Media::sha256).toList());
    assertEquals(List.of("delete", "upload"), actionsOn(sha256(spare)));
    assertEquals(List.of("purge", "upload"), actionsOn(sha256(other)));
  }

  private MediaLibrary.Received received(byte[] bytes, String declaredSha, String declaredType, String name)
      throws IOException {
    Path file = store.newIncomingFile();
    Files.write(file, bytes);
    return new MediaLibrary.Received(file, sha256(bytes), bytes.length, declaredSha, declaredType, name);
  }

  private List<String> actionsOn(String sha) {
    return await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, "media", sha, 50)))
        .stream().map(AuditEntry::action).toList();
  }

  private static byte[] png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
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
