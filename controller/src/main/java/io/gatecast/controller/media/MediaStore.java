package io.gatecast.controller.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Media files on disk, content-addressed: a file's name is the SHA-256 of its bytes, so the same
 * upload twice is stored once and a name can never point at other bytes. Uploads land in a
 * temporary file first and are moved into place only once verified, so a crash mid-upload leaves
 * no half file under a real name.
 */
public final class MediaStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final String THUMBNAIL_SUFFIX = ".jpg";
  private final Path root;
  private final Path incoming;
  /** Hidden, so the download handler under /media never serves it; thumbnails go through the API. */
  private final Path thumbnails;

  public MediaStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.incoming = root.resolve(".incoming");
    this.thumbnails = root.resolve(".thumbnails");
    try {
      Files.createDirectories(incoming);
      Files.createDirectories(thumbnails);
      // Leftovers of uploads interrupted by a crash: never referenced, safe to drop.
      try (var leftovers = Files.list(incoming)) {
        for (Path leftover : (Iterable<Path>) leftovers::iterator) {
          Files.deleteIfExists(leftover);
        }
      }
      try (var leftovers = Files.list(thumbnails)) {
        for (Path leftover : (Iterable<Path>) leftovers::iterator) {
          if (leftover.getFileName().toString().endsWith(".part")) {
            Files.deleteIfExists(leftover);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare the media folder " + root + ": " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  /** A fresh temporary file for an upload in progress. */
  public Path newIncomingFile() throws IOException {
    return Files.createTempFile(incoming, "upload-", ".part");
  }

  /** Moves a verified upload into place under its hash (a no-op if those bytes are already stored). */
  public void commit(Path verifiedUpload, String sha256) throws IOException {
    Path target = pathOf(sha256);
    if (Files.exists(target)) {
      Files.delete(verifiedUpload);
      return;
    }
    Files.move(verifiedUpload, target, StandardCopyOption.ATOMIC_MOVE);
  }

  public Path pathOf(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return root.resolve(sha256);
  }

  /** Where the console thumbnail of a file is kept (it may not exist: see {@link Thumbnails}). */
  public Path thumbnailOf(String sha256) {
    pathOf(sha256);
    return thumbnails.resolve(sha256 + THUMBNAIL_SUFFIX);
  }

  /** Makes the thumbnail of a stored image; false when ImageIO cannot decode it. Blocking. */
  public boolean makeThumbnail(Path image, String sha256) throws IOException {
    return Thumbnails.writeFile(image, thumbnailOf(sha256));
  }

  /** Deletes a file and its thumbnail; absent ones are no error (a crash may have removed one already). */
  public void delete(String sha256) throws IOException {
    Files.deleteIfExists(thumbnailOf(sha256));
    Files.deleteIfExists(pathOf(sha256));
  }

  /** The hashes of every stored file and every thumbnail, for the sweep at start. */
  public List<String> storedHashes() throws IOException {
    List<String> hashes = new ArrayList<>();
    try (var files = Files.list(root)) {
      files.map(f -> f.getFileName().toString()).filter(n -> SHA256.matcher(n).matches()).forEach(hashes::add);
    }
    try (var files = Files.list(thumbnails)) {
      files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(THUMBNAIL_SUFFIX))
          .map(n -> n.substring(0, n.length() - THUMBNAIL_SUFFIX.length()))
          .filter(n -> SHA256.matcher(n).matches() && !hashes.contains(n))
          .forEach(hashes::add);
    }
    return hashes;
  }
}
