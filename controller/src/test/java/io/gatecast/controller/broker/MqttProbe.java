package io.gatecast.controller.broker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real Paho client logged in as someone, for access tests: subscribes and tells the granted QoS
 * (128 = refused), publishes at QoS 0 (a refused QoS 1 publish gets no PUBACK from Moquette, so
 * waiting on it would hang), and records every message it receives as "topic payload".
 */
final class MqttProbe implements AutoCloseable {
  static final int REFUSED = 0x80;
  private static final long WAIT_MS = 10_000;
  private final MqttAsyncClient client;
  private final Queue<String> received = new ConcurrentLinkedQueue<>();

  private MqttProbe(MqttAsyncClient client) {
    this.client = client;
  }

  /** Connects, or throws the broker's refusal as an MqttException. */
  static MqttProbe connect(String brokerUrl, String username, String password) throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(brokerUrl,
        // A screen connects with its id as client id (the broker refuses anything else); others need not.
        username != null ? username : "probe-" + UUID.randomUUID().toString().substring(0, 8),
        new MemoryPersistence());
    MqttProbe probe = new MqttProbe(client);
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        probe.received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    // Only 3.1.1: Paho would otherwise retry a refused login as MQTT 3.1, muddling what was refused.
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    if (username != null) {
      options.setUserName(username);
      options.setPassword(password.toCharArray());
    }
    try {
      client.connect(options).waitForCompletion(WAIT_MS);
    } catch (MqttException e) {
      client.close(true);
      throw e;
    }
    return probe;
  }

  /** The QoS the broker granted for {@code filter}: 1 when allowed, {@link #REFUSED} when not. */
  int subscribe(String filter) throws MqttException {
    try {
      IMqttToken token = client.subscribe(filter, 1);
      token.waitForCompletion(WAIT_MS);
      return token.getGrantedQos()[0];
    } catch (MqttException e) {
      // Some Paho paths turn a 0x80 SUBACK into this exception instead of a granted QoS.
      if (e.getReasonCode() == MqttException.REASON_CODE_SUBSCRIBE_FAILED) {
        return REFUSED;
      }
      throw e;
    }
  }

  /** Publishes {@code payload} at QoS 0, not retained; returns once Paho has written it. */
  void publish(String topic, String payload) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false).waitForCompletion(WAIT_MS);
  }

  /**
   * Publishes at QoS 0 and does not wait for Paho to report it written: for a publish the broker
   * answers by closing the connection (HiveMQ). Paho completes a QoS 0 token on its callback thread,
   * which a lost connection can stop first, so waiting here could time out although the publish
   * went out. The caller awaits the closed connection instead, the broker's own answer.
   */
  void publishExpectingClose(String topic, String payload) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false);
  }

  /** Publishes at QoS 1 (queued for a subscriber's persistent session while it is offline). */
  void publishQos1(String topic, String payload) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(WAIT_MS);
  }

  boolean isConnected() {
    return client.isConnected();
  }

  List<String> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(WAIT_MS);
    }
    client.close();
  }
}
