package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.testkit.Ports;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Vert.x server's awaited close does not mean its port is free (about half of the closes on this
 * machine kind still accepted a connection right after); {@link PortCheck#awaitFree} is what the
 * controller waits on, so a restart on the same port binds it.
 */
class PortCheckTest {
  private static final String LOOPBACK = "127.0.0.1";
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void afterAwaitFreeAClosedServersPortNoLongerAcceptsAndBindsAgain() throws Exception {
    // Repeated: a single close is freed in time by luck about half of the time.
    for (int i = 0; i < 50; i++) {
      HttpServer server = vertx.createHttpServer().requestHandler(request -> request.response().end());
      int port = server.listen(0, LOOPBACK).await().actualPort();
      assertThat(Ports.listening(port)).isTrue();

      server.close().await();
      PortCheck.awaitFree(LOOPBACK, port, Duration.ofSeconds(10));

      assertThat(Ports.listening(port)).as("port %d after close and awaitFree", port).isFalse();
      assertThat(PortCheck.isFree(LOOPBACK, port)).isTrue();
    }
  }

  @Test
  void aPortStillTakenAtTheDeadlineIsAnError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> PortCheck.awaitFree(LOOPBACK, taken.getLocalPort(), Duration.ofMillis(50)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + taken.getLocalPort() + " on " + LOOPBACK + " is still taken");
    }
  }
}
