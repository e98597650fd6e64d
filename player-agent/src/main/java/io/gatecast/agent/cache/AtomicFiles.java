package io.gatecast.agent.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files so that a power cut leaves either the old or the new content, never a torn file:
 * write a temp file in the same directory, fsync it, rename it over the target (atomic on POSIX),
 * then fsync the directory so the rename itself survives. Kiosks lose power; this is what keeps
 * the agent from the corrupt-state-after-power-loss failure gateway agents are known for.
 *
 * <p>A thread the agent's stop interrupted does not write: the target keeps its old content and the caller
 * gets an {@link InterruptedIOException}, whether the interrupt came before the write or cut it short (a
 * {@link FileChannel} then throws {@link ClosedByInterruptException}, turned into the same). Callers tell a
 * stop from a failing disk by that one type.
 */
public final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
  private static final String TEMP_PREFIX = ".";
  private static final String TEMP_SUFFIX = ".tmp";

  /** Produces a file's content; may throw to abandon the write (the target is then untouched). */
  @FunctionalInterface
  public interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  public static void write(Path target, byte[] content) throws IOException {
    write(target, out -> out.write(content));
  }

  /** Replaces {@code target} with what {@code writer} produces, atomically and durably. */
  public static void write(Path target, ContentWriter writer) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted (the agent is stopping): " + target + " not written");
    }
    try {
      replace(target, writer);
    } catch (ClosedByInterruptException e) {
      InterruptedIOException stopping = new InterruptedIOException(
          "interrupted (the agent is stopping) while writing " + target + "; its old content is kept");
      stopping.initCause(e);
      throw stopping;
    }
  }

  private static void replace(Path target, ContentWriter writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // Same directory as the target: a rename is only atomic within one file system.
    Path temp = Files.createTempFile(dir, TEMP_PREFIX + target.getFileName() + ".", TEMP_SUFFIX);
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        writer.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      fsyncDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Makes a rename or delete in {@code dir} durable. */
  public static void fsyncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
      LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  /** Deletes temp files a crash left behind in {@code dir}; returns how many. */
  public static int removeLeftovers(Path dir) throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
      for (Path file : files) {
        if (Files.isRegularFile(file) && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    }
    return removed;
  }
}
