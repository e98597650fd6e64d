package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.protocol.Topics;
import java.time.Duration;
import java.util.List;

/** Access checks shared by the embedded-broker and the real-Mosquitto tests, so both brokers face the same story. */
final class BrokerChecks {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private BrokerChecks() {}

  /**
   * Screen a publishes on b's status and events, then on its own status. A broker handles one
   * connection's publishes in order, so once {@code watcher} (subscribed to every status and event)
   * has a's own message, the forged ones would have arrived before it: their absence is the proof,
   * with no waiting on time. Then b's own publish does arrive.
   */
  static void screenCannotPublishAsAnother(MqttProbe watcher, MqttProbe a, String idA, MqttProbe b, String idB)
      throws Exception {
    a.publish(Topics.status(idB), "forged-by-" + idA);
    a.publish(Topics.events(idB), "forged-by-" + idA);
    a.publish(Topics.status(idA), "own-" + idA);
    await().atMost(DEADLINE).until(() -> watcher.received().contains(Topics.status(idA) + " own-" + idA));
    assertThat(watcher.received()).noneMatch(message -> message.contains("forged"));

    b.publish(Topics.status(idB), "own-" + idB);
    await().atMost(DEADLINE).until(() -> watcher.received().contains(Topics.status(idB) + " own-" + idB));
    assertThat(watcher.received()).noneMatch(message -> message.contains("forged"));
  }

  /**
   * Screen a tries to subscribe to b's schedule and commands; then the controller publishes to b's
   * schedule and commands and, last, to a's own schedule. Once a has its own message (the fence,
   * ordered after the others by the one publishing connection), it must have nothing of b's, while b
   * gets its own. Returns the QoS the broker granted a for b's schedule: Moquette refuses the
   * SUBSCRIBE itself (128); Mosquitto 2.0's acl_file grants it and checks "read" at delivery instead.
   */
  static int screenCannotReadAnothers(MqttProbe controller, MqttProbe a, String idA, MqttProbe b, String idB)
      throws Exception {
    int granted = a.subscribe(Topics.schedule(idB));
    a.subscribe(Topics.commands(idB));
    assertThat(a.subscribe(Topics.schedule(idA))).isEqualTo(1);
    assertThat(b.subscribe(Topics.schedule(idB))).isEqualTo(1);
    assertThat(b.subscribe(Topics.commands(idB))).isEqualTo(1);

    controller.publish(Topics.schedule(idB), "for-" + idB);
    controller.publish(Topics.commands(idB), "for-" + idB);
    controller.publish(Topics.schedule(idA), "for-" + idA);
    await().atMost(DEADLINE).until(() -> a.received().contains(Topics.schedule(idA) + " for-" + idA));
    assertThat(a.received()).noneMatch(message -> message.contains("for-" + idB));
    await().atMost(DEADLINE).until(() -> b.received().containsAll(
        List.of(Topics.schedule(idB) + " for-" + idB, Topics.commands(idB) + " for-" + idB)));
    return granted;
  }
}
