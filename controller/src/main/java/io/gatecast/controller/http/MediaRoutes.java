package io.gatecast.controller.http;

import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.Media;
import io.gatecast.controller.store.MediaRepository;
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
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Uploads (streamed to disk while hashed, never held in memory), media metadata, and downloads
 * for agents with HTTP Range support so an interrupted download can resume.
 */
final class MediaRoutes {
  static final Set<String> ALLOWED_TYPES = Set.of(
      "image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml",
      "video/mp4", "video/webm", "text/html");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Vertx vertx;
  private final Database db;
  private final MediaStore store;
  private final Clock clock;
  private final long maxUploadBytes;
  private final MediaRepository media = new MediaRepository();

  MediaRoutes(Vertx vertx, Database db, MediaStore store, Clock clock, long maxUploadBytes) {
    this.vertx = vertx;
    this.db = db;
    this.store = store;
    this.clock = clock;
    this.maxUploadBytes = maxUploadBytes;
  }

  void mount(Router router) {
    router.post("/api/v1/media").handler(this::upload);
    router.get("/api/v1/media").handler(ctx -> db.transaction(media::all).onSuccess(all -> Json.send(ctx, 200, all))
        .onFailure(ctx::fail));
    router.get("/api/v1/media/:sha256").handler(ctx -> {
      String sha = checkedSha(ctx.pathParam("sha256"), "the path");
      db.transaction(c -> media.find(c, sha).orElseThrow(() -> unknownMedia(sha)))
          .onSuccess(found -> Json.send(ctx, 200, found))
          .onFailure(ctx::fail);
    });
    router.get("/media/:sha256").handler(this::beforeDownload);
    router.get("/media/*").handler(StaticHandler.create(FileSystemAccess.ROOT, store.root().toAbsolutePath().normalize().toString())
        .setDirectoryListing(false)
        .setIncludeHidden(false)
        .setFilesReadOnly(true)
        .setDefaultContentEncoding("UTF-8"));
  }

  /** Checks the name and sets the stored type, then lets the static handler serve the bytes and ranges. */
  private void beforeDownload(RoutingContext ctx) {
    String sha = checkedSha(ctx.pathParam("sha256"), "the path");
    db.transaction(c -> media.find(c, sha).orElseThrow(() -> unknownMedia(sha))).onSuccess(file -> {
      ctx.response().putHeader("content-type", file.mimeType());
      ctx.next();
    }).onFailure(ctx::fail);
  }

  private void upload(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    request.pause();
    String mimeType = mimeTypeOf(request.getHeader("content-type"));
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
        .compose(v -> verifyAndStore(upload, expected, mimeType, name))
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
        done.tryFail(new ApiException(413, "the upload is larger than the limit of " + maxUploadBytes + " bytes"));
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

  private Future<Media> verifyAndStore(Upload upload, String expected, String mimeType, String name) {
    String actual = HexFormat.of().formatHex(upload.digest.digest());
    if (upload.size == 0) {
      return Future.failedFuture(ApiException.badRequest("the upload is empty; send the file's bytes as the request body"));
    }
    if (expected != null && !expected.equals(actual)) {
      return Future.failedFuture(ApiException.badRequest("the upload's SHA-256 is " + actual + " but " + expected
          + " was declared in X-Content-SHA256: the file was damaged on the way or the wrong file was sent;"
          + " nothing was stored"));
    }
    Media candidate = new Media(actual, mimeType, upload.size, name, clock.instant());
    // The file goes into place before its row: a crash in between leaves an unreferenced file, never a row without bytes.
    return vertx.executeBlocking(() -> {
      store.commit(upload.path, actual);
      upload.path = null;
      return null;
    }).compose(v -> db.transaction(c -> media.insertIfAbsent(c, candidate)));
  }

  private static String mimeTypeOf(String contentType) {
    if (contentType == null) {
      throw new ApiException(415, "say what the file is with a Content-Type header, one of " + ALLOWED_TYPES);
    }
    String type = contentType.split(";")[0].trim().toLowerCase();
    if (!ALLOWED_TYPES.contains(type)) {
      throw new ApiException(415, "Content-Type " + type + " cannot be shown on a screen; use one of " + ALLOWED_TYPES);
    }
    return type;
  }

  private static String checkedSha(String value, String where) {
    if (value == null || !SHA256.matcher(value).matches()) {
      throw ApiException.badRequest(where + " must carry a SHA-256 as 64 lowercase hex digits, got '" + value + "'");
    }
    return value;
  }

  private static ApiException unknownMedia(String sha) {
    return ApiException.notFound("no media with SHA-256 " + sha);
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
