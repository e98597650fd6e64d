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

  @Test
  void aFreePortIsNeverOneTheKernelCouldHandToAnOutgoingConnection() {
    int ephemeral = Ports.ephemeralRangeStart();
    for (int i = 0; i < 50; i++) {
      assertThat(Ports.free()).isBetween(Ports.LOWEST, ephemeral - 1);
    }
  }

  @Test
  void aPortSomethingListensOnFailsTheProbeAndPassesItOnceClosed() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(Ports.free(), 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
      assertThat(Ports.bindable(port)).isFalse();
    }
    assertThat(Ports.bindable(port)).isTrue();
  }
}
