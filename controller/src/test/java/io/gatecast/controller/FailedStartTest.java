package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.broker.PortInUseException;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Ports;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a controller opened is closed again — after a start that fails half-way as after a normal
 * close: its ports are free, no thread of its own is left to keep the JVM alive, and the data
 * directory serves the next start.
 */
@IntegrationTest
class FailedStartTest {
  @TempDir Path dataDir;
  private Vertx vertx;
  private Set<String> threadsBefore;

  @BeforeEach
  void vertx() {
    vertx = Vertx.vertx();
    threadsBefore = nonDaemonThreads();
  }

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void aStartFailingAfterTheBackendClosesTheBrokerAndTheDatabase() throws Exception {
    int brokerPort = Ports.free();
    ControllerConfig config = ControllerConfig.defaults(dataDir).withPorts(0, brokerPort);

    // Fails once the database, the broker, the MQTT link and the fleet monitor are open.
    assertThatThrownBy(() -> Controller.start(vertx, config, Clock.systemUTC(), sender -> {
      throw new IllegalStateException("no sender today");
    }).await()).hasMessageContaining("no sender today");

    assertThat(Ports.listening(brokerPort)).as("the broker port is closed").isFalse();
    assertNoThreadLeft();
    assertBindable(brokerPort);
    // The database (and the broker's store) open again, as after a normal stop.
    try (Controller again = Controller.start(vertx, config, Clock.systemUTC()).await()) {
      assertThat(again.brokerUrl()).endsWith(":" + brokerPort);
    }
  }

  @Test
  void aTakenBrokerPortLeavesTheDatabaseClosed() throws Exception {
    int brokerPort;
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      brokerPort = taken.getLocalPort();
      assertThatThrownBy(() -> Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, brokerPort),
          Clock.systemUTC()).await()).isInstanceOf(PortInUseException.class);
    }
    assertNoThreadLeft();
    try (Controller again = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, brokerPort),
        Clock.systemUTC()).await()) {
      assertThat(again.brokerUrl()).endsWith(":" + brokerPort);
    }
  }

  @Test
  void closeFreesBothPortsAndEveryThread() throws Exception {
    int brokerPort = Ports.free();
    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, brokerPort),
        Clock.systemUTC()).await();
    int httpPort = controller.httpPort();
    assertThat(Ports.listening(httpPort)).isTrue();

    controller.close();
    controller.close(); // a second close does nothing (and throws nothing)

    assertThat(Ports.listening(httpPort)).as("the HTTP port is closed").isFalse();
    assertThat(Ports.listening(brokerPort)).as("the broker port is closed").isFalse();
    assertNoThreadLeft();
    assertBindable(brokerPort);
  }

  /**
   * Left out: Vert.x's event-loop, worker and acceptor threads (the test's Vertx, closed after each
   * test), Netty's shared executor (ends by itself) and Awaitility's (which runs the check).
   */
  private static Set<String> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .map(Thread::getName)
        .filter(name -> !name.startsWith("vert.x-eventloop-thread-") && !name.startsWith("vert.x-worker-thread-")
            && !name.startsWith("vert.x-acceptor-thread-") && !name.startsWith("globalEventExecutor-")
            && !name.startsWith("awaitility"))
        .collect(Collectors.toSet());
  }

  private void assertNoThreadLeft() {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(nonDaemonThreads()).as("threads the controller left running").isSubsetOf(threadsBefore));
  }

  private static void assertBindable(int port) throws IOException {
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }
}
