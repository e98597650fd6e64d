package io.gatecast.agent.cache;

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
 * <p>With a quota, room for a download is made by deleting, least recently used first, files that
 * no schedule in {@code keep} (the one playing, the one being fetched) needs; "used" is when a
 * schedule last asked for the file (its modification time). A schedule whose own files do not fit
 * is refused with a message saying so.
 */
public final class MediaCache {
  private static final Logger LOG = LoggerFactory.getLogger(MediaCache.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final String PART = ".part";

  private final Path dir;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final long quotaBytes;
  private final Clock clock;
  private final SSLSocketFactory tls;

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
    this.tls = tls;
    if (quotaBytes < 0) {
      throw new IllegalArgumentException("the cache quota must be 0 (none) or more bytes, got " + quotaBytes);
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

  /** The cached file for {@code sha256}, if present; anything that is not a SHA-256 is simply absent. */
  public Optional<Path> file(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    Path file = dir.resolve(sha256);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Hashes every cached file and deletes each one whose content is not its name (a disk error, a
   * power cut during a write the file system did not order, a hand edit): what is deleted is
   * fetched again by the next schedule that needs it. Run at start, before anything is played.
   *
   * @return the names of the deleted files
   */
  public List<String> verifyAll() throws IOException {
    List<String> deleted = new ArrayList<>();
    for (Path file : list()) {
      String name = file.getFileName().toString();
      if (!SHA256.matcher(name).matches()) {
        continue;
      }
      String actual = hash(file);
      if (!actual.equals(name)) {
        LOG.warn("cached file {} is corrupt (its content hashes to {}); deleting it to fetch it again", name, actual);
        Files.deleteIfExists(file);
        deleted.add(name);
      }
    }
    if (!deleted.isEmpty()) {
      AtomicFiles.fsyncDirectory(dir);
    }
    return deleted;
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
    return Files.getFileStore(dir).getUsableSpace();
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
    Path target = dir.resolve(media.sha256());
    try {
      if (Files.isRegularFile(target)) {
        Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
        return;
      }
      Path part = dir.resolve(media.sha256() + PART);
      makeRoom(media.sizeBytes() - sizeOrZero(part), keep, media.sha256());
      download(media, part);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.fsyncDirectory(dir);
      Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
    } catch (MediaException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw new MediaException("download of " + media.url() + " failed: " + e, e);
    }
  }

  private void download(MediaRef media, Path part) throws IOException {
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
      have = fetch(media, part, have, digest);
    }
    if (have != media.sizeBytes()) {
      throw new MediaException("media " + media.sha256() + " from " + media.url() + " is " + have
          + " bytes; " + media.sizeBytes() + " were announced");
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(media.sha256())) {
      // Whatever went wrong (a tampered server, a part torn by a power cut), start over next time.
      Files.deleteIfExists(part);
      throw new MediaException("checksum did not match for " + media.url() + ": expected sha256 "
          + media.sha256() + ", got " + actual);
    }
  }

  /** Appends the bytes from {@code have} on to {@code part}; returns the part's new length. */
  private long fetch(MediaRef media, Path part, long have, MessageDigest digest) throws IOException {
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
          throw new MediaException("download of " + media.url() + " failed: asked for bytes " + have
              + "- but got Content-Range " + range);
        }
      } else if (status != HttpURLConnection.HTTP_OK) {
        throw new MediaException("download of " + media.url() + " failed: HTTP " + status);
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
            throw new MediaException("media " + media.sha256() + " from " + media.url()
                + " is larger than the announced " + media.sizeBytes() + " bytes");
          }
          digest.update(buffer, 0, n);
          ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
          while (chunk.hasRemaining()) {
            out.write(chunk);
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

  /** Deletes unneeded files, least recently used first, until {@code need} more bytes fit the quota. */
  private void makeRoom(long need, Set<String> keep, String fetching) throws IOException {
    if (quotaBytes == 0) {
      return;
    }
    long used = sizeBytes();
    if (used + need <= quotaBytes) {
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
      if (used + need <= quotaBytes) {
        break;
      }
      long size = sizeOrZero(file);
      Files.deleteIfExists(file);
      used -= size;
      LOG.info("cache quota: evicted {} ({} bytes), which no current schedule needs", file.getFileName(), size);
    }
    AtomicFiles.fsyncDirectory(dir);
    if (used + need > quotaBytes) {
      throw new MediaException("the cache quota of " + quotaBytes + " bytes cannot hold the schedule's files: "
          + used + " bytes are needed by the schedules playing or pending, and " + fetching + " needs " + need
          + " more (raise --cache-quota-mb)");
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
