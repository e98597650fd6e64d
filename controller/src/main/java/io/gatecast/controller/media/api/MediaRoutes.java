package io.gatecast.controller.media.api;

import io.gatecast.controller.media.MediaInspector;
import io.gatecast.controller.media.MediaLibrary;
import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.refusal.Refusal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/**
 * Uploads (streamed to disk while hashed, never held in memory), the media library (metadata,
 * thumbnails, delete, purge: {@link MediaLibrary}), and downloads for agents with HTTP Range
 * support so an interrupted download can resume. The stored type comes from the bytes
 * ({@link io.gatecast.controller.media.MediaInspector}); a declared Content-Type that contradicts
 * them is refused.
 */
public final class MediaRoutes {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  /** Media is never a page: sandboxed (a unique origin, no script), and it may load nothing but itself. */
  static final String MEDIA_CSP = "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self';"
      + " style-src 'unsafe-inline'";

  private final Vertx vertx;
  private final MediaStore store;
  private final MediaLibrary library;
  private final long maxUploadBytes;

  /** @param library the only library serving requests: its queue orders every file-and-row change */
  public MediaRoutes(Vertx vertx, MediaStore store, MediaLibrary library, long maxUploadBytes) {
    this.vertx = vertx;
    this.store = store;
    this.library = library;
    this.maxUploadBytes = maxUploadBytes;
  }

  public void mount(Router router) {
    router.post("/api/v1/media").handler(this::upload);
    router.post("/api/v1/media/purge").handler(ctx ->
        library.purge(AuthHandler.user(ctx).username()).onSuccess(purged -> Json.send(ctx, 200, purged))
            .onFailure(ctx::fail));
    router.get("/api/v1/media").handler(ctx -> library.all().onSuccess(all -> Json.send(ctx, 200, all))
        .onFailure(ctx::fail));
    router.get("/api/v1/media/:sha256").handler(ctx -> {
      String sha = checkedSha(ctx.pathParam("sha256"), "the path");
      library.find(sha)
          .onSuccess(found -> Json.send(ctx, 200, found))
          .onFailure(ctx::fail);
    });
    router.get("/api/v1/media/:sha256/thumbnail").handler(ctx -> {
      String sha = checkedSha(ctx.pathParam("sha256"), "the path");
      library.thumbnail(sha).onSuccess(thumbnail -> ctx.response()
          .putHeader("content-type", thumbnail.mimeType())
          // An SVG one is a document too: the same guards as its download (the console fetches it, not a tab).
          .putHeader("content-security-policy", MEDIA_CSP)
          .putHeader("x-content-type-options", "nosniff")
          // The same hash always has the same thumbnail (or placeholder): cache it a day.
          .putHeader("cache-control", "private, max-age=86400")
          .end(io.vertx.core.buffer.Buffer.buffer(thumbnail.bytes()))).onFailure(ctx::fail);
    });
    router.delete("/api/v1/media/:sha256").handler(ctx -> {
      String sha = checkedSha(ctx.pathParam("sha256"), "the path");
      library.delete(AuthHandler.user(ctx).username(), sha)
          .onSuccess(removed -> Json.send(ctx, 200, Map.of("removed", removed))).onFailure(ctx::fail);
    });
    router.get("/media/:sha256").handler(this::beforeDownload);
    router.get("/media/*").handler(StaticHandler.create(FileSystemAccess.ROOT, store.root().toAbsolutePath().normalize().toString())
        .setDirectoryListing(false)
        .setIncludeHidden(false)
        .setFilesReadOnly(true)
        .setDefaultContentEncoding("UTF-8"));
    // Anything under /media/ the handlers above did not serve: a JSON 404 like every other refusal.
    router.get("/media/*").handler(ctx -> ctx.fail(Refusal.of(Kind.NOT_FOUND, "no media at " + ctx.request().path())));
  }

