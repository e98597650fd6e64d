package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.TestUsers;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.PrivateMosquitto;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Keys;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.Verifier;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command the broker does not take is shown FAILED with the broker's reason, but not given up:
 * here Mosquitto is down when the command is issued. When it is back the controller reconnects and
 * sends it again (PENDING: the broker took it), and the screen that comes online gets it, answers,
 * and it is DONE. Mosquitto (anonymous, on a free port of its own, no persistence) restarts empty.
 */
@IntegrationTest
class UnsentCommandTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SCREEN = "unsent-hall";

  @TempDir Path tmp;
  @RegisterExtension final PrivateMosquitto mosquitto = new PrivateMosquitto();

  @Test
  void aCommandTheBrokerDidNotTakeIsSentAgainOnReconnectionAndDoneOnce() throws Exception {
    String broker = mosquitto.url();
    Path dataDir = tmp.resolve("controller");
    Vertx vertx = Vertx.vertx();
    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0)
        .withExternalBroker(broker), Clock.systemUTC()).await();
    try {
      ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
      assertThat(admin.postJson("/api/v1/screens", Map.of("id", SCREEN)).status()).isEqualTo(201);

      assertThat(mosquitto.kill(30)).isTrue();
      Answer issued = admin.postJson("/api/v1/screens/" + SCREEN + "/commands", "{\"kind\":\"IDENTIFY\"}");
      assertThat(issued.status()).isEqualTo(202);
      assertThat(issued.body().get("status").asText()).isEqualTo("FAILED");
      assertThat(issued.body().get("detail").asText()).contains("the broker did not take the command");
      long sequence = issued.body().get("sequence").asLong();

      mosquitto.restart();
      // Sent again on reconnection: the broker took it, so it waits for the agent's answer.
      await().atMost(DEADLINE).until(() -> command(admin, sequence).get("status").asText().equals("PENDING"));

      List<Command> received = new CopyOnWriteArrayList<>();
      MqttClient screen = screen(broker, controller.signingKey(), received);
      try {
        screen.publish(Topics.status(SCREEN), Codec.encode(new StatusMessage(Header.now(Instant.now()), SCREEN,
            ScreenState.ONLINE, null, null, 10L)), 1, true);
        await().atMost(DEADLINE).until(() -> received.stream().anyMatch(c -> c.sequence() == sequence));
        screen.publish(Topics.events(SCREEN), Codec.encode(new CommandResult(Header.now(Instant.now()), SCREEN, sequence,
            Command.Kind.IDENTIFY, CommandResult.Outcome.DONE, "shown", null)), 1, false);
        await().atMost(DEADLINE).until(() -> command(admin, sequence).get("status").asText().equals("DONE"));
        assertThat(command(admin, sequence).get("detail").asText()).isEqualTo("shown");
      } finally {
        screen.disconnect();
        screen.close();
      }
    } finally {
      controller.close();
      vertx.close().await();
    }
  }

  /** The screen, online: it opens the commands the controller's key signed, as an agent does. */
  private static MqttClient screen(String broker, PinnedKey key, List<Command> received) throws Exception {
    Verifier verifier = Verifier.pinning(new Freshness(Clock.systemUTC(), Duration.ofMinutes(1)), key.keyId(),
        Keys.decodePublic(key.publicKey()));
    MqttClient client = new MqttClient(broker, SCREEN, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setUserName(SCREEN);
    options.setPassword("anonymous broker".toCharArray());
    client.connect(options);
    client.subscribe(Topics.commands(SCREEN), 1,
        (topic, message) -> received.add(verifier.open(message.getPayload(), Signed.COMMAND, Command.class).message()));
    return client;
  }

  private static JsonNode command(ApiClient admin, long sequence) {
    for (JsonNode command : admin.get("/api/v1/screens/" + SCREEN + "/commands").body()) {
      if (command.get("sequence").asLong() == sequence) {
        return command;
      }
    }
    throw new AssertionError("no command " + sequence);
  }
}
