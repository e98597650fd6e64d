package io.gatecast.agent.cache;

import io.gatecast.protocol.AgentWords;
import io.gatecast.protocol.MediaRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media files stored by content: {@code <dir>/<sha256>}. A file only gets its final name after
 * its size and SHA-256 were checked, so whatever is in the cache under a hash has that hash — the
 * screen can never show bytes nobody approved.
 *
 * <p>A download in progress is {@code <sha256>.part}; when the link drops, the next attempt
 * (even after a restart) asks for the rest with an HTTP {@code Range} request and hashes the part
 * already there first. A server that ignores the range sends the whole file, which starts the
 * part over.
 *
 * <p>Room for a download is made by deleting, least recently used first, files that no schedule
 * in {@code keep} (the one playing, the one being fetched) needs; "used" is when a schedule last
 * asked for the file (its modification time). The cache is always bounded: by the quota given, or
 * (quota 0) by {@link #AUTO_SHARE} of the disk the cache can use. A download also always leaves
 * {@link #HEADROOM_BYTES} free on the disk, so the journals can still write; one that cannot fit
 * is not started, and one the disk refuses mid-way is deleted rather than left filling the disk.
 *
 * <p>Files on disk are checked lazily: a file is hashed the first time it is asked for after a
 * start ({@link #file}, {@link #ensure}) and in the background ({@link #verifyInBackground}), so a
 * boot never waits for the whole cache to be hashed. A file whose content is not its name is
 * deleted, never served, and reported to the corruption listener (which fetches it again).
 */
public final class MediaCache {
  private static final Logger LOG = LoggerFactory.getLogger(MediaCache.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final String PART = ".part";
  /** With quota 0: the share of (cache + free disk) the cache may use. */
  public static final double AUTO_SHARE = 0.5;
  /** Free disk a download never takes: room for the journals and the rest of the system. */
  public static final long HEADROOM_BYTES = 32L * 1024 * 1024;

  /** The disk's free bytes; injectable so a test can play a full disk without root. */
  @FunctionalInterface
  public interface FreeSpace {
    long usableBytes(Path dir) throws IOException;
  }

  private final Path dir;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final long quotaBytes;
  private final Clock clock;
  private final SSLSocketFactory tls;
  private final FreeSpace freeSpace;
  /** Files hashed since this start and found right (and files this run downloaded and checked). */
  private final Set<String> verified = ConcurrentHashMap.newKeySet();
  /** One lock per file being hashed, so the page and the background check never hash it twice. */
  private final ConcurrentHashMap<String, Object> hashing = new ConcurrentHashMap<>();
  private volatile Consumer<String> onCorrupt = sha -> { };

  /**
   * Uses {@link HttpURLConnection} rather than java.net.http.HttpClient on purpose: it has a
   * per-read timeout, so a download stalled on a dying 4G link fails instead of hanging forever.
   *
   * @param quotaBytes the most the cache may hold on disk, partial downloads included; 0 for no limit
   */
  public MediaCache(Path dir, Duration connectTimeout, Duration readTimeout, long quotaBytes, Clock clock)
      throws IOException {
    this(dir, connectTimeout, readTimeout, quotaBytes, clock, null);
  }

  /**
   * @param tls for {@code https://} media URLs: the sockets trusting the {@code --ca-file}; null for
   *     the JVM's default trust
   */
  public MediaCache(Path dir, Duration connectTimeout, Duration readTimeout, long quotaBytes, Clock clock,
      SSLSocketFactory tls) throws IOException {
    this(dir, connectTimeout, readTimeout, quotaBytes, clock, tls, d -> Files.getFileStore(d).getUsableSpace());
  }

  /** @param freeSpace how free bytes on the cache's disk are measured */
  public MediaCache(Path dir, Duration connectTimeout, Duration readTimeout, long quotaBytes, Clock clock,
      SSLSocketFactory tls, FreeSpace freeSpace) throws IOException {
    this.tls = tls;
    this.freeSpace = freeSpace;
    if (quotaBytes < 0) {
      throw new IllegalArgumentException("the cache quota must be 0 (automatic) or more bytes, got " + quotaBytes);
    }
    this.dir = Files.createDirectories(dir);
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.quotaBytes = quotaBytes;
    this.clock = clock;
    int removed = AtomicFiles.removeLeftovers(this.dir);
    if (removed > 0) {
      LOG.info("removed {} temporary file(s) left by an earlier run", removed);
    }
  }

  public MediaCache(Path dir) throws IOException {
    this(dir, Duration.ofSeconds(10), Duration.ofSeconds(30), 0, Clock.systemUTC());
  }

  public Path dir() {
    return dir;
  }

  /** Told the hash of each cached file found corrupt (and deleted); it should be fetched again. */
  public void onCorrupt(Consumer<String> listener) {
    this.onCorrupt = listener;
  }

  /**
   * The cached file for {@code sha256}, if present and its content is its name: a file not yet
   * checked since this start is hashed first (once), and deleted if it is corrupt. Anything that is
   * not a SHA-256 is simply absent.
   */
  public Optional<Path> file(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    Path file = dir.resolve(sha256);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return verify(sha256) ? Optional.of(file) : Optional.empty();
    } catch (IOException e) {
      LOG.warn("cannot check cached file {}: {}", sha256, e.toString());
      return Optional.empty();
    }
  }

  /** Whether the file is in the cache, without checking its content (cheap). */
  public boolean has(String sha256) {
    return sha256 != null && SHA256.matcher(sha256).matches() && Files.isRegularFile(dir.resolve(sha256));
  }

  /**
   * True when the cached file's content hashes to its name (checked at most once per start); when
   * it does not, the file is deleted, the corruption listener told, and false returned.
   */
  private boolean verify(String sha256) throws IOException {
    if (verified.contains(sha256)) {
      return true;
    }
    synchronized (hashing.computeIfAbsent(sha256, k -> new Object())) {
      if (verified.contains(sha256)) {
        return true;
      }
      Path file = dir.resolve(sha256);
      String actual;
      try {
        actual = hash(file);
      } catch (NoSuchFileException e) {
        return false;
      }
      if (actual.equals(sha256)) {
        verified.add(sha256);
        LOG.debug("verified cached file {}", sha256);
        return true;
      }
      LOG.warn("cached file {} is corrupt (its content hashes to {}); deleting it to fetch it again", sha256, actual);
      Files.deleteIfExists(file);
      AtomicFiles.fsyncDirectory(dir);
    }
    onCorrupt.accept(sha256);
    return false;
  }

  /**
   * Hashes every cached file and deletes each one whose content is not its name (a disk error, a
   * power cut during a write the file system did not order, a hand edit): what is deleted is
   * fetched again by the next schedule that needs it. Blocks until done; see
   * {@link #verifyInBackground} for the start-up path.
   *
   * @return the names of the deleted files
   */
  public List<String> verifyAll() throws IOException {
    return verifyAll(List.of());
  }

  /** {@link #verifyAll()}, the files named in {@code first} before the others. */
  private List<String> verifyAll(List<String> first) throws IOException {
    List<String> order = new ArrayList<>(first);
    for (Path file : list()) {
      String name = file.getFileName().toString();
      if (SHA256.matcher(name).matches() && !order.contains(name)) {
        order.add(name);
      }
    }
    List<String> deleted = new ArrayList<>();
    for (String name : order) {
      if (Thread.currentThread().isInterrupted()) {
        break; // the agent is stopping
      }
      if (Files.isRegularFile(dir.resolve(name)) && !verify(name)) {
        deleted.add(name);
      }
    }
    return deleted;
  }

  /**
   * Checks the whole cache on a low-priority thread of its own, the files named in {@code first}
   * (what is on screen) before the others, and logs when it is done. The page serves meanwhile:
   * a file asked for before its turn is checked on the spot ({@link #file}). The check starts once
   * {@code startWhen} says so (the kiosk browser has the page) or after {@code latest}, so on a
   * small box it does not take the CPU the browser needs for the first frame.
   */
  public Thread verifyInBackground(List<String> first, BooleanSupplier startWhen, Duration latest) {
    Thread thread = new Thread(() -> {
      try {
        long deadline = System.nanoTime() + latest.toNanos();
        while (!startWhen.getAsBoolean() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        LOG.info("background check of the media cache started: {} file(s), {} bytes", list().size(), sizeBytes());
        List<String> deleted = verifyAll(first);
        LOG.info("background check of the media cache done: {} file(s) verified, {} corrupt and deleted",
            verified.size(), deleted.size());
      } catch (IOException | RuntimeException e) {
        LOG.warn("background check of the media cache stopped: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "gatecast-verify");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
    return thread;
  }

  /** Bytes on disk: verified files and partial downloads. */
  public long sizeBytes() throws IOException {
    long total = 0;
    for (Path file : list()) {
      total += sizeOrZero(file);
    }
    return total;
  }

  /** Free bytes on the disk the cache is on. */
  public long freeDiskBytes() throws IOException {
    return freeSpace.usableBytes(dir);
  }

  /** The most the cache may hold now: the quota, or with none {@link #AUTO_SHARE} of cache plus free disk. */
  public long quotaBytes() throws IOException {
    if (quotaBytes > 0) {
      return quotaBytes;
    }
    return (long) ((sizeBytes() + Math.max(0, freeDiskBytes() - HEADROOM_BYTES)) * AUTO_SHARE);
  }

  /**
   * Deletes partial downloads no schedule in {@code keep} needs (a superseded schedule's): they
   * would otherwise hold disk until evicted.
   */
  public void discardPartsExcept(Set<String> keep) throws IOException {
    for (Path file : list()) {
      String name = file.getFileName().toString();
      if (name.endsWith(PART) && !keep.contains(name.substring(0, name.length() - PART.length()))) {
        Files.deleteIfExists(file);
        LOG.info("dropped the partial download {}: no schedule wants it any more", name);
      }
    }
  }

  /** {@link #ensure(MediaRef, Set)} keeping nothing else. */
  public void ensure(MediaRef media) throws MediaException {
    ensure(media, Set.of(media.sha256()));
  }

  /**
   * Makes {@code media} present and verified: nothing to do when it is cached (it is then marked
   * used), else downloads it, resuming a partial download.
   *
   * @param keep hashes the quota may not evict (every file of the schedules playing or pending)
   */
  public void ensure(MediaRef media, Set<String> keep) throws MediaException {
    ensure(media, keep, () -> false);
  }

  /**
   * {@link #ensure(MediaRef, Set)}, giving up (with {@link DownloadCancelled}, the part kept for a
   * resume) as soon as {@code cancelled} says so: a newer schedule is waiting.
   */
  public void ensure(MediaRef media, Set<String> keep, BooleanSupplier cancelled) throws MediaException {
    Path target = dir.resolve(media.sha256());
    try {
      if (Files.isRegularFile(target) && verify(media.sha256())) {
        Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
        return;
      }
      Path part = dir.resolve(media.sha256() + PART);
      makeRoom(media.sizeBytes() - sizeOrZero(part), keep, media.sha256());
      download(media, part, cancelled);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.fsyncDirectory(dir);
      verified.add(media.sha256());
      Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
    } catch (MediaException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw new MediaException(AgentWords.mediaUnreachable(media.url(), e.toString()), e);
    }
  }

  private void download(MediaRef media, Path part, BooleanSupplier cancelled) throws IOException {
    long have = sizeOrZero(part);
    if (have > media.sizeBytes()) {
      Files.delete(part);
      have = 0;
    }
    MessageDigest digest = sha256();
    if (have > 0) {
      hashInto(part, digest);
    }
    if (have < media.sizeBytes()) {
      have = fetch(media, part, have, digest, cancelled);
    }
    if (have != media.sizeBytes()) {
      throw new MediaException(AgentWords.mediaShort(media.sha256(), media.url(), have, media.sizeBytes()));
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(media.sha256())) {
      // Whatever went wrong (a tampered server, a part torn by a power cut), start over next time.
      Files.deleteIfExists(part);
      throw new MediaException(AgentWords.mediaChecksum(media.url(), media.sha256(), actual));
    }
  }

  /** Appends the bytes from {@code have} on to {@code part}; returns the part's new length. */
  private long fetch(MediaRef media, Path part, long have, MessageDigest digest, BooleanSupplier cancelled)
      throws IOException {
    if (have > 0) {
      LOG.info("resuming {} at byte {} of {} from {}", media.sha256(), have, media.sizeBytes(), media.url());
    } else {
      LOG.info("downloading {} ({} bytes) from {}", media.sha256(), media.sizeBytes(), media.url());
    }
    HttpURLConnection connection = (HttpURLConnection) URI.create(media.url()).toURL().openConnection();
    if (tls != null && connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(tls); // the host name is still verified against the certificate
    }
    try {
      connection.setConnectTimeout((int) connectTimeout.toMillis());
      connection.setReadTimeout((int) readTimeout.toMillis());
      if (have > 0) {
        connection.setRequestProperty("Range", "bytes=" + have + "-");
      }
      int status = connection.getResponseCode();
      if (status == HttpURLConnection.HTTP_OK && have > 0) {
        LOG.info("{} ignored the range request; downloading {} from the start", media.url(), media.sha256());
        have = 0;
        digest.reset();
      } else if (status == HttpURLConnection.HTTP_PARTIAL) {
        String range = connection.getHeaderField("Content-Range");
        if (range == null || !range.startsWith("bytes " + have + "-")) {
          throw new MediaException(AgentWords.mediaUnreachable(media.url(),
              "asked for bytes " + have + "- but got Content-Range " + range));
        }
      } else if (status != HttpURLConnection.HTTP_OK) {
        throw new MediaException(AgentWords.mediaHttp(media.url(), status));
      }
      try (InputStream in = connection.getInputStream();
          FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        out.truncate(have);
        out.position(have);
        long total = have;
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          total += n;
          if (total > media.sizeBytes()) {
            // Stop early: an endless or oversized body must not fill the kiosk's disk.
            out.truncate(0);
            throw new MediaException(AgentWords.mediaLarger(media.sha256(), media.url(), media.sizeBytes()));
          }
          digest.update(buffer, 0, n);
          ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
          try {
            while (chunk.hasRemaining()) {
              out.write(chunk);
            }
          } catch (IOException e) {
            // Most likely the disk is full (another writer took the room): give it back at once.
            out.truncate(0);
            throw new MediaException(AgentWords.cacheWrite(media.url(), e), e);
          }
          if (cancelled.getAsBoolean()) {
            out.force(true);
            throw new DownloadCancelled("download of " + media.sha256() + " paused at byte " + total
                + ": a newer schedule is waiting");
          }
        }
        // Durable before it can be renamed to its final name.
        out.force(true);
        return total;
      }
    } finally {
      connection.disconnect();
    }
  }

  /**
   * Deletes unneeded files, least recently used first, until {@code need} more bytes fit both the
   * quota and the disk (leaving {@link #HEADROOM_BYTES} free); refuses, before any byte is
   * downloaded, when they cannot.
   */
  private void makeRoom(long need, Set<String> keep, String fetching) throws IOException {
    long quota = quotaBytes();
    long used = sizeBytes();
    long free = freeDiskBytes();
    if (used + need <= quota && free - need >= HEADROOM_BYTES) {
      return;
    }
    List<Path> evictable = new ArrayList<>();
    for (Path file : list()) {
      String name = file.getFileName().toString();
      String sha = name.endsWith(PART) ? name.substring(0, name.length() - PART.length()) : name;
      if (!keep.contains(sha) && !sha.equals(fetching)) {
        evictable.add(file);
      }
    }
    evictable.sort(Comparator.comparing(MediaCache::modified));
    for (Path file : evictable) {
      if (used + need <= quota && free - need >= HEADROOM_BYTES) {
        break;
      }
      long size = sizeOrZero(file);
      Files.deleteIfExists(file);
      used -= size;
      free += size;
      LOG.info("cache: evicted {} ({} bytes), which no current schedule needs", file.getFileName(), size);
    }
    AtomicFiles.fsyncDirectory(dir);
    if (used + need > quota) {
      throw new MediaException(AgentWords.cacheQuota(fetching, quota, quotaBytes == 0 ? (int) (AUTO_SHARE * 100) : null,
          used, need));
    }
    free = freeDiskBytes();
    if (free - need < HEADROOM_BYTES) {
      throw new MediaException(AgentWords.diskFull(fetching, need, free, HEADROOM_BYTES));
    }
  }

  private List<Path> list() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path file : stream) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    }
    return files;
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static long sizeOrZero(Path file) throws IOException {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return 0;
    }
  }

  private static String hash(Path file) throws IOException {
    MessageDigest digest = sha256();
    hashInto(file, digest);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void hashInto(Path file, MessageDigest digest) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
