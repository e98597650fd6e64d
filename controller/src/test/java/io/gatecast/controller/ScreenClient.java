package io.gatecast.controller;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A real MQTT client logged in as a screen, as its agent would be: reads its topics, publishes its events. */
final class ScreenClient implements AutoCloseable {
  final List<byte[]> received = new CopyOnWriteArrayList<>();
  private final MqttClient client;

  ScreenClient(String brokerUrl, String screenId, String password) throws MqttException {
    client = new MqttClient(brokerUrl, screenId, new MemoryPersistence()) /* a screen connects as itself */;
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setUserName(screenId);
    options.setPassword(password.toCharArray());
    // Paho's count of QoS 1 publishes in flight can lag behind the blocking publish() (a known Paho
    // issue, eclipse-paho/paho.mqtt.java#551): a test publishing 21 in a row on a loaded machine met
    // the default limit of 10 ("Too many publishes in progress", a full run of 2026-12-05).
    options.setMaxInflight(1000);
    client.connect(options);
  }

  void subscribe(String topic) throws MqttException {
    client.subscribe(topic, 1, (t, message) -> received.add(message.getPayload()));
  }

  void publish(String topic, byte[] payload) throws MqttException {
    client.publish(topic, payload, 1, false);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
