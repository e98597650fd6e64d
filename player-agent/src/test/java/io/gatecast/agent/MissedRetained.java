package io.gatecast.agent;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker that holds a topic's retained message and does not hand it to the agent's first
 * subscription to that topic, as a NATS node did while its JetStream elected new leaders after
 * another node's loss: every PUBLISH on the topic to the agent is dropped until the agent subscribes
 * to it a second time. Used as the {@link LinkCutter}'s filter.
 */
final class MissedRetained implements LinkCutter.PacketFilter {
  private static final int PUBLISH = 3;
  private static final int SUBSCRIBE = 8;
  private final String topic;
  private final AtomicInteger subscriptions = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  MissedRetained(String topic) {
    this.topic = topic;
  }

  /** How many messages on the topic the agent was not handed. */
  int dropped() {
    return dropped.get();
  }

  /** How many times the agent subscribed to the topic. */
  int subscriptions() {
    return subscriptions.get();
  }

  @Override
  public boolean toBroker(byte[] packet) {
    if (type(packet) == SUBSCRIBE && subscribesToTheTopic(packet)) {
      subscriptions.incrementAndGet();
    }
    return true;
  }

  @Override
  public boolean toAgent(byte[] packet) {
    if (type(packet) == PUBLISH && string(packet, bodyStart(packet)).equals(topic) && subscriptions.get() < 2) {
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /** A SUBSCRIBE's topic filters: after its packet id, each a string and a QoS byte. */
  private boolean subscribesToTheTopic(byte[] packet) {
    for (int at = bodyStart(packet) + 2; at < packet.length; ) {
      String filter = string(packet, at);
      if (filter.equals(topic)) {
        return true;
      }
      at += 2 + filter.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return false;
  }

  private static int type(byte[] packet) {
    return (packet[0] >> 4) & 0x0f;
  }

  /** Where the variable header starts: after the fixed header byte and the remaining length's bytes. */
  private static int bodyStart(byte[] packet) {
    int at = 1;
    while ((packet[at] & 0x80) != 0) {
      at++;
    }
    return at + 1;
  }

  /** An MQTT string at {@code at}: two bytes of length, then UTF-8. */
  private static String string(byte[] packet, int at) {
    int length = ((packet[at] & 0xff) << 8) | (packet[at + 1] & 0xff);
    return new String(packet, at + 2, length, StandardCharsets.UTF_8);
  }
}
