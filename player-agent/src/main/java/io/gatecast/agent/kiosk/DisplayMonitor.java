package io.gatecast.agent.kiosk;

import io.gatecast.agent.display.PageServer;
import io.gatecast.protocol.AgentWords;
import io.gatecast.protocol.ScreenHealth.Display;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether the page is on screen, for the heartbeat's {@code health.display}: the page polls the
 * agent every half second while it runs, so a recent poll means a browser is showing it; when the
 * agent runs the browser itself it also knows whether that process is alive.
 */
public final class DisplayMonitor {
  /** What the heartbeat reports: the state and, unless SHOWING, why. */
  public record DisplayStatus(Display display, String detail) {}

  /** Silence after which the page counts as not showing (it polls twice a second). */
  static final Duration PAGE_SILENCE = Duration.ofSeconds(5);

  private final PageServer page;
  private final KioskBrowser browser;
  private final boolean kioskExpected;

  /**
   * @param browser the browser the agent runs, or null when someone else runs it
   * @param kioskExpected a kiosk browser is meant to show the page (the agent runs one, or was
   *     told where another one's DevTools are): silence is then NOT_SHOWING, not UNKNOWN
   */
  public DisplayMonitor(PageServer page, KioskBrowser browser, boolean kioskExpected) {
    this.page = page;
    this.browser = browser;
    this.kioskExpected = kioskExpected || browser != null;
  }

  public DisplayStatus status() {
    Optional<Duration> silence = page.sincePagePolled();
    boolean pageAlive = silence.isPresent() && silence.get().compareTo(PAGE_SILENCE) < 0;
    if (browser != null && !browser.isRunning()) {
      return new DisplayStatus(Display.NOT_SHOWING, AgentWords.browserDown(browser.lastExit()));
    }
    if (pageAlive) {
      return new DisplayStatus(Display.SHOWING, null);
    }
    if (!kioskExpected) {
      return new DisplayStatus(Display.UNKNOWN, silence.isEmpty()
          ? AgentWords.noBrowserYet()
          : AgentWords.pageSilent(silence.get()));
    }
    return new DisplayStatus(Display.NOT_SHOWING, silence.isEmpty()
        ? AgentWords.kioskNotYet()
        : AgentWords.kioskPageSilent(silence.get()));
  }
}
