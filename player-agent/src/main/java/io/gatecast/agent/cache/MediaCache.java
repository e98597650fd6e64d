package io.gatecast.agent.cache;

import io.gatecast.protocol.MediaRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media files stored by content: {@code <dir>/<sha256>}. A file only gets its final name after
 * its size and SHA-256 were checked while streaming, so whatever is in the cache under a hash
 * has that hash — the screen can never show bytes nobody approved.
 */
public final class MediaCache {
  private static final Logger LOG = LoggerFactory.getLogger(MediaCache.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path dir;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  /**
   * Uses {@link HttpURLConnection} rather than java.net.http.HttpClient on purpose: it has a
   * per-read timeout, so a download stalled on a dying 4G link fails instead of hanging forever.
   */
  public MediaCache(Path dir, Duration connectTimeout, Duration readTimeout) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    int removed = AtomicFiles.removeLeftovers(this.dir);
    if (removed > 0) {
      LOG.info("removed {} partial download(s) left by an earlier run", removed);
    }
  }

  public MediaCache(Path dir) throws IOException {
    this(dir, Duration.ofSeconds(10), Duration.ofSeconds(30));
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

  /** Downloads and verifies {@code media} unless it is already cached. */
  public void ensure(MediaRef media) throws MediaException {
    if (file(media.sha256()).isPresent()) {
      return;
    }
    LOG.info("downloading {} ({} bytes) from {}", media.sha256(), media.sizeBytes(), media.url());
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) URI.create(media.url()).toURL().openConnection();
      connection.setConnectTimeout((int) connectTimeout.toMillis());
      connection.setReadTimeout((int) readTimeout.toMillis());
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new MediaException("download of " + media.url() + " failed: HTTP " + status);
      }
      try (InputStream in = connection.getInputStream()) {
        AtomicFiles.write(dir.resolve(media.sha256()), out -> copyVerifying(in, out, media));
      }
    } catch (MediaException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw new MediaException("download of " + media.url() + " failed: " + e, e);
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  /** Streams while hashing; throwing here makes {@link AtomicFiles} discard the temp file. */
  private static void copyVerifying(InputStream in, OutputStream out, MediaRef media) throws IOException {
    MessageDigest digest = sha256();
    long expected = media.sizeBytes();
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      if (total > expected) {
        // Stop early: an endless or oversized body must not fill the kiosk's disk.
        throw new MediaException("media " + media.sha256() + " from " + media.url()
            + " is larger than the announced " + expected + " bytes");
      }
      digest.update(buffer, 0, n);
      out.write(buffer, 0, n);
    }
    if (total != expected) {
      throw new MediaException("media " + media.sha256() + " from " + media.url() + " is " + total
          + " bytes; " + expected + " were announced");
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(media.sha256())) {
      throw new MediaException("checksum did not match for " + media.url() + ": expected sha256 "
          + media.sha256() + ", got " + actual);
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
