package io.gatecast.controller;

import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.testkit.IntegrationTest;
import org.junit.jupiter.api.Disabled;

/**
 * {@link RetainedAfterStopTest}'s stories (SIGTERM and kill -9 of the controller process, during and
 * after a publish) with the embedded HiveMQ CE as the controller's broker (issue 21).
 */
@IntegrationTest
@Disabled("issue 21: on HiveMQ the controller process did not get running within the test's 2 min, twice, on the"
    + " shared box at load 35-40: its MQTT link's CONNECT to its own embedded HiveMQ got no CONNACK for 90 s"
    + " (thread dump in Backend -> MqttLink.connect), while the same start by hand took 40 s. Cause not found;"
    + " see bench/BENCHMARKS.md, 2026-12-02 HiveMQ CE against Moquette. Enable to reproduce.")
class RetainedAfterStopOnHiveMqTest extends RetainedAfterStopTest {
  @Override
  EmbeddedBroker.Kind embeddedBroker() {
    return EmbeddedBroker.Kind.HIVEMQ;
  }
}
