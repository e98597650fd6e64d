package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.OnEmbeddedBroker;
import io.gatecast.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * {@link EmbeddedBrokerAccessTest}'s tests, on the embedded HiveMQ CE instead of Moquette (issue 21).
 * One differs in how a refusal shows: HiveMQ closes the connection of an MQTT 3.1.1 client whose
 * publish it refuses, where Moquette drops the publish and keeps the connection.
 */
@IntegrationTest
@OnEmbeddedBroker(EmbeddedBroker.Kind.HIVEMQ)
class EmbeddedBrokerAccessOnHiveMqTest extends EmbeddedBrokerAccessTest {

  @Test
  @Override
  void aScreenCannotPublishAsAnother() throws Exception {
    ControllerCredentials controller = ControllerCredentials.loadOrCreate(running.dataDir());
    try (MqttProbe watcher = MqttProbe.connect(broker, controller.username(), controller.password());
        MqttProbe b = MqttProbe.connect(broker, "acc-b", passwordB)) {
      assertThat(watcher.subscribe("gatecast/v1/screens/+/status")).isEqualTo(1);
      assertThat(watcher.subscribe("gatecast/v1/screens/+/events")).isEqualTo(1);
      BrokerChecks.screenCannotPublishAsAnotherClosing(watcher, broker, "acc-a", passwordA, b, "acc-b");
    }
  }
}
