package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.RunningController;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A screen re-sending a QoS 1 publish with the DUP flag (as the agent's Paho does after a reconnect)
 * gets its PUBACK, the message reaches the controller, and the broker goes on serving that client:
 * on a bare Moquette 0.17 the DUP publish throws inside the broker, ends the session loop of that
 * client and of every client sharing the loop, and no PUBACK comes (see {@link DuplicatePublishes}).
 * Written as raw MQTT bytes, since no client library sets DUP on demand.
 */
@IntegrationTest
class DuplicatePublishTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void aReSentDuplicatePublishIsAcknowledgedDeliveredAndTheBrokerGoesOnServing() throws Exception {
    String password = register("dup-hall");
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(RUNNING.dataDir());
    URI broker = URI.create(RUNNING.controller().brokerUrl());
    try (MqttProbe watcher = MqttProbe.connect(broker.toString(), controller.username(), controller.password());
        Socket socket = new Socket(broker.getHost(), broker.getPort())) {
      assertThat(watcher.subscribe("gatecast/v1/screens/+/events")).isEqualTo(1);
      // A read that waits longer than this fails the test instead of hanging it
      socket.setSoTimeout((int) DEADLINE.toMillis());
      RawMqtt mqtt = new RawMqtt(socket);
      assertThat(mqtt.connect("dup-hall", "dup-hall", password)).as("CONNACK return code").isZero();

      String events = Topics.events("dup-hall");
      mqtt.publishQos1(events, 7, true, "{\"resent\":true}");
      assertThat(mqtt.pubAckId()).as("PUBACK for the DUP publish").isEqualTo(7);
      await().atMost(DEADLINE).until(() -> watcher.received().contains(events + " {\"resent\":true}"));

      // The same client's next publish is still served: its session loop is alive
      mqtt.publishQos1(events, 8, false, "{\"after\":true}");
      assertThat(mqtt.pubAckId()).as("PUBACK after the DUP publish").isEqualTo(8);
      await().atMost(DEADLINE).until(() -> watcher.received().contains(events + " {\"after\":true}"));
    }
  }

  private static String register(String screenId) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }

  /** Just enough MQTT 3.1.1 to send a DUP publish: CONNECT, PUBLISH at QoS 1, and reading the acks. */
  private static final class RawMqtt {
    private final OutputStream out;
    private final DataInputStream in;

    RawMqtt(Socket socket) throws IOException {
      this.out = socket.getOutputStream();
      this.in = new DataInputStream(socket.getInputStream());
    }

    /** Sends CONNECT (clean session, keep-alive 60 s); returns the CONNACK's return code. */
    int connect(String clientId, String username, String password) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      string(body, "MQTT");
      body.write(4); // protocol level 3.1.1
      body.write(0xC2); // username, password, clean session
      body.write(0);
      body.write(60);
      string(body, clientId);
      string(body, username);
      string(body, password);
      packet(0x10, body);
      int type = in.readUnsignedByte();
      int length = in.readUnsignedByte();
      byte[] rest = in.readNBytes(length);
      assertThat(type).as("CONNACK").isEqualTo(0x20);
      return rest[1];
    }

    void publishQos1(String topic, int packetId, boolean dup, String payload) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      string(body, topic);
      body.write(packetId >> 8);
      body.write(packetId & 0xFF);
      body.write(payload.getBytes(StandardCharsets.UTF_8));
      packet(dup ? 0x3A : 0x32, body);
    }

    /** Reads packets until a PUBACK; returns its packet id. */
    int pubAckId() throws IOException {
      while (true) {
        int type = in.readUnsignedByte();
        byte[] rest = in.readNBytes(remainingLength());
        if ((type & 0xF0) == 0x40) {
          return ((rest[0] & 0xFF) << 8) | (rest[1] & 0xFF);
        }
      }
    }

    private int remainingLength() throws IOException {
      int value = 0;
      int shift = 0;
      int digit;
      do {
        digit = in.readUnsignedByte();
        value |= (digit & 0x7F) << shift;
        shift += 7;
      } while ((digit & 0x80) != 0);
      return value;
    }

    private void packet(int header, ByteArrayOutputStream body) throws IOException {
      ByteArrayOutputStream packet = new ByteArrayOutputStream();
      packet.write(header);
      int length = body.size();
      do {
        int digit = length % 128;
        length /= 128;
        packet.write(length > 0 ? digit | 0x80 : digit);
      } while (length > 0);
      body.writeTo(packet);
      out.write(packet.toByteArray());
      out.flush();
    }

    private static void string(ByteArrayOutputStream to, String value) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      to.write(bytes.length >> 8);
      to.write(bytes.length & 0xFF);
      to.writeBytes(bytes);
    }
  }
}
