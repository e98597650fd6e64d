package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.moquette.PatchedMoquette;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Ports;
import io.moquette.broker.Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message whose loss its receiver makes good (a proof-of-play receipt) is published on a best-effort basis:
 * while the link is down it is not tried, and its failure is no broker problem for /health. Seen in a full
 * test run: the demo stopped, its agents' last batches were stored while the controller was closing its MQTT
 * link, and a receipt logged an ERROR ("did not take the controller's message ... Client is not connected").
 * An ordinary publish in the same state is still reported. The broker is a real Moquette, stopped under the link.
 */
@IntegrationTest
class BestEffortPublishTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir Path tmp;

  @Test
  void aBestEffortPublishWhileTheBrokerIsGoneFailsQuietlyAndAnOrdinaryOneIsReported() throws Exception {
    int port = Ports.free();
    Server broker = PatchedMoquette.start(TestMoquette.config(port, tmp.resolve("broker"), true), null, null, null);
    await().atMost(DEADLINE).until(() -> Ports.listening(port));
    List<String> problems = new CopyOnWriteArrayList<>();
    try (MqttLink link = MqttLink.connect("tcp://127.0.0.1:" + port, "controller-test",
        new ControllerCredentials(ControllerCredentials.USERNAME, "any-password-the-test-broker-takes"))) {
      link.watch(new MqttLink.Watcher() {
        @Override
        public void problem(String key, String sentence) {
          problems.add(key);
        }

        @Override
        public void resolved(String key) {}
      });
      byte[] payload = "receipt".getBytes(StandardCharsets.UTF_8);
      link.publishBestEffort("gatecast/test/receipt", payload).toCompletionStage().toCompletableFuture()
          .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

      PatchedMoquette.stop(broker);
      await().atMost(DEADLINE).until(() -> problems.contains(MqttLink.CONNECTION_KEY));

      assertThat(link.publishBestEffort("gatecast/test/receipt", payload).failed()).isTrue();
      assertThat(problems).doesNotContain(MqttLink.PUBLISH_KEY);
      // The same message sent as an ordinary publish is a broker problem, said on /health.
      link.publish("gatecast/test/command", payload, false);
      await().atMost(DEADLINE).until(() -> problems.contains(MqttLink.PUBLISH_KEY));
    } finally {
      PatchedMoquette.stop(broker);
    }
  }
}
