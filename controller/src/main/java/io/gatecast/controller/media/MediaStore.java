package io.gatecast.controller.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Media files on disk, content-addressed: a file's name is the SHA-256 of its bytes, so the same
 * upload twice is stored once and a name can never point at other bytes. Uploads land in a
 * temporary file first and are moved into place only once verified, so a crash mid-upload leaves
 * no half file under a real name.
 */
public final class MediaStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final Path root;
  private final Path incoming;

  public MediaStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.incoming = root.resolve(".incoming");
    try {
      Files.createDirectories(incoming);
      // Leftovers of uploads interrupted by a crash: never referenced, safe to drop.
      try (var leftovers = Files.list(incoming)) {
        for (Path leftover : (Iterable<Path>) leftovers::iterator) {
          Files.deleteIfExists(leftover);
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
}
