package io.gatecast.controller;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A protocol-speaking stand-in for an agent: logs in as its screen, opens each schedule only if the
 * controller's key signed it, applies it if its version is newer than the one it plays (a
 * duplicate is ignored, as the real agent does) and answers APPLIED on its events topic.
 */
final class AckingScreen implements AutoCloseable {
  /** Every signed schedule that arrived, duplicates included. */
  final List<ScheduleMessage> received = new CopyOnWriteArrayList<>();
  /** The schedules it applied, in order. */
  final List<ScheduleMessage> applied = new CopyOnWriteArrayList<>();
  private final String screenId;
  private final PinnedKey key;
  private final MqttClient client;
  // Paho must not publish from its own callback thread.
  private final ScreenOutbox acks;

  AckingScreen(String brokerUrl, PinnedKey key, String screenId, String password) throws MqttException {
    this(brokerUrl, key, screenId, password, List.of());
  }

  /** A screen that already plays {@code alreadyApplied} (its agent kept them on disk). */
  AckingScreen(String brokerUrl, PinnedKey key, String screenId, String password, List<ScheduleMessage> alreadyApplied)
      throws MqttException {
    applied.addAll(alreadyApplied);
    this.screenId = screenId;
    this.key = key;
    client = new MqttClient(brokerUrl, screenId, /* a screen connects as itself */
        new MemoryPersistence());
    acks = new ScreenOutbox(client);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setUserName(screenId);
    options.setPassword(password.toCharArray());
    client.connect(options);
    client.subscribe(Topics.schedule(screenId), 1, (topic, message) -> onSchedule(message.getPayload()));
  }

  private void onSchedule(byte[] payload) {
    ScheduleMessage schedule = SignedSchedules.open(key, payload);
    received.add(schedule);
    if (latest().map(l -> l.version() >= schedule.version()).orElse(false)) {
      return;
    }
    applied.add(schedule);
    ScheduleAck ack = new ScheduleAck(Header.now(Instant.now()), screenId, schedule.version(),
        ScheduleAck.Outcome.APPLIED, null);
    acks.send(Topics.events(screenId), Codec.encode(ack));
  }

  Optional<ScheduleMessage> latest() {
    return applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1));
  }

  /** The item ids of the latest applied schedule. */
  List<String> itemsOnAir() {
    return latest().map(s -> s.rules().items().stream().map(i -> i.id()).toList()).orElse(List.of());
  }

  /**
   * Reports ONLINE with the version it plays, on its status topic, as the real agent does on every
   * connect: how the controller learns of an APPLIED ack that was lost with a stop.
   */
  void reportStatus() throws MqttException {
    client.publish(Topics.status(screenId), Codec.encode(new StatusMessage(Header.now(Instant.now()), screenId,
        ScreenState.ONLINE, latest().map(ScheduleMessage::version).orElse(null), null, 10L)), 1, true);
  }

  /**
   * Leaves after the acks it queued are sent: a schedule in {@link #applied} has had its APPLIED
   * published (the broker confirmed it at QoS 1), not dropped with the disconnect.
   */
  @Override
  public void close() throws MqttException {
    if (!acks.drain(Duration.ofSeconds(30))) {
      throw new IllegalStateException("the queued acks of " + screenId + " were not sent within 30 s");
    }
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
