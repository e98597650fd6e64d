package io.gatecast.agent.journal;

import io.gatecast.agent.cache.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few MiB of disk held in a file of zeros ({@code <dataDir>/disk-reserve}) so the journals can
 * always write: when the disk is (nearly) full, or a journal write fails, the file is deleted and
 * the write goes into the room it held. It is put back once the disk has room again. So an event
 * is journaled before it is sent even on a full disk; a download never counts on this room (the
 * media cache keeps its own headroom).
 *
 * <p>Thread-safe; shared by the outbox and the proof-of-play journal.
 */
public final class DiskReserve {
  private static final Logger LOG = LoggerFactory.getLogger(DiskReserve.class);
  public static final String FILE_NAME = "disk-reserve";
  public static final long DEFAULT_BYTES = 4L * 1024 * 1024;

  /** Free bytes on the disk a file is on; injectable so a test can play a full disk without root. */
  @FunctionalInterface
  public interface FreeSpace {
    long usableBytes(Path file) throws IOException;

    FreeSpace REAL = file -> Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace();
  }

  private final Path file;
  private final long bytes;
  private final FreeSpace freeSpace;

  public DiskReserve(Path file, long bytes, FreeSpace freeSpace) {
    this.file = file;
    this.bytes = bytes;
    this.freeSpace = freeSpace;
  }

  /** The reserve of {@link #DEFAULT_BYTES} in {@code dataDir}, put in place now if the disk allows. */
  public static DiskReserve in(Path dataDir) {
    DiskReserve reserve = new DiskReserve(dataDir.resolve(FILE_NAME), DEFAULT_BYTES, FreeSpace.REAL);
    reserve.restore();
    return reserve;
  }

  public Path file() {
    return file;
  }

  public synchronized boolean held() {
    return Files.exists(file);
  }

  /**
   * Before writing {@code length} bytes: gives the reserve up when the disk has less free than that
   * (plus a margin), or puts it back when the disk has plenty again.
   */
  public synchronized void beforeWrite(long length) {
    long free;
    try {
      free = freeSpace.usableBytes(file);
    } catch (IOException e) {
      return;
    }
    if (free < length + 64 * 1024) {
      release();
    } else if (free > 4 * bytes && !Files.exists(file)) {
      restore();
    }
  }

  /** Deletes the reserve so a journal can write; false when it was already gone. */
  public synchronized boolean release() {
    try {
      if (Files.deleteIfExists(file)) {
        AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
        LOG.warn("the disk is full: released the {} byte reserve so events can still be journaled", bytes);
        return true;
      }
    } catch (IOException e) {
      LOG.error("cannot release the disk reserve {}: {}", file, e.toString());
    }
    return false;
  }

  /** Puts the reserve back (real blocks, not a sparse file) when the disk has room; best effort. */
  public synchronized void restore() {
    if (Files.exists(file)) {
      return;
    }
    try {
      if (freeSpace.usableBytes(file) < 4 * bytes) {
        return;
      }
      Path temp = file.resolveSibling("." + file.getFileName() + ".new.tmp");
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
        for (long written = 0; written < bytes; ) {
          zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - written));
          written += out.write(zeros);
        }
        out.force(true);
      }
      Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
      LOG.info("disk reserve of {} bytes in place at {}", bytes, file);
    } catch (IOException e) {
      LOG.warn("cannot put the disk reserve in place ({}); trying again later", e.toString());
      try {
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".new.tmp"));
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }
}
