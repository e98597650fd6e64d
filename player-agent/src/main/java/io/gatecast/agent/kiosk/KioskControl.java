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
    String pageUrl = "http://127.0.0.1:" + page.port() + "/";
    List<String> command = options.browserCommand().stream().map(word -> word.replace("{url}", pageUrl)).toList();
    this.browser = options.launchesBrowser() ? new KioskBrowser(command) : null;
    this.display = new DisplayMonitor(page, browser, options.devtoolsPort() != null);
    this.devTools = new DevTools(() -> browser != null
        ? browser.devtoolsPort() : Optional.ofNullable(options.devtoolsPort()), pageUrl);
  }

  /** Launches the browser, if the agent runs one. */
  public void start() {
    if (browser != null) {
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
