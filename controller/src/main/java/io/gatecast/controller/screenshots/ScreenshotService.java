package io.gatecast.controller.screenshots;

import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.controller.commands.CommandRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screenshots.ScreenshotRepository.Screenshot;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Screenshots a SCREENSHOT command asked for. An upload is refused unless the screen logs in with
 * its own MQTT password (UNAUTHENTICATED) and has a SCREENSHOT command unanswered (CONFLICT), both
 * checked before the body is read; then unless the body is not empty and hashes to its name
 * (BAD_INPUT) and is a PNG or JPEG by its first bytes (UNSUPPORTED_MEDIA_TYPE). The file goes into
 * place before its row.
 */
public final class ScreenshotService {
  private final Vertx vertx;
  private final Database db;
  private final Clock clock;
  private final ScreenshotStore store;
  private final ScreenRepository screens;
  private final CommandRepository commands;
  private final ScreenshotRepository screenshots;

  public ScreenshotService(Vertx vertx, Database db, Clock clock, ScreenshotStore store, ScreenRepository screens,
      CommandRepository commands, ScreenshotRepository screenshots) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.store = store;
    this.screens = screens;
    this.commands = commands;
    this.screenshots = screenshots;
  }

  /** Whether {@code screenId}, logging in with {@code password}, may upload a screenshot now. */
  public Future<Void> mayUpload(String screenId, String password) {
    return db.transaction(c -> new Object[] {screens.passwordHash(c, screenId).orElse(null),
            commands.awaitsScreenshot(c, screenId)})
        .compose(found -> vertx.executeBlocking(() -> {
          // PBKDF2 (cheap at a screen password's count, slow at an old one's): off the event loop and the database thread.
          if (!PasswordHash.matches(password, (String) found[0])) {
            throw Refusal.of(Kind.UNAUTHENTICATED, "wrong login for screen " + screenId);
          }
          if (!(Boolean) found[1]) {
            throw Refusal.of(Kind.CONFLICT,
                "screen " + screenId + " was not asked for a screenshot (no SCREENSHOT command is"
                + " waiting for its answer); nothing was stored");
          }
          return null;
        }, false));
  }

  /** Stores the picture {@code sha256} names, once checked. */
  public Future<Screenshot> store(String screenId, String sha256, byte[] bytes) {
    if (bytes.length == 0) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT,
          "the screenshot is empty; send the image's bytes as the body"));
    }
    String actual = sha256(bytes);
    if (!actual.equals(sha256)) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT, "the body's SHA-256 is " + actual + ", not " + sha256
          + " as the path says; nothing was stored"));
    }
    String type = ScreenshotStore.imageType(bytes).orElse(null);
    if (type == null) {
      return Future.failedFuture(Refusal.of(Kind.UNSUPPORTED_MEDIA_TYPE,
          "a screenshot must be a PNG or JPEG image (checked by its first"
          + " bytes); nothing was stored"));
    }
    Screenshot shot = new Screenshot(screenId, sha256, type, bytes.length, clock.instant());
    // The file goes into place before its row: a crash in between leaves an unreferenced file, never a row without bytes.
    return vertx.executeBlocking(() -> {
      store.save(sha256, bytes);
      return null;
    }, false).compose(v -> db.transaction(c -> {
      screenshots.insertIfAbsent(c, shot);
      return shot;
    }));
  }

  /** A stored screenshot of the screen; NOT_FOUND when it has none by that hash. */
  public Future<Screenshot> find(String screenId, String sha256) {
    return db.transaction(c -> screenshots.find(c, screenId, sha256)
        .orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "screen " + screenId + " has no screenshot " + sha256)));
  }

  /** Where a stored screenshot's bytes are. */
  public Path fileOf(Screenshot shot) {
    return store.pathOf(shot.sha256());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
