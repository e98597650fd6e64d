package io.gatecast.controller.alerts;

import io.gatecast.controller.broker.MqttLink;
import io.gatecast.protocol.Topics;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts signed alert messages on their cluster's topic, retained, at QoS 1, never a lower version
 * after a higher one. Messages are made on the database thread in version order but their sends
 * complete on other threads; were an older one to reach the broker last, it would stay retained and
 * every screen that connects later would get a stale list (and agents that saw the newer one would
 * refuse it). So sends are issued under a lock in version order (Paho keeps the order of publishes
 * on one connection) and a version not above the highest issued for its cluster is dropped: a newer
 * message, which carries the whole current state, has already gone.
 */
final class AlertSender {
  private final MqttLink mqtt;
  private final Map<String, Long> highestIssued = new HashMap<>();

  AlertSender(MqttLink mqtt) {
    this.mqtt = mqtt;
  }

  /** Sends, or completes at once with false when a newer version was already issued. */
  synchronized Future<Boolean> send(String clusterId, long version, byte[] envelope) {
    if (version <= highestIssued.getOrDefault(clusterId, 0L)) {
      return Future.succeededFuture(false);
    }
    highestIssued.put(clusterId, version);
    return mqtt.publish(Topics.alert(clusterId), envelope, true).map(true);
  }

  /**
   * Sends a message again unchanged (the broker may have lost it), unless a newer version was
   * issued since: then that one, which carries the whole current state, is what must stay retained.
   */
  synchronized Future<Boolean> resend(String clusterId, long version, byte[] envelope) {
    if (version < highestIssued.getOrDefault(clusterId, 0L)) {
      return Future.succeededFuture(false);
    }
    highestIssued.put(clusterId, version);
    return mqtt.publish(Topics.alert(clusterId), envelope, true).map(true);
  }
}
