package io.gatecast.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Mosquitto 2 process of the test's own on a free loopback port (the shared one at
 * 127.0.0.1:1883 is anonymous and cannot be reconfigured by a test). Skipped when Mosquitto is
 * not installed, unless {@code GATECAST_REQUIRE_MOSQUITTO=true}.
 */
public final class Mosquitto implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  private final Process process;
  private final int port;

  private Mosquitto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Skips (or with GATECAST_REQUIRE_MOSQUITTO=true fails) the test when Mosquitto is missing; {@code what} names what is skipped. */
  public static void require(String what) {
    Installed.require(Files.isExecutable(BINARY), "GATECAST_REQUIRE_MOSQUITTO",
        BINARY + " is not installed (apt-get install mosquitto); " + what + " skipped");
  }

  /**
   * Writes {@code conf}: a listener on 127.0.0.1:{@code port}, then {@code settings}, then what
   * every test broker needs (run as the test's user, log to stdout).
   */
  public static Path writeConf(Path conf, int port, String... settings) {
    List<String> lines = new ArrayList<>();
    lines.add("listener " + port + " 127.0.0.1");
    lines.addAll(List.of(settings));
    // Run as whoever runs the test: as root, Mosquitto would otherwise switch to the user
    // 'mosquitto', which cannot read the owner-only files in the test's temp folder.
    lines.add("user " + System.getProperty("user.name"));
    lines.add("log_dest stdout");
    lines.add("");
    try {
      return Files.writeString(conf, String.join("\n", lines));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A broker holding every client to the {@code passwd} and {@code acl} that
   * {@code controller export-mosquitto} wrote into {@code dir} (anonymous logins refused, no
   * persistence); its configuration and log go into {@code dir} too.
   */
  public static Mosquitto withLogins(Path dir) {
    int port = Ports.free();
    return start(writeConf(dir.resolve("mosquitto.conf"), port,
        "allow_anonymous false",
        "password_file " + dir.resolve("passwd").toAbsolutePath(),
        "acl_file " + dir.resolve("acl").toAbsolutePath(),
        "persistence false"), port);
  }

  /**
   * A broker that admits anyone, keeps nothing on disk, and listens on {@code port} (given, so a
   * test can start it again on the same address after killing it); configuration and logs in
   * {@code dir}.
   */
  public static Mosquitto anonymous(Path dir, int port) {
    return start(writeConf(dir.resolve("mosquitto-" + port + ".conf"), port, "allow_anonymous true"), port);
  }

  /**
   * Starts Mosquitto with {@code conf} (listening on {@code port}) and waits until it listens;
   * fails with its log when it exits instead. Each start logs to a new file next to {@code conf}.
   */
  public static Mosquitto start(Path conf, int port) {
    require("the real-Mosquitto test is");
    Path log = conf.resolveSibling("mosquitto-" + System.nanoTime() + ".log");
    try {
      Process process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      await().atMost(DEADLINE).until(() -> Ports.listening(port) || !process.isAlive());
      if (!process.isAlive()) {
        throw new AssertionError("mosquitto exited; its log:\n" + Files.readString(log));
      }
      return new Mosquitto(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGHUP: Mosquitto reads its password and ACL files again. */
  public void reload() {
    Signals.send(process, "HUP");
  }

  /** SIGTERM: Mosquitto saves its persistence and ends; true when it ended within {@code seconds}. */
  public boolean stop(long seconds) throws InterruptedException {
    return Ending.stop(process, seconds);
  }

  /** SIGKILL: what came after its last save is lost; true when it ended within {@code seconds}. */
  public boolean kill(long seconds) throws InterruptedException {
    return Ending.kill(process, seconds);
  }

  /** Stops a broker still running: politely, then by force after 10 s. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive() && !stop(10)) {
      process.destroyForcibly();
    }
  }
}