  /** Checks the name and sets the stored type, then lets the static handler serve the bytes and ranges. */
  private void beforeDownload(RoutingContext ctx) {
    String sha = checkedSha(ctx.pathParam("sha256"), "the path");
    library.find(sha).onSuccess(file -> {
      ctx.response().putHeader("content-type", file.mimeType())
          // Opened in a tab at the console's origin, a file is a sandboxed document: no script, no
          // same-origin access to the console's storage, nothing loaded from elsewhere.
          .putHeader("content-security-policy", MEDIA_CSP);
      if (MediaInspector.SVG.equals(file.mimeType())) {
        // An SVG is a document a browser would render; a screen shows it with <img>, which ignores
        // this, while a tab saves it instead of opening it.
        ctx.response().putHeader("content-disposition", "attachment; filename=\"" + sha + ".svg\"");
      }
      ctx.next();
    }).onFailure(ctx::fail);
  }

  private void upload(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    request.pause();
    String length = request.getHeader("content-length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxUploadBytes) {
      // The body is never read, so the connection cannot carry another request: close it after the answer.
      ctx.response().putHeader("connection", "close").endHandler(v -> request.connection().close());
      throw Refusal.of(Kind.TOO_LARGE, "the upload is " + length + " bytes, larger than the limit of " + maxUploadBytes
          + " bytes; nothing was stored");
    }
    String declaredType = request.getHeader("content-type");
    String declared = request.getHeader("x-content-sha256");
    if (declared != null) {
      declared = checkedSha(declared.toLowerCase(), "the X-Content-SHA256 header");
    }
    String expected = declared;
    String name = request.getParam("name");
    Upload upload = new Upload();
    vertx.fileSystem().createTempFile(store.root().resolve(".incoming").toString(), "upload-", ".part", (String) null)
        .compose(tmp -> {
          upload.path = Path.of(tmp);
          return vertx.fileSystem().open(tmp, new OpenOptions().setWrite(true).setTruncateExisting(true));
        })
        .compose(file -> receive(request, file, upload))
        .compose(v -> {
          Path received = upload.path;
          upload.path = null; // the library moves or deletes it from here on
          return library.add(AuthHandler.user(ctx).username(), new MediaLibrary.Received(received,
              HexFormat.of().formatHex(upload.digest.digest()), upload.size, expected, declaredType, name));
        })
        .onSuccess(result -> Json.send(ctx, 201, result))
        .onFailure(failure -> {
          if (upload.path != null) {
            vertx.fileSystem().delete(upload.path.toString());
          }
          ctx.fail(failure);
        });
  }

  /** Streams the body to {@code file}, hashing as it goes and stopping at the size limit. */
  private Future<Void> receive(HttpServerRequest request, AsyncFile file, Upload upload) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    request.handler(chunk -> {
      upload.size += chunk.length();
      if (upload.size > maxUploadBytes) {
        request.handler(null);
        request.connection().close();
        file.close();
        done.tryFail(Refusal.of(Kind.TOO_LARGE, "the upload is larger than the limit of " + maxUploadBytes + " bytes"));
        return;
      }
      upload.digest.update(chunk.getBytes());
      file.write(chunk);
      if (file.writeQueueFull()) {
        request.pause();
        file.drainHandler(v -> request.resume());
      }
    });
    request.exceptionHandler(e -> {
      file.close();
      done.tryFail(e);
    });
    request.endHandler(v -> file.flush().compose(x -> file.close()).onComplete(done));
    request.resume();
    return done.future();
  }

  private static String checkedSha(String value, String where) {
    if (value == null || !SHA256.matcher(value).matches()) {
      throw Refusal.of(Kind.BAD_INPUT, where + " must carry a SHA-256 as 64 lowercase hex digits, got '" + value + "'");
    }
    return value;
  }

  /** An upload in progress. */
  private static final class Upload {
    final MessageDigest digest = sha256();
    Path path;
    long size;

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
