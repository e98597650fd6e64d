package io.gatecast.controller.screenshots.api;

import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.controller.screenshots.ScreenshotStore;
import io.gatecast.controller.commands.CommandRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screenshots.ScreenshotRepository;
import io.gatecast.controller.screenshots.ScreenshotRepository.Screenshot;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.Json;

/**
 * Screenshots: the agent uploads the picture a SCREENSHOT command asked for
 * ({@code PUT /api/v1/screens/{id}/screenshots/{sha256}}, HTTP Basic with the screen's MQTT login),
 * and the console fetches it ({@code GET} on the same path). An upload is refused unless the
 * screen logs in as itself, has a SCREENSHOT command unanswered, the body hashes to the name, is
 * within the size limit and is a PNG or JPEG by its first bytes. Mounted before the JSON body
 * handler: the body is read here, with its own limit.
 */
public final class ScreenshotRoutes {
  static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Vertx vertx;
  private final Database db;
  private final ScreenshotStore store;
  private final Clock clock;
  private final ScreenRepository screens = new ScreenRepository();
  private final CommandRepository commands = new CommandRepository();
  private final ScreenshotRepository screenshots = new ScreenshotRepository();

  public ScreenshotRoutes(Vertx vertx, Database db, ScreenshotStore store, Clock clock) {
    this.vertx = vertx;
    this.db = db;
    this.store = store;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.put("/api/v1/screens/:id/screenshots/:sha256").handler(this::upload);
    router.get("/api/v1/screens/:id/screenshots/:sha256").handler(this::download);
  }

  private void upload(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    request.pause();
    String screenId = ctx.pathParam("id");
    String sha = checkedSha(ctx.pathParam("sha256"));
    String password;
    try {
      password = basicPasswordOf(ctx, screenId);
    } catch (Refusal e) {
      fail(ctx, e);
      return;
    }
    db.transaction(c -> new Object[] {screens.passwordHash(c, screenId).orElse(null), commands.awaitsScreenshot(c, screenId)})
        .compose(found -> vertx.executeBlocking(() -> {
          // PBKDF2 (cheap at a screen password's count, slow at an old one's): off the event loop and the database thread.
          if (!PasswordHash.matches(password, (String) found[0])) {
            throw unauthorized("wrong login for screen " + screenId);
          }
          if (!(Boolean) found[1]) {
            throw Refusal.of(Kind.CONFLICT,
                "screen " + screenId + " was not asked for a screenshot (no SCREENSHOT command is"
                + " waiting for its answer); nothing was stored");
          }
          return null;
        }, false))
        .compose(v -> receive(request, ctx))
        .compose(body -> verifyAndStore(screenId, sha, body))
        .onSuccess(shot -> Json.send(ctx, 201, shot))
        .onFailure(e -> fail(ctx, e));
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    if (e instanceof Refusal refusal && refusal.kind() == Kind.UNAUTHENTICATED) {
      ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"gatecast-screens\"");
    }
    ctx.fail(e);
  }

  private void download(RoutingContext ctx) {
    String screenId = ctx.pathParam("id");
    String sha = checkedSha(ctx.pathParam("sha256"));
    db.transaction(c -> screenshots.find(c, screenId, sha)
            .orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "screen " + screenId + " has no screenshot " + sha)))
        .onSuccess(shot -> ctx.response().putHeader("content-type", shot.mimeType())
            .sendFile(store.pathOf(sha).toString()).onFailure(ctx::fail))
        .onFailure(ctx::fail);
  }

  /** Reads the body into memory, stopping at the limit (a screenshot is a few MB at most). */
  private static Future<Buffer> receive(HttpServerRequest request, RoutingContext ctx) {
    String declared = request.getHeader("content-length");
    if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BYTES) {
      // Refused before reading a byte; the unread body makes the connection unusable, so it is closed after the answer.
      ctx.response().putHeader("connection", "close").endHandler(v -> request.connection().close());
      return Future.failedFuture(Refusal.of(Kind.TOO_LARGE,
          "the screenshot is larger than the limit of " + MAX_BYTES + " bytes"));
    }
    Promise<Buffer> done = Promise.promise();
    Buffer body = Buffer.buffer();
    request.handler(chunk -> {
      if (body.length() + chunk.length() > MAX_BYTES) {
        request.handler(null);
        done.tryFail(Refusal.of(Kind.TOO_LARGE, "the screenshot is larger than the limit of " + MAX_BYTES + " bytes"));
        request.connection().close();
        return;
      }
      body.appendBuffer(chunk);
    });
    request.exceptionHandler(done::tryFail);
    request.endHandler(v -> done.tryComplete(body));
    request.resume();
    return done.future();
  }

  private Future<Screenshot> verifyAndStore(String screenId, String sha, Buffer body) {
    byte[] bytes = body.getBytes();
    if (bytes.length == 0) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT,
          "the screenshot is empty; send the image's bytes as the body"));
    }
    String actual = sha256(bytes);
    if (!actual.equals(sha)) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT, "the body's SHA-256 is " + actual + ", not " + sha
          + " as the path says; nothing was stored"));
    }
    String type = ScreenshotStore.imageType(bytes).orElse(null);
    if (type == null) {
      return Future.failedFuture(Refusal.of(Kind.UNSUPPORTED_MEDIA_TYPE,
          "a screenshot must be a PNG or JPEG image (checked by its first"
          + " bytes); nothing was stored"));
    }
    Screenshot shot = new Screenshot(screenId, sha, type, bytes.length, clock.instant());
    // The file goes into place before its row: a crash in between leaves an unreferenced file, never a row without bytes.
    return vertx.executeBlocking(() -> {
      store.save(sha, bytes);
      return null;
    }, false).compose(v -> db.transaction(c -> {
      screenshots.insertIfAbsent(c, shot);
      return shot;
    }));
  }

  /** The password of an HTTP Basic login as {@code screenId}; anything else is a 401. */
  private static String basicPasswordOf(RoutingContext ctx, String screenId) {
    String header = ctx.request().getHeader("authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw unauthorized("log in with HTTP Basic as the screen (its MQTT username and password)");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthorized("the Authorization header is not valid base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0 || !decoded.substring(0, colon).equals(screenId)) {
      throw unauthorized("only screen " + screenId + " may upload its screenshots");
    }
    return decoded.substring(colon + 1);
  }

  private static Refusal unauthorized(String message) {
    return Refusal.of(Kind.UNAUTHENTICATED, message);
  }

  private static String checkedSha(String value) {
    if (value == null || !SHA256.matcher(value).matches()) {
      throw Refusal.of(Kind.BAD_INPUT, "the path must end with the image's SHA-256 as 64 lowercase hex digits");
    }
    return value;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
