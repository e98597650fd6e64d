package io.gatecast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {
  @Test
  void aFreePortIsNotListeningUntilSomethingBindsIt() throws Exception {
    int port = Ports.free();
    assertThat(port).isBetween(1, 65535);
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(Ports.listening(socket.getLocalPort())).isTrue();
      int bound = socket.getLocalPort();
      socket.close();
      assertThat(Ports.listening(bound)).isFalse();
    }
  }
}
