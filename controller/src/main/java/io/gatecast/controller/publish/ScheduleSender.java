package io.gatecast.controller.publish;

import io.gatecast.controller.broker.MqttLink;
import io.gatecast.protocol.Topics;
import io.vertx.core.Future;

/** How a signed schedule leaves the controller: retained, QoS 1, on the screen's schedule topic. */
@FunctionalInterface
public interface ScheduleSender {
  /** Completes when the broker has taken the message. */
  Future<Void> send(String screenId, byte[] envelope);

  static ScheduleSender over(MqttLink mqtt) {
    return (screenId, envelope) -> mqtt.publish(Topics.schedule(screenId), envelope, true);
  }
}
