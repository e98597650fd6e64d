package io.gatecast.agent.kiosk;

import io.gatecast.agent.display.PageServer;
import java.util.List;
import java.util.Optional;

/**
 * Everything the agent knows and does about the browser showing its page: runs it when told to
 * ({@link KioskBrowser}), reaches it over DevTools, and says whether the page is on screen.
 */
public final class KioskControl implements AutoCloseable {
  private final KioskBrowser browser;
  private final DisplayMonitor display;
  private final DevTools devTools;

  public KioskControl(KioskOptions options, PageServer page) {
    this(options, page, null);
  }

  /**
   * @param running a browser already launched on the page's address (by {@link #launch} while the
   *     agent showed its pairing code on the same port), or null to launch one here if configured
   */
  public KioskControl(KioskOptions options, PageServer page, KioskBrowser running) {
    String pageUrl = pageUrl(page.port());
    this.browser = running != null ? running : options.launchesBrowser() ? browserFor(options, page.port()) : null;
    this.display = new DisplayMonitor(page, browser, options.devtoolsPort() != null);
    this.devTools = new DevTools(() -> browser != null
        ? browser.devtoolsPort() : Optional.ofNullable(options.devtoolsPort()),
        () -> browser != null && !browser.isRunning() ? browser.lastExit() : null, pageUrl);
  }

  /**
   * Launches the kiosk browser on the page at {@code pagePort} before the agent itself runs: while
   * it waits to be enrolled, so the panel shows the pairing code from the first second.
   *
   * @return the running browser, or null when no kiosk command is configured
   */
  public static KioskBrowser launch(KioskOptions options, int pagePort) {
    if (!options.launchesBrowser()) {
      return null;
    }
    KioskBrowser browser = browserFor(options, pagePort);
    browser.start();
    return browser;
  }

  private static KioskBrowser browserFor(KioskOptions options, int pagePort) {
    String pageUrl = pageUrl(pagePort);
    List<String> command = options.browserCommand().stream().map(word -> word.replace("{url}", pageUrl)).toList();
    return new KioskBrowser(command);
  }

  private static String pageUrl(int port) {
    return "http://127.0.0.1:" + port + "/";
  }

  /** Launches the browser, if the agent runs one and it is not running yet. */
  public void start() {
    if (browser != null && !browser.started()) {
      browser.start();
    }
  }

  public DisplayMonitor.DisplayStatus display() {
    return display.status();
  }

  public Optional<KioskBrowser> browser() {
    return Optional.ofNullable(browser);
  }

  public DevTools devTools() {
    return devTools;
  }

  /** Ends the browser the agent runs (someone else's is left alone). */
  @Override
  public void close() {
    if (browser != null) {
      browser.close();
    }
  }
}
