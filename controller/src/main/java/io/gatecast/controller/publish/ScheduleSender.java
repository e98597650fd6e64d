package io.gatecast.controller.publish;

import io.gatecast.controller.broker.MqttLink;
import io.gatecast.protocol.Topics;
import io.vertx.core.Future;

/**
 * How a signed schedule leaves the controller: retained, QoS 1, on the screen's schedule topic (a
 * whole schedule or a placement), or on a gate's cluster schedule topic.
 */
@FunctionalInterface
public interface ScheduleSender {
  /** Completes when the broker has taken the message. */
  Future<Void> send(String screenId, byte[] envelope);

  /**
   * A gate's cluster schedule; completes when the broker has taken it. A wrapper that intercepts
   * {@link #send} (tests) and is given placed screens must pass this on too; by default it is refused.
   */
  default Future<Void> sendToCluster(String clusterId, byte[] envelope) {
    return Future.failedFuture(new UnsupportedOperationException("this sender sends no cluster schedules"));
  }

  static ScheduleSender over(MqttLink mqtt) {
    return new ScheduleSender() {
      @Override
      public Future<Void> send(String screenId, byte[] envelope) {
        return mqtt.publish(Topics.schedule(screenId), envelope, true);
      }

      @Override
      public Future<Void> sendToCluster(String clusterId, byte[] envelope) {
        return mqtt.publish(Topics.clusterSchedule(clusterId), envelope, true);
      }
    };
  }
}
