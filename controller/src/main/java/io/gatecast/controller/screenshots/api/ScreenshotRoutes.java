package io.gatecast.controller.screenshots.api;

import io.gatecast.controller.screenshots.ScreenshotService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.Json;

/**
 * Screenshots: the agent uploads the picture a SCREENSHOT command asked for
 * ({@code PUT /api/v1/screens/{id}/screenshots/{sha256}}, HTTP Basic with the screen's MQTT login),
 * and the console fetches it ({@code GET} on the same path). The rules are
 * {@link ScreenshotService}'s; here the HTTP Basic login as the screen itself is read, and the body,
 * within its size limit. Mounted before the JSON body handler: the body is read here, with its own limit.
 */
public final class ScreenshotRoutes {
  static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final ScreenshotService screenshots;

  public ScreenshotRoutes(ScreenshotService screenshots) {
    this.screenshots = screenshots;
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
    screenshots.mayUpload(screenId, password)
        .compose(v -> receive(request, ctx))
        .compose(body -> screenshots.store(screenId, sha, body.getBytes()))
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
    screenshots.find(screenId, sha)
        .onSuccess(shot -> ctx.response().putHeader("content-type", shot.mimeType())
            .sendFile(screenshots.fileOf(shot).toString()).onFailure(ctx::fail))
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
}
