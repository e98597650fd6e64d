package io.gatecast.controller;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * What a test screen sends in answer to a message it received, sent from a thread of its own: a blocking QoS 1
 * publish from Paho's callback thread can deadlock it.
 */
final class ScreenOutbox {
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final MqttClient client;

  ScreenOutbox(MqttClient client) {
    this.client = client;
  }

  /**
   * Publishes {@code payload} at QoS 1, not retained, after what was handed before. Something handed as the
   * screen closes is not sent: thrown into Paho's callback thread, the refusal broke the screen's disconnect
   * (seen with the agent tests' ControllerSpy).
   */
  void send(String topic, byte[] payload) {
    try {
      thread.execute(() -> {
        try {
          client.publish(topic, payload, 1, false);
        } catch (MqttException e) {
          throw new IllegalStateException(e);
        }
      });
    } catch (RejectedExecutionException e) {
      // closing: see above
    }
  }

  /** Takes nothing more; true once everything handed before was sent, within {@code deadline}. */
  boolean drain(Duration deadline) {
    thread.shutdown();
    try {
      return thread.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
