package io.gatecast.agent;

import io.gatecast.moquette.PatchedMoquette;
import io.gatecast.protocol.Limits;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

/**
 * A real MQTT broker on an ephemeral loopback port, in memory: the Moquette the controller embeds, with
 * the same work-arounds ({@link PatchedMoquette}), anonymous.
 */
final class TestBroker implements AutoCloseable {
  private final Server server;
  private boolean closed;

  TestBroker() {
    Properties properties = PatchedMoquette.loopbackAnonymous();
    properties.setProperty("netty.mqtt.message_size", Integer.toString(Limits.MAX_MESSAGE_BYTES + 1024));
    properties.setProperty("immediate_buffer_flush", "true");
    try {
      server = PatchedMoquette.start(new MemoryConfig(properties), null, null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Moquette records the bound port from a Netty listener that runs on the event loop after
    // startServer returns, so getPort() can still read 0 for a moment: wait for it.
    await().atMost(Duration.ofSeconds(10)).until(() -> server.getPort() > 0);
  }

  String url() {
    return "tcp://127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    PatchedMoquette.stop(server);
  }
}
