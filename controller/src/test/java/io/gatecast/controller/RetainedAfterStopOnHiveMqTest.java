package io.gatecast.controller;

import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.testkit.IntegrationTest;

/**
 * {@link RetainedAfterStopTest}'s stories (SIGTERM and kill -9 of the controller process, during and
 * after a publish) with the embedded HiveMQ CE as the controller's broker (issue 21).
 */
@IntegrationTest
class RetainedAfterStopOnHiveMqTest extends RetainedAfterStopTest {
  @Override
  EmbeddedBroker.Kind embeddedBroker() {
    return EmbeddedBroker.Kind.HIVEMQ;
  }
}
