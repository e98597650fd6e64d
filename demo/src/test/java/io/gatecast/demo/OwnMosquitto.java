package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto 2 of the test's own, on a free loopback port, holding every client to the
 * {@code passwd} and {@code acl} that {@code controller export-mosquitto} wrote into {@code dir}
 * (anonymous logins refused). The shared Mosquitto at 127.0.0.1:1883 is anonymous and cannot be
 * reconfigured by a test, hence this one. Skipped when Mosquitto is not installed, unless
 * GATECAST_REQUIRE_MOSQUITTO=true.
 */
final class OwnMosquitto implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
  private final Process process;
  private final int port;

  private OwnMosquitto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static void requireInstalled() {
    if (!Files.isExecutable(BINARY)) {
      String why = BINARY + " is not installed (apt-get install mosquitto); the real-Mosquitto test is skipped";
      if ("true".equals(System.getenv("GATECAST_REQUIRE_MOSQUITTO"))) {
        fail(why);
      }
      abort(why);
    }
  }

  /** Starts Mosquitto with {@code dir}/passwd and {@code dir}/acl; its log goes to {@code dir}/mosquitto.log. */
  static OwnMosquitto start(Path dir) throws IOException {
    int port = freePort();
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(conf, String.join("\n",
        "listener " + port + " 127.0.0.1",
        "allow_anonymous false",
        "password_file " + dir.resolve("passwd").toAbsolutePath(),
        "acl_file " + dir.resolve("acl").toAbsolutePath(),
        "persistence false",
        // Run as whoever runs the test: as root, Mosquitto would otherwise switch to the user
        // 'mosquitto', which cannot read the owner-only files in this temp folder.
        "user " + System.getProperty("user.name"),
        "log_dest stdout",
        ""));
    Path log = dir.resolve("mosquitto.log");
    Process process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    await().atMost(Duration.ofSeconds(15)).until(() -> listening(port) || !process.isAlive());
    assertThat(process.isAlive()).as("mosquitto exited; its log:\n%s", Files.readString(log)).isTrue();
    return new OwnMosquitto(process, port);
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
