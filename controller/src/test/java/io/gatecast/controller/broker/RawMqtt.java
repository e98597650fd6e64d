package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Just enough MQTT 3.1.1 over a plain socket for what no client library does on demand: a publish with
 * the DUP flag, packets sent right after CONNECT without waiting for the CONNACK. Packets are written
 * to a buffer and go out together on {@link #flush()} ({@link #connect} flushes by itself).
 */
final class RawMqtt {
  private final OutputStream out;
  private final DataInputStream in;

  RawMqtt(Socket socket) throws IOException {
    this.out = new BufferedOutputStream(socket.getOutputStream());
    this.in = new DataInputStream(socket.getInputStream());
  }

  /** Sends CONNECT and waits for the CONNACK; returns its return code. */
  int connect(String clientId, String username, String password) throws IOException {
    writeConnect(clientId, username, password);
    flush();
    return connAckCode();
  }

  /** Writes CONNECT (clean session, keep-alive 60 s) to the buffer. */
  void writeConnect(String clientId, String username, String password) throws IOException {
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
  }

  /** Reads the next packet, which must be a CONNACK; returns its return code. */
  int connAckCode() throws IOException {
    int type = in.readUnsignedByte();
    byte[] rest = in.readNBytes(remainingLength());
    assertThat(type).as("CONNACK").isEqualTo(0x20);
    return rest[1];
  }

  /** Writes SUBSCRIBE for one topic filter to the buffer. */
  void writeSubscribe(int packetId, String topicFilter, int qos) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(packetId >> 8);
    body.write(packetId & 0xFF);
    string(body, topicFilter);
    body.write(qos);
    packet(0x82, body);
  }

  /** Reads packets until a SUBACK for {@code packetId}; returns its first return code (granted QoS, or 0x80). */
  int subAckCode(int packetId) throws IOException {
    while (true) {
      int type = in.readUnsignedByte();
      byte[] rest = in.readNBytes(remainingLength());
      if (type == 0x90 && (((rest[0] & 0xFF) << 8) | (rest[1] & 0xFF)) == packetId) {
        return rest[2] & 0xFF;
      }
    }
  }

  void publishQos1(String topic, int packetId, boolean dup, String payload) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    string(body, topic);
    body.write(packetId >> 8);
    body.write(packetId & 0xFF);
    body.write(payload.getBytes(StandardCharsets.UTF_8));
    packet(dup ? 0x3A : 0x32, body);
    flush();
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

  /** Sends what was written, in one write to the socket. */
  void flush() throws IOException {
    out.flush();
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
  }

  private static void string(ByteArrayOutputStream to, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    to.write(bytes.length >> 8);
    to.write(bytes.length & 0xFF);
    to.writeBytes(bytes);
  }
}
