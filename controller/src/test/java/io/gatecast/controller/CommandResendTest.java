package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.CommandResult;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command for a screen that is away is not left to the broker: the embedded broker drops it (the
 * screen never connected, so it has no session) and then goes down with the controller. After the
 * restart the command is sent again, and once more when the screen comes online, which gets it,
 * answers, and the command is DONE — answered once, stored once.
 */
@IntegrationTest
class CommandResendTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String SCREEN = "resend-hall";

  @TempDir Path tmp;

  @Test
  void aCommandQueuedForAnAbsentScreenReachesItAfterABrokerRestartAndIsDoneOnce() throws Exception {
    Path dataDir = tmp.resolve("controller");
    Vertx vertx = Vertx.vertx();
    String password;
    long sequence;
    Controller first = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0), Clock.systemUTC()).await();
    try {
      ApiClient admin = TestUsers.admin(first.httpPort(), dataDir);
      Answer registered = admin.postJson("/api/v1/screens", Map.of("id", SCREEN));
      assertThat(registered.status()).isEqualTo(201);
      password = registered.body().get("mqttPassword").asText();
      Answer issued = admin.postJson("/api/v1/screens/" + SCREEN + "/commands", "{\"kind\":\"RELOAD\"}");
      assertThat(issued.status()).isEqualTo(202);
      assertThat(issued.body().get("status").asText()).isEqualTo("PENDING");
      sequence = issued.body().get("sequence").asLong();
    } finally {
      first.close(); // the embedded broker stops with it: nothing of the command is left anywhere but the store
    }

    Controller second = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0), Clock.systemUTC()).await();
    try (FakeAgent agent = new FakeAgent(second.brokerUrl(), SCREEN, password).listenForCommands(second.signingKey())) {
      ApiClient admin = TestUsers.admin(second.httpPort(), dataDir);
      agent.heartbeat(); // the screen is back: what it may have missed goes out to it

      Command received = await().atMost(DEADLINE).until(() -> agent.commands.stream()
          .filter(c -> c.sequence() == sequence).findFirst(), java.util.Optional::isPresent).get();
      assertThat(received.kind()).isEqualTo(Command.Kind.RELOAD);
      agent.answer(received, CommandResult.Outcome.DONE, "reloaded", null);

      await().atMost(DEADLINE).until(() -> status(admin, sequence).equals("DONE"));
      List<JsonNode> stored = new ArrayList<>();
      admin.get("/api/v1/screens/" + SCREEN + "/commands").body().forEach(stored::add);
      assertThat(stored).singleElement().satisfies(c -> {
        assertThat(c.get("sequence").asLong()).isEqualTo(sequence);
        assertThat(c.get("detail").asText()).isEqualTo("reloaded");
      });
    } finally {
      second.close();
      vertx.close().await();
    }
  }

  private static String status(ApiClient admin, long sequence) {
    for (JsonNode command : admin.get("/api/v1/screens/" + SCREEN + "/commands").body()) {
      if (command.get("sequence").asLong() == sequence) {
        return command.get("status").asText();
      }
    }
    return "";
  }
}
