package io.gatecast.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.link.ClockOffset;
import io.gatecast.agent.link.MqttSession;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * The agent's link given several broker addresses (the nodes of a clustered broker): it connects
 * to the first that answers, past one that does not, and when that broker goes away it moves to
 * the next and subscribes there again. Real brokers (Moquette) on loopback; the NATS cluster itself
 * is in demo's NatsClusterTest.
 */
@IntegrationTest
class BrokerAddressesTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String SCREEN = "list-hall";

  @Test
  void theSessionSkipsADeadAddressAndMovesToTheNextWhenItsBrokerGoesAway() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    Queue<String> schedules = new ConcurrentLinkedQueue<>();
    String dead = "tcp://127.0.0.1:" + AgentProcess.freePort();
    try (TestBroker first = new TestBroker(); TestBroker second = new TestBroker()) {
      MqttSession session = new MqttSession(dead + "," + first.url() + "," + second.url(), SCREEN, null, null,
          () -> new StatusMessage(Header.now(Instant.now()), SCREEN, ScreenState.OFFLINE, null, null, 1L),
          scheduler, new ClockOffset(Clock.systemUTC()));
      try {
        session.start(new MqttSession.Listener() {
          @Override
          public void onSchedule(byte[] payload) {
            schedules.add(new String(payload, StandardCharsets.UTF_8));
          }

          @Override
          public void onCommand(byte[] payload) {}

          @Override
          public void onConnected() {}
        });
        await().atMost(DEADLINE).until(() -> first.url().equals(session.connectedTo()));
        publishSchedule(first.url(), "on-first");
        await().atMost(DEADLINE).until(() -> schedules.contains("on-first"));

        first.close();
        await().atMost(DEADLINE).until(() -> second.url().equals(session.connectedTo()));
        // Subscribed again there: a schedule published on it arrives.
        publishSchedule(second.url(), "on-second");
        await().atMost(DEADLINE).until(() -> schedules.contains("on-second"));
      } finally {
        session.close();
        scheduler.shutdownNow();
      }
    }
  }

  private static void publishSchedule(String broker, String payload) throws Exception {
    MqttClient publisher = new MqttClient(broker, "publisher-" + System.nanoTime(), new MemoryPersistence());
    publisher.connect();
    publisher.publish(Topics.schedule(SCREEN), payload.getBytes(StandardCharsets.UTF_8), 1, true);
    publisher.disconnect();
    publisher.close();
  }
}
