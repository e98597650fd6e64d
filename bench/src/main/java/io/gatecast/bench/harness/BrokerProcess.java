package io.gatecast.bench.harness;

import io.gatecast.controller.Main;
import io.gatecast.testkit.Ports;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * A broker in its own process, holding the controller's logins and access rules, for the floor
 * measurements and the reconnect storm: either a Mosquitto 2 with the files of
 * {@code controller export-mosquitto}, or the controller's embedded Moquette or HiveMQ CE alone
 * ({@link EmbeddedBrokerMain}). {@link #restart} kills it and starts it again on the same port.
 */
public final class BrokerProcess implements AutoCloseable {
  /** Which broker: EMBEDDED is the controller's Moquette, HIVEMQ its HiveMQ CE (--embedded-broker hivemq). */
  public enum Kind { MOSQUITTO, EMBEDDED, HIVEMQ }

  private static final Duration LISTEN_WAIT = Duration.ofMinutes(3);
  private final Kind kind;
  private final List<String> command;
  private final Path dir;
  private final int port;
  private Process process;

  private BrokerProcess(Kind kind, List<String> command, Path dir, int port) {
    this.kind = kind;
    this.command = command;
    this.dir = dir;
    this.port = port;
  }

  /** Starts a broker of {@code kind} on a free port for the screens registered in {@code controllerData}. */
  public static BrokerProcess start(Kind kind, Path controllerData, Path dir) {
    int port = Ports.free();
    try {
      Files.createDirectories(dir);
      List<String> command = new ArrayList<>();
      if (kind == Kind.MOSQUITTO) {
        int code = new CommandLine(new Main()).execute("export-mosquitto", "--data-dir", controllerData.toString(),
            "--out", dir.toString());
        if (code != 0) {
          throw new IllegalStateException("export-mosquitto failed with " + code);
        }
        Files.createDirectories(dir.resolve("store"));
        // persistence on, as in production: retained schedules and statuses survive a restart
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
            "listener " + port + " 127.0.0.1",
            "allow_anonymous false",
            "password_file " + dir.resolve("passwd"),
            "acl_file " + dir.resolve("acl"),
            "persistence true",
            "persistence_location " + dir.resolve("store") + "/",
            "max_queued_messages 10000",
            "user root",
            "log_dest file " + dir.resolve("mosquitto.log"),
            "log_type error",
            "log_type warning",
            ""));
        command.addAll(List.of("mosquitto", "-c", dir.resolve("mosquitto.conf").toString()));
      } else {
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), EmbeddedBrokerMain.class.getName(), controllerData.toString(),
            Integer.toString(port), dir.resolve("store").toString(),
            kind == Kind.HIVEMQ ? "hivemq" : "moquette"));
      }
      BrokerProcess broker = new BrokerProcess(kind, command, dir, port);
      broker.launch();
      return broker;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + kind + ": " + e.getMessage(), e);
    }
  }

  private void launch() throws IOException {
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker-process.log").toFile())).start();
    // The embedded HiveMQ takes 20-40 s to listen on this shared box (load 35-40): 3 min for all.
    long deadline = System.nanoTime() + LISTEN_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(kind + " exited with " + process.exitValue() + "; see " + dir);
      }
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException(kind + " did not listen on " + port + " within " + LISTEN_WAIT);
  }

  public Kind kind() {
    return kind;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Stops the broker (SIGTERM, so Mosquitto saves its retained messages) and starts it again on the same port. */
  public void restart() {
    stop();
    startAgain();
  }

  /** Starts the stopped broker again on the same port. */
  public void startAgain() {
    try {
      launch();
    } catch (IOException e) {
      throw new IllegalStateException("cannot restart " + kind + ": " + e.getMessage(), e);
    }
  }

  /** Stops the broker: SIGTERM (Mosquitto saves its retained messages), SIGKILL after 30 s. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the broker at once (SIGKILL): nothing it holds in memory is saved. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
