package io.gatecast.controller.broker;

import io.gatecast.controller.OnEmbeddedBroker;
import io.gatecast.testkit.IntegrationTest;

/**
 * {@link EmbeddedBrokerAccessTest}'s tests, on the embedded HiveMQ CE instead of Moquette (issue 21).
 * One differs in how a refusal shows (HiveMQ closes the connection of an MQTT 3.1.1 client whose
 * publish it refuses); the test asks the running controller which broker it has.
 */
@IntegrationTest
@OnEmbeddedBroker(EmbeddedBroker.Kind.HIVEMQ)
class EmbeddedBrokerAccessOnHiveMqTest extends EmbeddedBrokerAccessTest {}
