package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Ports;
import io.gatecast.moquette.PatchedMoquette;
import io.moquette.broker.Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription asked while the link's connection is down is made once it is back, instead of
 * failing the caller: a controller's start failed in a full test run when the embedded Moquette
 * closed its fresh connection right after CONNECT and the fleet monitor then subscribed
 * ("cannot subscribe to gatecast/v1/screens/+/status: Connection lost"). The broker is a real
 * Moquette, stopped and started again on the same port.
 */
@IntegrationTest
class SubscribeWhileAwayTest {
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @TempDir Path tmp;

  @Test
  void aSubscriptionAskedWhileTheBrokerIsAwayIsMadeWhenTheLinkIsBack() throws Exception {
    int port = Ports.free();
    Server broker = start(port);
    List<String> arrived = new CopyOnWriteArrayList<>();
    try (MqttLink link = MqttLink.connect("tcp://127.0.0.1:" + port, "controller-test",
        new ControllerCredentials(ControllerCredentials.USERNAME, "any-password-the-test-broker-takes"))) {
      PatchedMoquette.stop(broker);
      await().atMost(DEADLINE).until(() -> !Ports.listening(port));

      link.subscribe("gatecast/test/#", (topic, payload) -> arrived.add(topic + " " + new String(payload, StandardCharsets.UTF_8)));

      broker = start(port);
      // Sent until one arrives: the link reconnects on its own back-off, and only then subscribes again.
      try (MqttClient screen = new MqttClient("tcp://127.0.0.1:" + port, "screen-test", new MemoryPersistence())) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("screen");
        options.setPassword("pw".toCharArray());
        screen.connect(options);
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(() -> {
          screen.publish("gatecast/test/hello", "xin chào".getBytes(StandardCharsets.UTF_8), 1, false);
          return !arrived.isEmpty();
        });
        screen.disconnect();
      }
      assertThat(arrived).contains("gatecast/test/hello xin chào");
    } finally {
      PatchedMoquette.stop(broker);
    }
  }

  private Server start(int port) throws Exception {
    Server server = PatchedMoquette.start(TestMoquette.config(port, tmp.resolve("broker"), true), null, null, null);
    await().atMost(DEADLINE).until(() -> Ports.listening(port));
    return server;
  }
}
