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
  private final URI controllerUrl;
  private final List<PlayerAgent> running = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /**
   * @param browser the Chromium to run per screen, or null to run none (the pages are then shown by
   *     whoever opens them, and screenshots are not possible)
   * @param controllerUrl where screenshots are uploaded
   */
  KioskAgents(String browser, URI controllerUrl) {
    this.browser = browser;
    this.controllerUrl = controllerUrl;
  }

  /** The browser to use: {@code choice} if given ("none" for no browser), else Debian's Chromium when installed. */
  static String browserFor(String choice) {
    if (choice != null) {
      return "none".equals(choice) ? null : choice;
    }
    return new File(CHROMIUM).canExecute() ? CHROMIUM : null;
  }

  /** Starts an agent (and its browser); index {@code i} keeps its place across restarts. */
  int start(AgentConfig config) {
    running.add(null);
    int i = running.size() - 1;
    launch(i, config);
    return i;
  }

  PlayerAgent agent(int i) {
    return running.get(i);
  }

  private synchronized void launch(int i, AgentConfig config) {
    if (closed) { // the demo is ending while its agents start: start no more
      return;
    }
    PlayerAgent agent = PlayerAgent.start(config, Clock.systemUTC(), options(config.dataDir()));
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
          launch(i, config);
        }
      }, "demo-restart-" + config.screenId());
      restart.start();
    });
  }

  private KioskOptions options(Path dataDir) {
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
