package io.gatecast.moquette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link PatchedMoquette#stop}: the network threads are asked for the short quiet (0.17's fields are
 * where the patch expects them), and the stop still does all a stop does: connected clients are cut off
 * and the port no longer takes connections. How much sooner it ends is measured, not tested
 * (bench/BENCHMARKS.md, seventeenth session).
 */
class StopTest {
  @Test
  void aStopCutsOffItsClientsAndFreesItsPortWithoutTheLongQuiet() throws IOException {
    Server broker = PatchedMoquette.start(new MemoryConfig(PatchedMoquette.loopbackAnonymous()), null, null, null);
    // Moquette records the bound port from a listener that may run after startServer returns.
    await().atMost(Duration.ofSeconds(10)).until(() -> broker.getPort() > 0);
    int port = broker.getPort();

    try (Socket client = new Socket("127.0.0.1", port)) {
      client.setSoTimeout(10_000);
      assertThat(PatchedMoquette.stop(broker)).as("the network threads were asked for the short quiet").isTrue();
      assertThat(client.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
  }
}
