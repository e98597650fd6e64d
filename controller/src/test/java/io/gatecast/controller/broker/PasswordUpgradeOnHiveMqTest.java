package io.gatecast.controller.broker;

import io.gatecast.controller.OnEmbeddedBroker;
import io.gatecast.testkit.IntegrationTest;

/** {@link PasswordUpgradeTest}'s tests, on the embedded HiveMQ CE instead of Moquette (issue 21). */
@IntegrationTest
@OnEmbeddedBroker(EmbeddedBroker.Kind.HIVEMQ)
class PasswordUpgradeOnHiveMqTest extends PasswordUpgradeTest {}
