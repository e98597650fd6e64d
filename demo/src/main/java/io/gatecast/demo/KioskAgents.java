package io.gatecast.demo;

import io.gatecast.agent.AgentConfig;
import io.gatecast.agent.PlayerAgent;
import io.gatecast.agent.kiosk.KioskOptions;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's agents, run the way a kiosk runs them: each drives its own headless Chromium (when one
 * is installed) on its screen page, with a DevTools port, so screenshots and the display state work;
 * a RESTART command ends the agent and its browser and starts them again, as systemd would on a kiosk.
 */
final class KioskAgents implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KioskAgents.class);
  /** Debian's Chromium, the kiosk browser of the guide. */
  static final String CHROMIUM = "/usr/bin/chromium";

  private final String browser;
  private final List<PlayerAgent> running = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /**
   * Made before the controller starts, so the demo's shutdown hook can close it whenever Ctrl-C comes: an
   * agent asked to start after that is not started.
   *
   * @param browser the Chromium to run per screen, or null to run none (the pages are then shown by
   *     whoever opens them, and screenshots are not possible)
   */
  KioskAgents(String browser) {
    this.browser = browser;
  }

  /** The browser to use: {@code choice} if given ("none" for no browser), else Debian's Chromium when installed. */
  static String browserFor(String choice) {
    if (choice != null) {
      return "none".equals(choice) ? null : choice;
    }
    return new File(CHROMIUM).canExecute() ? CHROMIUM : null;
  }

  /**
   * Starts an agent (and its browser), which uploads its screenshots to {@code controllerUrl}; index
   * {@code i} keeps its place across restarts.
   */
  int start(AgentConfig config, URI controllerUrl) {
    running.add(null);
    int i = running.size() - 1;
    launch(i, config, controllerUrl);
    return i;
  }

  /** Whether the demo is ending: no agent starts any more. */
  boolean closing() {
    return closed;
  }

  /** Each agent's screen page, in the order they started; empty once the demo is ending. */
  synchronized Optional<List<String>> pages() {
    if (closed || running.contains(null)) {
      return Optional.empty();
    }
    return Optional.of(running.stream().map(agent -> "http://127.0.0.1:" + agent.pagePort() + "/").toList());
  }

  private synchronized void launch(int i, AgentConfig config, URI controllerUrl) {
    if (closed) { // the demo is ending while its agents start: start no more
      return;
    }
    PlayerAgent agent = PlayerAgent.start(config, Clock.systemUTC(), options(config.dataDir(), controllerUrl));
    running.set(i, agent);
    agent.restartRequested().thenAccept(code -> {
      if (closed) {
        return;
      }
      // Not on the agent's own command thread, which closing it stops.
      Thread restart = new Thread(() -> {
        LOG.info("RESTART of {}: stopping the agent and its browser and starting them again", config.screenId());
        agent.close();
        if (!closed) {
          launch(i, config, controllerUrl);
        }
      }, "demo-restart-" + config.screenId());
      restart.start();
    });
  }

  private KioskOptions options(Path dataDir, URI controllerUrl) {
    if (browser == null) {
      return new KioskOptions(List.of(), null, controllerUrl);
    }
    List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--autoplay-policy=no-user-gesture-required",
        // A full HD panel with the page full screen on it, as --kiosk on a real display.
        "--kiosk", "--screen-info={1920x1080}", "--remote-debugging-port=0",
        "--user-data-dir=" + dataDir.resolve("browser").toAbsolutePath(), "{url}"));
    return new KioskOptions(command, null, controllerUrl);
  }

  @Override
  public synchronized void close() {
    closed = true;
    running.forEach(agent -> {
      if (agent != null) {
        agent.close();
      }
    });
  }
}
