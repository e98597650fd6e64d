package io.gatecast.agent.kiosk;

import io.gatecast.agent.link.Backoff;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the kiosk browser and keeps it running: launches the configured command, and when the
 * browser exits or crashes, launches it again after a back-off (1 s doubling to 60 s, reset once
 * it has stayed up a minute), so a browser that dies at once does not spin the CPU. Learns the
 * DevTools port from the browser's own "DevTools listening on ws://..." line, so the command may
 * use {@code --remote-debugging-port=0}.
 */
public final class KioskBrowser implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KioskBrowser.class);
  private static final Pattern DEVTOOLS_LINE = Pattern.compile("DevTools listening on ws://[^:/]+:(\\d+)/");
  private static final Duration STABLE = Duration.ofMinutes(1);

  private final List<String> command;
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random());
  private final Thread supervisor;
  private final AtomicInteger launches = new AtomicInteger();
  private volatile Process process;
  private volatile Integer devtoolsPort;
  private volatile String lastExit = "not started yet";
  private volatile boolean closed;

  /** @param command the browser's command line, {@code {url}} already replaced */
  public KioskBrowser(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the kiosk command is empty");
    }
    this.command = List.copyOf(command);
    this.supervisor = new Thread(this::supervise, "gatecast-kiosk");
    this.supervisor.setDaemon(true);
  }

  public synchronized void start() {
    if (!supervisor.isAlive() && supervisor.getState() == Thread.State.NEW) {
      supervisor.start();
    }
  }

  /** Whether {@link #start} was called. */
  public synchronized boolean started() {
    return supervisor.getState() != Thread.State.NEW;
  }

  /** Whether the browser process is alive now. */
  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The running browser's process id. */
  public Optional<Long> pid() {
    Process p = process;
    return p != null && p.isAlive() ? Optional.of(p.pid()) : Optional.empty();
  }

  /** How many times the browser was launched (1 = never restarted). */
  public int launches() {
    return launches.get();
  }

  /** The DevTools port the running browser announced. */
  public Optional<Integer> devtoolsPort() {
    return isRunning() ? Optional.ofNullable(devtoolsPort) : Optional.empty();
  }

  /** Why the browser last stopped, for the heartbeat's display detail. */
  public String lastExit() {
    return lastExit;
  }

  private void supervise() {
    while (!closed) {
      long started = System.nanoTime();
      try {
        launchAndWait();
      } catch (IOException e) {
        lastExit = "cannot start " + command.get(0) + ": " + e.getMessage();
        LOG.error("kiosk browser: {}", lastExit);
      } catch (InterruptedException e) {
        break;
      }
      if (closed) {
        break;
      }
      if (System.nanoTime() - started > STABLE.toNanos()) {
        backoff.reset();
      }
      Duration delay = backoff.next();
      try {
        Thread.sleep(delay.toMillis()); // production back-off, interrupted by close()
      } catch (InterruptedException e) {
        break;
      }
      // Ctrl-C, or systemd stopping the kiosk, signals the browser along with this process: the browser
      // may end before this process's shutdown reaches close(). Its back-off is long enough for the
      // shutdown to have begun, so a browser that ended with us is not started again, nor warned about.
      if (closed || shuttingDown()) {
        break;
      }
      LOG.warn("kiosk browser stopped ({}); starting it again after {} ms", lastExit, delay.toMillis());
    }
  }

  /** Whether this JVM is running its shutdown hooks: the runtime refuses new ones then. */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  private void launchAndWait() throws IOException, InterruptedException {
    devtoolsPort = null;
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Process p = builder.start();
    process = p;
    if (closed) { // close() ran while we were launching
      p.destroy();
      return;
    }
    int n = launches.incrementAndGet();
    LOG.info("kiosk browser started (pid {}, launch {}): {}", p.pid(), n, String.join(" ", command));
    Thread output = new Thread(() -> readOutput(p), "gatecast-kiosk-output");
    output.setDaemon(true);
    output.start();
    int code = p.waitFor();
    lastExit = "exited with code " + code;
  }

  /** Logs the browser's chatter at debug level and picks out its DevTools port. */
  private void readOutput(Process p) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        Matcher m = DEVTOOLS_LINE.matcher(line);
        if (m.find()) {
          devtoolsPort = Integer.parseInt(m.group(1));
          LOG.info("kiosk browser DevTools on port {}", devtoolsPort);
        } else {
          LOG.debug("browser: {}", line);
        }
      }
    } catch (IOException e) {
      LOG.debug("browser output closed: {}", e.toString());
    }
  }

  /** Stops supervising and ends the browser (and any helper processes it started). */
  @Override
  public void close() {
    closed = true;
    supervisor.interrupt();
    Process p = process;
    if (p != null) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      try {
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
