package io.gatecast.controller.media;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media library: adds verified uploads (type from the bytes, dimensions, duration, thumbnail),
 * deletes unused files and purges them all, keeping files and rows together.
 *
 * <p>Crash safety. Every change keeps one invariant: <b>a row always has its file</b>. Adding puts
 * the file in place (an atomic rename) before its row is committed; deleting commits the row's
 * removal before the file is removed. A crash between the two steps can therefore only leave a
 * file without a row, which nothing can reference (content needs the row), and {@link #sweepOrphans}
 * removes such files when the controller starts, before the API serves anyone.
 *
 * <p>While running, adding and removing the same hash could interleave (a re-upload between a
 * delete's row and file steps would leave a row without its file), so the file-and-row steps of
 * every change run one after another ({@link #inOrder}); file work runs on worker threads, never
 * on the event loop, and nothing blocks waiting for the database.
 */
public final class MediaLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(MediaLibrary.class);

  /** What a purge removed. */
  public record Purged(List<Media> removed, long bytesFreed) {}

  /**
   * An upload received whole: where it is, the SHA-256 and size of its bytes, and what the sender
   * declared (each may be null): the hash it meant to send, its Content-Type, a name.
   */
  public record Received(Path file, String sha256, long size, String declaredSha256, String declaredType,
      String name) {}

  private final Vertx vertx;
  private final Database db;
  private final Clock clock;
  private final MediaStore store;
  private final MediaRepository media;
  private final MediaUsage usage;
  /** The end of the queue of file-and-row changes; each starts when the one before has finished. */
  private Future<?> lastChange = Future.succeededFuture();

  private final AuditLog audit;

  /** Build one per controller: its queue orders every file-and-row change. */
  public MediaLibrary(Vertx vertx, Database db, Clock clock, MediaStore store, MediaRepository media, MediaUsage usage,
      AuditLog audit) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.store = store;
    this.media = media;
    this.usage = usage;
    this.audit = audit;
  }

  /** Every stored file's metadata. */
  public Future<List<Media>> all() {
    return db.transaction(media::all);
  }

  /** One stored file's metadata; NOT_FOUND when there is none. */
  public Future<Media> find(String sha256) {
    return db.transaction(c -> media.find(c, sha256).orElseThrow(() -> notFound(sha256)));
  }

  /**
   * Adds an upload: refuses it (BAD_INPUT) when it is empty or its bytes are not the hash declared,
   * inspects its bytes, refuses it (UNSUPPORTED_MEDIA_TYPE, or the inspector's own code such as
   * {@code SVG_UNSAFE}) when they are not showable or contradict the declared type, makes its
   * thumbnail, then puts file and row in place. The upload file is moved or deleted in every case.
   */
  public Future<Media> add(String actor, Received upload) {
    Path file = upload.file();
    Instant now = clock.instant();
    return checked(upload).compose(ok -> vertx.executeBlocking(() -> {
      MediaInfo info = MediaInspector.inspect(file);
      checkDeclared(upload.declaredType(), info.mimeType());
      // A thumbnail without its file and row is harmless (the start sweep removes it), so it is made
      // outside the queue: decoding a large image must not hold up other changes.
      String sha256 = upload.sha256();
      if (Thumbnails.decodable(info.mimeType()) && !Files.exists(store.thumbnailOf(sha256))
          && !store.makeThumbnail(file, sha256)) {
        LOG.info("no thumbnail for {} ({}): ImageIO cannot decode it; the console shows a placeholder", sha256,
            info.mimeType());
      }
      return new Media(sha256, info.mimeType(), upload.size(), upload.name(), now, info.width(), info.height(),
          info.durationMillis());
    }, false)).compose(candidate -> inOrder(() -> vertx.executeBlocking(() -> {
      store.commit(file, candidate.sha256());
      return candidate;
    }, false).compose(moved -> db.transaction(c -> {
      boolean isNew = media.find(c, moved.sha256()).isEmpty();
      Media stored = media.insertIfAbsent(c, moved);
      if (isNew) {
        audit.record(c, actor, "upload", "media", stored.sha256(), null, stored);
      }
      return stored;
    }))))
        // The refusal is answered once the upload is gone: nothing of a refused upload outlives the answer.
        .recover(failure -> vertx.fileSystem().delete(file.toString()).otherwiseEmpty()
            .transform(deleted -> asRefusal(failure)));
  }

  /** What is refused before the bytes are inspected: nothing sent, or not what was declared. */
  private static Future<Void> checked(Received upload) {
    if (upload.size() == 0) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT,
          "the upload is empty; send the file's bytes as the request body"));
    }
    String expected = upload.declaredSha256();
    if (expected != null && !expected.equals(upload.sha256())) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT, "the upload's SHA-256 is " + upload.sha256() + " but "
          + expected + " was declared in X-Content-SHA256: the file was damaged on the way or the wrong file was sent;"
          + " nothing was stored"));
    }
    return Future.succeededFuture();
  }

  /** The inspector's findings as the one refusal type; anything else as it is. */
  private static <T> Future<T> asRefusal(Throwable failure) {
    if (failure instanceof UnsupportedMediaException e && e.code() != null) {
      return Future.failedFuture(new Refusal(Kind.UNSUPPORTED_MEDIA_TYPE, e.code(), e.getMessage(), e.details()));
    } else if (failure instanceof UnsupportedMediaException e) {
      // Not a file a screen shows (unknown bytes, HTML, another video format...): the message says which.
      return Future.failedFuture(new Refusal(Kind.UNSUPPORTED_MEDIA_TYPE, "MEDIA_UNSUPPORTED", e.getMessage(),
          Map.of("accepted", MediaInspector.ACCEPTED)));
    }
    return Future.failedFuture(failure);
  }

  /** Deletes an unused file and its row; refused with CONFLICT while something uses it, NOT_FOUND when unknown. */
  public Future<Media> delete(String actor, String sha256) {
    return inOrder(() -> db.transaction(c -> {
      Media found = media.find(c, sha256).orElseThrow(() -> notFound(sha256));
      List<String> uses = usage.usesOf(c, sha256);
      if (!uses.isEmpty()) {
        throw Refusal.of(Kind.CONFLICT, "media " + sha256 + " is used by " + String.join(", ", uses)
            + "; remove it from them first; nothing was deleted");
      }
      media.delete(c, sha256);
      audit.record(c, actor, "delete", "media", sha256, found, null);
      return found;
    }).compose(removed -> vertx.executeBlocking(() -> {
      store.delete(sha256);
      return removed;
    }, false)));
  }

  /** Deletes every file nothing uses, rows first (one transaction), then the files. */
  public Future<Purged> purge(String actor) {
    return inOrder(() -> db.transaction(c -> {
      List<Media> gone = new ArrayList<>();
      for (Map.Entry<String, Long> unused : usage.unused(c).entrySet()) {
        Media unusedFile = media.find(c, unused.getKey()).orElseThrow();
        gone.add(unusedFile);
        media.delete(c, unused.getKey());
        audit.record(c, actor, "purge", "media", unusedFile.sha256(), unusedFile, null);
      }
      return gone;
    }).compose(removed -> vertx.executeBlocking(() -> {
      long bytes = 0;
      for (Media gone : removed) {
        store.delete(gone.sha256());
        bytes += gone.sizeBytes();
      }
      return new Purged(removed, bytes);
    }, false)));
  }

  /** A console thumbnail: its bytes and their type. */
  public record Thumbnail(byte[] bytes, String mimeType) {}

  /** SVGs up to this size are their own thumbnail; a bigger one (a detailed map) would slow the library page. */
  static final long SVG_THUMBNAIL_MAX_BYTES = 512 * 1024;

  /**
   * The console thumbnail of a stored file: a JPEG, made now if an image has none yet (files uploaded before
   * thumbnails existed); an SVG is its own (the browser draws it in an {@code <img>}, which runs nothing, and it
   * passed {@link SvgCheck} on upload; ImageIO cannot draw it); a placeholder for the rest (video, a big SVG).
   */
  public Future<Thumbnail> thumbnail(String sha256) {
    return db.transaction(c -> media.find(c, sha256).orElseThrow(() -> notFound(sha256)))
        .compose(found -> vertx.executeBlocking(() -> {
          if (MediaInspector.SVG.equals(found.mimeType()) && found.sizeBytes() <= SVG_THUMBNAIL_MAX_BYTES) {
            return new Thumbnail(Files.readAllBytes(store.pathOf(sha256)), MediaInspector.SVG);
          }
          Path thumbnail = store.thumbnailOf(sha256);
          if (!Files.exists(thumbnail) && Thumbnails.decodable(found.mimeType())) {
            store.makeThumbnail(store.pathOf(sha256), sha256);
          }
          try {
            return new Thumbnail(Files.readAllBytes(thumbnail), "image/jpeg");
          } catch (java.nio.file.NoSuchFileException e) {
            return new Thumbnail(Thumbnails.placeholder(found.mimeType().startsWith("video/")), "image/jpeg");
          }
        }, false));
  }

  /**
   * Removes files (and thumbnails) that have no row: what a crash between a file step and a row
   * step leaves. Call at start, before the API accepts uploads; completes with how many were removed.
   * Runs on the database thread so nothing can add a row meanwhile.
   */
  public static Future<Integer> sweepOrphans(Database db, MediaStore store, MediaRepository media) {
    return db.transaction(c -> {
      Set<String> known = new HashSet<>();
      for (Media m : media.all(c)) {
        known.add(m.sha256());
      }
      int removed = 0;
      try {
        for (String sha : store.storedHashes()) {
          if (!known.contains(sha)) {
            store.delete(sha);
            removed++;
          }
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot sweep the media folder " + store.root() + ": " + e.getMessage(), e);
      }
      if (removed > 0) {
        LOG.info("removed {} media files without a database row (left by an interrupted upload or delete)", removed);
      }
      return removed;
    });
  }

  private static Refusal notFound(String sha256) {
    return Refusal.of(Kind.NOT_FOUND, "no media with SHA-256 " + sha256);
  }

  /** Runs {@code change} once every change queued before it has finished, successfully or not. */
  private synchronized <T> Future<T> inOrder(java.util.function.Supplier<Future<T>> change) {
    Future<T> result = lastChange.transform(ignored -> change.get());
    lastChange = result;
    return result;
  }

  /**
   * Refuses an upload declared as one type whose bytes are another: usually the wrong file was
   * picked. No declaration, or {@code application/octet-stream}, means "find out from the bytes".
   */
  private static void checkDeclared(String declaredType, String actual) {
    if (declaredType == null) {
      return;
    }
    String declared = declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (declared.isEmpty() || declared.equals("application/octet-stream")) {
      return;
    }
    if (declared.equals("image/jpg")) {
      declared = MediaInspector.JPEG;
    }
    if (!declared.equals(actual)) {
      throw new UnsupportedMediaException("MEDIA_TYPE_MISMATCH", "the Content-Type says " + abbreviate(declared)
          + " but the bytes are " + actual + "; send the intended file, or leave Content-Type out (or"
          + " application/octet-stream) to store it as what its bytes are; nothing was stored",
          Map.of("declared", abbreviate(declared), "actual", actual));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
