package io.gatecast.controller.screenshots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Screenshots as files named by their SHA-256 in one folder. Only PNG and JPEG are kept, told
 * apart by their first bytes (never by what the uploader claims). Written to a temporary file,
 * synced, then renamed into place, so a crash never leaves half a picture under a real name.
 */
public final class ScreenshotStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private final Path root;

  public ScreenshotStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the screenshot folder " + root + ": " + e.getMessage(), e);
    }
  }

  /** {@code image/png} or {@code image/jpeg} by the magic bytes; empty for anything else. */
  public static Optional<String> imageType(byte[] bytes) {
    if (startsWith(bytes, PNG)) {
      return Optional.of("image/png");
    }
    if (startsWith(bytes, JPEG)) {
      return Optional.of("image/jpeg");
    }
    return Optional.empty();
  }

  /** Stores verified bytes under their hash. Blocking. */
  public void save(String sha256, byte[] bytes) throws IOException {
    Path target = pathOf(sha256);
    if (Files.exists(target)) {
      return;
    }
    Path tmp = Files.createTempFile(root, "upload-", ".part");
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public Path pathOf(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return root.resolve(sha256);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
