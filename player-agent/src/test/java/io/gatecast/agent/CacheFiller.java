package io.gatecast.agent;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Fills an agent's media cache with files an earlier schedule might have left: random bytes under their SHA-256. */
final class CacheFiller {
  private static final int CHUNK = 1024 * 1024;

  private CacheFiller() {}

  /** {@code mib} MiB in files of up to {@code fileMib} MiB each; returns them (delete them after). */
  static List<Path> fill(Path cacheDir, int mib, int fileMib, long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    List<Path> files = new ArrayList<>();
    for (int left = mib; left > 0; left -= fileMib) {
      files.add(file(cacheDir, Math.min(left, fileMib) * CHUNK, random, false));
    }
    return files;
  }

  /** A file of random bytes named by its SHA-256, or, when {@code corrupt}, by another one. */
  static Path file(Path dir, int size, SplittableRandom random, boolean corrupt) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Path temp = dir.resolve("generating");
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    try (OutputStream out = Files.newOutputStream(temp)) {
      for (int written = 0; written < size; written += CHUNK) {
        chunk.clear();
        while (chunk.hasRemaining()) {
          chunk.putLong(random.nextLong());
        }
        int n = Math.min(CHUNK, size - written);
        digest.update(chunk.array(), 0, n);
        out.write(chunk.array(), 0, n);
      }
    }
    if (corrupt) {
      digest.update((byte) 1);
    }
    Path file = dir.resolve(HexFormat.of().formatHex(digest.digest()));
    Files.move(temp, file);
    return file;
  }
}
