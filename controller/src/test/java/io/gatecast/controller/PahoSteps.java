package io.gatecast.controller;

import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A step of a Paho asynchronous client's work (connect, subscribe, publish) that chains the next:
 * the next runs on success; a failure of this step, or of the next one's start, completes
 * {@code failed} instead. Tests drive hundreds of screens' logins at once with it.
 */
@FunctionalInterface
interface PahoSteps {
  void next(IMqttToken token) throws MqttException;

  /** The listener to hand Paho: {@code next} once the step succeeded, {@code failed} completed otherwise. */
  static IMqttActionListener then(PahoSteps next, CompletableFuture<?> failed) {
    return new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        try {
          next.next(token);
        } catch (MqttException | RuntimeException e) {
          failed.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        failed.completeExceptionally(e);
      }
    };
  }
}
