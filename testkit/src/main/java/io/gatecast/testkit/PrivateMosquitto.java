package io.gatecast.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension: a private anonymous Mosquitto for each test (admits anyone, keeps nothing on
 * disk), on a free loopback port of its own, in a temporary folder removed afterwards. The test is
 * skipped when Mosquitto is missing (failed under {@code GATECAST_REQUIRE_MOSQUITTO=true}). It can
 * {@link #kill} the broker and {@link #restart} it on the same address, empty.
 *
 * <pre>{@code @RegisterExtension final PrivateMosquitto mosquitto = new PrivateMosquitto();}</pre>
 */
public final class PrivateMosquitto implements BeforeEachCallback, AfterEachCallback {
  private Path dir;
  private int port;
  private Mosquitto broker;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    Mosquitto.require(context.getDisplayName() + " is");
    dir = Files.createTempDirectory("gatecast-mosquitto-");
    port = Ports.free();
    broker = Mosquitto.anonymous(dir, port);
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    try {
      if (broker != null) {
        broker.close();
      }
    } finally {
      broker = null;
      delete(dir);
    }
  }

  /** {@code tcp://127.0.0.1:<port>}, the same across restarts. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The broker process now running (a new one after {@link #restart}). */
  public Mosquitto broker() {
    return broker;
  }

  /** SIGKILL: the broker dies without a word; true when it ended within {@code seconds}. */
  public boolean kill(long seconds) throws InterruptedException {
    return broker.kill(seconds);
  }

  /** Starts a new, empty broker on the same port (after {@link #kill}). */
  public Mosquitto restart() throws InterruptedException {
    if (broker.isAlive()) {
      broker.close();
    }
    broker = Mosquitto.anonymous(dir, port);
    return broker;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
