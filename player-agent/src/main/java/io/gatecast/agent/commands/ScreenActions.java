package io.gatecast.agent.commands;

import io.gatecast.agent.cache.AtomicFiles;
import io.gatecast.agent.display.PageServer;
import io.gatecast.agent.kiosk.DevTools;
import io.gatecast.protocol.AgentWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The commands as this agent carries them out: through the browser's DevTools, the page and the cache. */
public final class ScreenActions implements CommandActions {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenActions.class);
  private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  /** Screenshots kept in the data dir; older ones are deleted (they were uploaded, or are stale). */
  static final int KEEP_SCREENSHOTS = 10;

  private final PageServer page;
  private final DevTools devTools;
  private final ScreenshotUploader uploader;
  private final Path screenshots;
  private final Runnable restart;
  private final Callable<String> clearCache;

  /**
   * @param uploader null when no controller URL is configured (screenshots are then only kept locally)
   * @param restart asks the agent to restart (the process exits and systemd starts it again)
   * @param clearCache the cache's own clearing, which returns a summary
   */
  public ScreenActions(PageServer page, DevTools devTools, ScreenshotUploader uploader, Path screenshots,
      Runnable restart, Callable<String> clearCache) {
    this.page = page;
    this.devTools = devTools;
    this.uploader = uploader;
    this.screenshots = screenshots;
    this.restart = restart;
    this.clearCache = clearCache;
  }

  @Override
  public String screenshot() throws Exception {
    byte[] jpeg = devTools.screenshot();
    if (jpeg.length < JPEG_MAGIC.length || !Arrays.equals(Arrays.copyOf(jpeg, JPEG_MAGIC.length), JPEG_MAGIC)) {
      throw new IOException(AgentWords.screenshotNotJpeg());
    }
    String sha256 = sha256(jpeg);
    Path file = Files.createDirectories(screenshots).resolve(sha256 + ".jpg");
    AtomicFiles.write(file, jpeg);
    prune();
    if (uploader == null) {
      throw new IOException(AgentWords.screenshotNotUploaded(file.toString()));
    }
    uploader.upload(sha256, jpeg, "image/jpeg");
    LOG.info("screenshot {} ({} bytes) uploaded", sha256, jpeg.length);
    return sha256;
  }

  @Override
  public String reload() throws Exception {
    if (devTools.available()) {
      devTools.reload();
      return AgentWords.reloadedThroughBrowser();
    }
    page.requestReload();
    return AgentWords.reloadAsked();
  }

  @Override
  public String restart() {
    restart.run();
    return AgentWords.restarting();
  }

  @Override
  public String identify(Duration duration) {
    page.identify(duration);
    return AgentWords.identifying(duration);
  }

  @Override
  public String clearCache() throws Exception {
    return clearCache.call();
  }

  private void prune() throws IOException {
    List<Path> all;
    try (Stream<Path> files = Files.list(screenshots)) {
      all = files.filter(f -> f.getFileName().toString().endsWith(".jpg"))
          .sorted(Comparator.comparing(ScreenActions::modified).reversed()).toList();
    }
    for (Path old : all.subList(Math.min(KEEP_SCREENSHOTS, all.size()), all.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
