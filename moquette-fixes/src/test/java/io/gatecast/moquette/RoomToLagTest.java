package io.gatecast.moquette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that stops reading while QoS 0 messages pour in: Moquette 0.17 drops what does not fit
 * in its connection's write buffer, unless the subscriber is a user given {@link RoomToLag}. A real
 * broker and plain sockets, so the subscriber really stops reading (its receive buffer is kept small).
 * Each run ends with a QoS 1 message, which Moquette queues rather than drops: once the subscriber
 * has it, every QoS 0 message before it was either written to it or dropped.
 */
class RoomToLagTest {
  private static final String CONTROLLER = "controller";
  /** 16 MB in all: past the kernel's socket buffers and Netty's 64 KB, well within the room. */
  private static final int MESSAGES = 4_000;
  private static final int MESSAGE_BYTES = 4_000;
  private Server broker;

  @BeforeEach
  void start() throws IOException {
    Properties properties = PatchedMoquette.loopbackAnonymous();
    properties.setProperty("immediate_buffer_flush", "true");
    properties.setProperty("session_queue_size", "32768"); // as the controller's: no command dropped for a full queue
    broker = PatchedMoquette.start(new MemoryConfig(properties), null, null, null, Set.of(CONTROLLER));
    // Moquette records the bound port from a listener that may run after startServer returns.
    await().atMost(Duration.ofSeconds(10)).until(() -> broker.getPort() > 0);
  }

  @AfterEach
  void stop() {
    PatchedMoquette.stop(broker);
  }

  @Test
  void aListedSubscriberThatLagsIsSentEveryMessage() throws Exception {
    assertThat(qos0ReceivedWhileLagging(CONTROLLER)).isEqualTo(MESSAGES);
  }

  @Test
  void anyOtherSubscriberThatLagsLosesWhatDoesNotFit() throws Exception {
    assertThat(qos0ReceivedWhileLagging("hall-1")).isLessThan(MESSAGES / 2);
  }

  /** How many of {@link #MESSAGES} QoS 0 messages reach {@code user}'s subscriber, which reads only after all were sent. */
  private int qos0ReceivedWhileLagging(String user) throws Exception {
    try (RawClient subscriber = new RawClient(port(), user, 4096);
        RawClient publisher = new RawClient(port(), "publisher", 0)) {
      subscriber.send(MqttMessageBuilders.subscribe().messageId(1)
          .addSubscription(MqttQoS.AT_MOST_ONCE, "flood").addSubscription(MqttQoS.AT_LEAST_ONCE, "end").build());
      subscriber.await(MqttMessageType.SUBACK);

      byte[] payload = new byte[MESSAGE_BYTES];
      for (int i = 0; i < MESSAGES; i++) {
        publisher.send(MqttMessageBuilders.publish().topicName("flood").qos(MqttQoS.AT_MOST_ONCE)
            .payload(Unpooled.wrappedBuffer(payload)).build());
      }
      publisher.send(MqttMessageBuilders.publish().topicName("end").qos(MqttQoS.AT_LEAST_ONCE).messageId(2)
          .payload(Unpooled.wrappedBuffer(new byte[1])).build());
      publisher.await(MqttMessageType.PUBACK);

      int flood = 0;
      for (MqttMessage m = subscriber.next(); ; m = subscriber.next()) {
        if (m instanceof MqttPublishMessage p) {
          boolean end = p.variableHeader().topicName().equals("end");
          p.release();
          if (end) {
            return flood;
          }
          flood++;
        }
      }
    }
  }

  private int port() {
    return broker.getPort();
  }

  /** An MQTT 3.1.1 client on a plain socket: Netty's encoder and decoder, and nothing that reads unless asked. */
  private static final class RawClient implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private final Socket socket = new Socket();
    private final OutputStream out;
    private final InputStream in;
    private final EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
    private final EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder(1 << 20));
    private final Instant deadline = Instant.now().plus(DEADLINE);

    /** {@code receiveBuffer}: the socket's receive buffer in bytes, 0 for the system's. */
    RawClient(int port, String user, int receiveBuffer) throws IOException {
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer); // before connecting, so the window stays small
      }
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout((int) DEADLINE.toMillis());
      out = socket.getOutputStream();
      in = socket.getInputStream();
      send(MqttMessageBuilders.connect().clientId(user + "-client").username(user).password(new byte[] {1})
          .cleanSession(true).keepAlive(0).build());
      await(MqttMessageType.CONNACK);
    }

    void send(MqttMessage message) throws IOException {
      encoder.writeOutbound(message);
      for (ByteBuf bytes = encoder.readOutbound(); bytes != null; bytes = encoder.readOutbound()) {
        byte[] copy = new byte[bytes.readableBytes()];
        bytes.readBytes(copy);
        bytes.release();
        out.write(copy);
      }
      out.flush();
    }

    /** Reads until a packet of {@code type}; every packet before it is dropped. */
    void await(MqttMessageType type) throws IOException {
      for (MqttMessage m = next(); ; m = next()) {
        if (m instanceof MqttPublishMessage p) {
          p.release();
        }
        if (m.fixedHeader().messageType() == type) {
          return;
        }
      }
    }

    /** The next packet, reading the socket as needed; fails past the deadline. */
    MqttMessage next() throws IOException {
      byte[] chunk = new byte[64 * 1024];
      while (true) {
        MqttMessage decoded = decoder.readInbound();
        if (decoded != null) {
          return decoded;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IOException("nothing more within " + DEADLINE);
        }
        int read = in.read(chunk);
        if (read < 0) {
          throw new IOException("the broker closed the connection");
        }
        decoder.writeInbound(Unpooled.copiedBuffer(chunk, 0, read));
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      encoder.finishAndReleaseAll();
      decoder.finishAndReleaseAll();
    }
  }
}
