package io.gatecast.controller.broker;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every test that starts its own Mosquitto process needs: the binary, a free port, and "is it listening". */
final class LocalMosquitto {
  static final Path BINARY = Path.of("/usr/sbin/mosquitto");

  private LocalMosquitto() {}

  /**
   * Skips the calling test when Mosquitto is not installed, or fails it when
   * {@code GATECAST_REQUIRE_MOSQUITTO=true} (as CI sets it), naming {@code what} is skipped.
   */
  static void require(String what) {
    if (!Files.isExecutable(BINARY)) {
      String why = BINARY + " is not installed (apt-get install mosquitto); " + what + " skipped";
      if ("true".equals(System.getenv("GATECAST_REQUIRE_MOSQUITTO"))) {
        fail(why);
      }
      abort(why);
    }
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Starts a Mosquitto of the calling test's own: anonymous (any login), no persistence, on
   * {@code port}, logging into {@code dir}; returns once it listens. The caller stops it.
   */
  static Process startAnonymous(Path dir, int port) throws IOException {
    Path conf = dir.resolve("mosquitto-" + port + ".conf");
    Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\nuser "
        + System.getProperty("user.name") + "\n");
    Process process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> listening(port));
    return process;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
