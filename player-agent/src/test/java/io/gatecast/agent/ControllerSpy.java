package io.gatecast.agent;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Plays the controller's side over a real MQTT connection: publishes schedules, records what agents say. */
final class ControllerSpy implements AutoCloseable {
  final List<StatusMessage> statuses = new CopyOnWriteArrayList<>();
  final List<ScheduleAck> acks = new CopyOnWriteArrayList<>();
  private final MqttClient client;
  private boolean closed;

  ControllerSpy(String brokerUrl, String screenId) throws MqttException {
    client = new MqttClient(brokerUrl, "spy-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    client.connect(options);
    client.subscribe(Topics.status(screenId), 1,
        (topic, message) -> statuses.add(Codec.decode(message.getPayload(), StatusMessage.class)));
    client.subscribe(Topics.events(screenId), 1,
        (topic, message) -> acks.add(Codec.decode(message.getPayload(), ScheduleAck.class)));
  }

  void publishRetained(ScheduleMessage schedule) throws MqttException {
    client.publish(Topics.schedule(schedule.screenId()), Codec.encode(schedule), 1, true);
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
