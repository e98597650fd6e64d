package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.controller.broker.PortInUseException;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A taken port stops the start with a message that says which port and what to do instead. */
@IntegrationTest
class PortInUseTest {
  @TempDir Path dataDir;

  @Test
  void aTakenBrokerPortIsNamedWithTheWaysOut() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, port),
              Clock.systemUTC()).await())
          .isInstanceOf(PortInUseException.class)
          .hasMessageContaining("MQTT port " + port)
          .hasMessageContaining("--broker-port")
          .hasMessageContaining("--broker tcp://127.0.0.1:" + port);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aTakenHttpPortIsNamed() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(port, 0),
              Clock.systemUTC()).await())
          .isInstanceOf(PortInUseException.class)
          .hasMessageContaining("HTTP port " + port)
          .hasMessageContaining("--http-port");
    } finally {
      vertx.close().await();
    }
  }
}
