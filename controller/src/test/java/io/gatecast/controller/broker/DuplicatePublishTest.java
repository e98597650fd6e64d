package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.RunningController;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A screen re-sending a QoS 1 publish with the DUP flag (as the agent's Paho does after a reconnect)
 * gets its PUBACK, the message reaches the controller, and the broker goes on serving that client:
 * on a bare Moquette 0.17 the DUP publish throws inside the broker, ends the session loop of that
 * client and of every client sharing the loop, and no PUBACK comes (see {@code io.gatecast.moquette.DuplicatePublishes}).
 * Written as raw MQTT bytes ({@link RawMqtt}), since no client library sets DUP on demand.
 */
@IntegrationTest
class DuplicatePublishTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void aReSentDuplicatePublishIsAcknowledgedDeliveredAndTheBrokerGoesOnServing() throws Exception {
    String password = register("dup-hall");
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(RUNNING.dataDir());
    URI broker = URI.create(RUNNING.controller().brokerUrl());
    try (MqttProbe watcher = MqttProbe.connect(broker.toString(), controller.username(), controller.password());
        Socket socket = new Socket(broker.getHost(), broker.getPort())) {
      assertThat(watcher.subscribe("gatecast/v1/screens/+/events")).isEqualTo(1);
      // A read that waits longer than this fails the test instead of hanging it
      socket.setSoTimeout((int) DEADLINE.toMillis());
      RawMqtt mqtt = new RawMqtt(socket);
      assertThat(mqtt.connect("dup-hall", "dup-hall", password)).as("CONNACK return code").isZero();

      String events = Topics.events("dup-hall");
      mqtt.publishQos1(events, 7, true, "{\"resent\":true}");
      assertThat(mqtt.pubAckId()).as("PUBACK for the DUP publish").isEqualTo(7);
      await().atMost(DEADLINE).until(() -> watcher.received().contains(events + " {\"resent\":true}"));

      // The same client's next publish is still served: its session loop is alive
      mqtt.publishQos1(events, 8, false, "{\"after\":true}");
      assertThat(mqtt.pubAckId()).as("PUBACK after the DUP publish").isEqualTo(8);
      await().atMost(DEADLINE).until(() -> watcher.received().contains(events + " {\"after\":true}"));
    }
  }

  private static String register(String screenId) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }
}
