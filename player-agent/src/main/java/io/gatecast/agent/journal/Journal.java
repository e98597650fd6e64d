package io.gatecast.agent.journal;

import io.gatecast.agent.cache.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log on disk of one-line entries that must survive kill -9 and power cuts until
 * someone confirms them (Kura's stored → published → confirmed, in a file). {@link #append}
 * returns only once the line is fsync'd; {@link #ack} appends an ack line, also fsync'd.
 *
 * <p>Line format: {@code <crc32 of body, 8 hex> <body>\n}, body {@code E <seq> <payload>} or
 * {@code A <seq>}. A power cut can only tear the last line (appends are sequential and each is
 * forced before the next): on open, whatever follows the last good line (a line without its
 * newline, a wrong CRC, zeros) is cut off. A bad line <em>followed by good ones</em> is not a torn
 * tail but damage in the middle (a bad sector, a stray write): it alone is skipped, and every good
 * line after it kept. When the confirmed entries outweigh the pending ones the file is
 * rewritten with only the pending entries, atomically ({@link AtomicFiles}).
 *
 * <p>Only offsets are kept in memory; payloads are read back from the file when asked for, so a
 * week of queued plays costs a few bytes each in RAM. Thread-safe.
 *
 * <p>A thread that is interrupted (only the agent's stop interrupts its threads) neither writes nor reads:
 * an interrupted {@link FileChannel} operation closes the channel for every thread
 * ({@link java.nio.channels.ClosedByInterruptException}). It gets an {@link InterruptedIOException} instead,
 * and the journal stays open for the others.
 */
public final class Journal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
  private static final int COMPACT_AFTER_ACKS = 256;

  /** One unconfirmed entry, in append order. */
  public record Entry(long seq, byte[] payload) {}

  private record Location(long offset, int length) {}

  private final Path file;
  private final DiskReserve reserve;
  private final TreeMap<Long, Location> pending = new TreeMap<>();
  private FileChannel channel;
  private long nextSeq;
  private int ackedSinceCompaction;

  private Journal(Path file, DiskReserve reserve) {
    this.file = file;
    this.reserve = reserve;
  }

  /** Opens (or creates) the journal, cutting off a torn last line. */
  public static Journal open(Path file) throws IOException {
    return open(file, null);
  }

  /**
   * Opens (or creates) the journal, writing into the room {@code reserve} (null: none) holds when
   * the disk is full.
   */
  public static Journal open(Path file, DiskReserve reserve) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Journal journal = new Journal(file, reserve);
    journal.load();
    return journal;
  }

  /** Appends {@code payload} (one line of text: no newline) durably; returns its sequence number. */
  public synchronized long append(byte[] payload) throws IOException {
    refuseInterrupted();
    for (byte b : payload) {
      if (b == '\n' || b == '\r') {
        throw new IllegalArgumentException("a journal entry must be one line");
      }
    }
    long seq = nextSeq++;
    byte[] line = line(("E " + seq + " ").getBytes(StandardCharsets.US_ASCII), payload);
    long offset = channel.size();
    write(line);
    pending.put(seq, new Location(offset, line.length));
    return seq;
  }

  /** Confirms entry {@code seq}: it will never be returned again, not even after a restart. */
  public synchronized void ack(long seq) throws IOException {
    ack(List.of(seq));
  }

  /**
   * Confirms every entry of {@code seqs} in one write and one fsync (a receipt releases up to 500 plays: one
   * fsync each would hold a kiosk's SD card for seconds). A power cut can tear only the last of these ack
   * lines; the entries whose acks were lost come back after a restart, as unconfirmed entries always do.
   */
  public synchronized void ack(Collection<Long> seqs) throws IOException {
    refuseInterrupted();
    ByteArrayOutputStream acks = new ByteArrayOutputStream();
    int acked = 0;
    for (long seq : seqs) {
      if (pending.remove(seq) != null) {
        acks.writeBytes(line(("A " + seq).getBytes(StandardCharsets.US_ASCII), new byte[0]));
        acked++;
      }
    }
    if (acked == 0) {
      return;
    }
    write(acks.toByteArray());
    ackedSinceCompaction += acked;
    if (pending.isEmpty() || (ackedSinceCompaction >= COMPACT_AFTER_ACKS && ackedSinceCompaction > pending.size())) {
      compact();
    }
  }

  /** Up to {@code max} unconfirmed entries, oldest first. */
  public synchronized List<Entry> pending(int max) throws IOException {
    return pending(max, seq -> true);
  }

  /** Up to {@code max} unconfirmed entries whose sequence {@code include} accepts, oldest first. */
  public synchronized List<Entry> pending(int max, LongPredicate include) throws IOException {
    return pendingAfter(Long.MIN_VALUE, max, include);
  }

  /**
   * {@link #pending(int, LongPredicate)} among the entries after sequence {@code after} only: a caller taking
   * the journal batch by batch starts each where the last ended, instead of walking again past what it took.
   */
  public synchronized List<Entry> pendingAfter(long after, int max, LongPredicate include) throws IOException {
    refuseInterrupted();
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<Long, Location> e : pending.tailMap(after, false).entrySet()) {
      if (out.size() >= max) {
        break;
      }
      if (include.test(e.getKey())) {
        out.add(new Entry(e.getKey(), payloadAt(e.getValue())));
      }
    }
    return out;
  }

  public synchronized int size() {
    return pending.size();
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing {}: {}", file, e.toString());
    }
  }

  /** Appends whole lines (one, or a run of acks) and forces them to disk once. */
  private void write(byte[] lines) throws IOException {
    if (reserve != null) {
      reserve.beforeWrite(lines.length);
    }
    long at = channel.position();
    try {
      writeFully(lines);
    } catch (IOException e) {
      if (reserve == null || !reserve.release()) {
        throw e;
      }
      // The disk filled between the check and the write: the reserve's room takes the lines.
      channel.truncate(at);
      channel.position(at);
      writeFully(lines);
    }
    channel.force(false);
  }

  private void writeFully(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private byte[] payloadAt(Location location) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(location.length());
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, location.offset() + buffer.position()) < 0) {
        throw new IOException(file + " is shorter than its index; was it changed by someone else?");
      }
    }
    Line parsed = parse(buffer.array(), buffer.array().length - 1);
    return parsed.payload();
  }

  /** Every public method that touches the file calls this first (see the class comment). */
  private void refuseInterrupted() throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted (the agent is stopping): " + file + " not touched, so it stays open");
    }
  }

  /** Rewrites the file with only the pending entries (atomically), then reopens it. */
  private void compact() throws IOException {
    List<Entry> keep = pending(Integer.MAX_VALUE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TreeMap<Long, Location> moved = new TreeMap<>();
    for (Entry entry : keep) {
      byte[] line = line(("E " + entry.seq() + " ").getBytes(StandardCharsets.US_ASCII), entry.payload());
      moved.put(entry.seq(), new Location(out.size(), line.length));
      out.write(line);
    }
    channel.close();
    AtomicFiles.write(file, out.toByteArray());
    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    channel.position(channel.size());
    pending.clear();
    pending.putAll(moved);
    ackedSinceCompaction = 0;
  }

  private void load() throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long offset = 0;
    long good = 0;
    long maxSeq = 0;
    int skipped = 0;
    int badSinceGood = 0;
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 64 * 1024);
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      current.write(b);
      if (b != '\n') {
        continue;
      }
      byte[] bytes = current.toByteArray();
      current.reset();
      Line line = parse(bytes, bytes.length - 1);
      if (line == null) {
        badSinceGood++; // a skipped middle line, or the start of a torn tail: the lines after it tell
      } else {
        if (line.ack()) {
          pending.remove(line.seq());
        } else {
          pending.put(line.seq(), new Location(offset, bytes.length));
        }
        maxSeq = Math.max(maxSeq, line.seq());
        skipped += badSinceGood;
        badSinceGood = 0;
        good = offset + bytes.length;
      }
      offset += bytes.length;
    }
    if (skipped > 0) {
      LOG.error("{}: skipped {} damaged line(s) in the middle (bad checksum); kept every good line after them", file,
          skipped);
    }
    long size = channel.size();
    if (good < size) {
      // A torn tail (power cut mid-write): drop it, so the next append starts on a clean line.
      LOG.warn("{}: cutting off {} byte(s) of a torn last write{}", file, size - good,
          badSinceGood > 0 ? " (bad checksum)" : "");
      channel.truncate(good);
      channel.force(true);
    }
    channel.position(good);
    nextSeq = maxSeq + 1;
    if (!pending.isEmpty()) {
      LOG.info("{}: {} unconfirmed entr{} from an earlier run", file, pending.size(), pending.size() == 1 ? "y" : "ies");
    }
  }

  private record Line(boolean ack, long seq, byte[] payload) {}

  private static byte[] line(byte[] head, byte[] payload) {
    byte[] body = new byte[head.length + payload.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(payload, 0, body, head.length, payload.length);
    CRC32 crc = new CRC32();
    crc.update(body);
    byte[] prefix = String.format("%08x ", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[prefix.length + body.length + 1];
    System.arraycopy(prefix, 0, line, 0, prefix.length);
    System.arraycopy(body, 0, line, prefix.length, body.length);
    line[line.length - 1] = '\n';
    return line;
  }

  /** Parses {@code bytes[0, end)} (without its newline); null when torn or corrupt. */
  private static Line parse(byte[] bytes, int end) {
    if (end < 12 || bytes[8] != ' ') {
      return null;
    }
    long expected;
    try {
      expected = Long.parseLong(new String(bytes, 0, 8, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 9, end - 9);
    if (crc.getValue() != expected) {
      return null;
    }
    char kind = (char) bytes[9];
    int seqStart = 11;
    int seqEnd = seqStart;
    while (seqEnd < end && bytes[seqEnd] != ' ') {
      seqEnd++;
    }
    long seq;
    try {
      seq = Long.parseLong(new String(bytes, seqStart, seqEnd - seqStart, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return null;
    }
    if (kind == 'A') {
      return new Line(true, seq, null);
    }
    if (kind != 'E' || seqEnd >= end) {
      return null;
    }
    byte[] payload = new byte[end - seqEnd - 1];
    System.arraycopy(bytes, seqEnd + 1, payload, 0, payload.length);
    return new Line(false, seq, payload);
  }
}
