package io.gatecast.agent;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.EventKind;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Signer;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Plays the controller's side over a real MQTT connection: publishes schedules signed with the
 * test controller key (or any bytes a test forges), records what agents say.
 */
final class ControllerSpy implements AutoCloseable {
  final List<StatusMessage> statuses = new CopyOnWriteArrayList<>();
  final List<ScheduleAck> acks = new CopyOnWriteArrayList<>();
  final List<RejectionEvent> rejections = new CopyOnWriteArrayList<>();
  final List<CommandResult> commandResults = new CopyOnWriteArrayList<>();
  final List<PlayBatch> playBatches = new CopyOnWriteArrayList<>();
  /** Every event in arrival order, decoded. */
  final List<Object> events = new CopyOnWriteArrayList<>();
  private final MqttClient client;
  private final Signer signer;
  private boolean closed;

  ControllerSpy(String brokerUrl, String screenId, Signer signer) throws MqttException {
    this.signer = signer;
    client = new MqttClient(brokerUrl, "spy-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    client.connect(options);
    client.subscribe(Topics.status(screenId), 1,
        (topic, message) -> statuses.add(Codec.decode(message.getPayload(), StatusMessage.class)));
    client.subscribe(Topics.events(screenId), 1,
        (topic, message) -> {
          // The events topic carries several kinds, told apart as the controller does.
          EventKind kind = EventKind.of(Codec.mapper().readTree(message.getPayload())).orElseThrow();
          Object event = Codec.decode(message.getPayload(), kind.type());
          events.add(event);
          switch (kind) {
            case SCHEDULE_ACK -> acks.add((ScheduleAck) event);
            case REJECTION -> rejections.add((RejectionEvent) event);
            case PLAY_BATCH -> playBatches.add((PlayBatch) event);
            case COMMAND_RESULT -> commandResults.add((CommandResult) event);
          }
        });
  }

  /** Signed with the test controller key, as the controller does. */
  void publishRetained(ScheduleMessage schedule) throws MqttException {
    publishRetained(schedule.screenId(), signer.signToBytes(Signed.SCHEDULE, schedule, null));
  }

  /** Exactly these bytes on the screen's schedule topic: for unsigned and forged schedules. */
  void publishRetained(String screenId, byte[] payload) throws MqttException {
    client.publish(Topics.schedule(screenId), payload, 1, true);
  }

  void sendCommand(String screenId, byte[] payload) throws MqttException {
    client.publish(Topics.commands(screenId), payload, 1, false);
  }

  /** Exactly these bytes, retained, on a cluster's alert topic. */
  void publishAlert(String clusterId, byte[] payload) throws MqttException {
    client.publish(Topics.alert(clusterId), payload, 1, true);
  }

  /** Exactly these bytes, retained, on a cluster's schedule topic. */
  void publishClusterSchedule(String clusterId, byte[] payload) throws MqttException {
    client.publish(Topics.clusterSchedule(clusterId), payload, 1, true);
  }

  @Override
  public void close() throws MqttException {
    if (closed) {
      return;
    }
    closed = true;
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
