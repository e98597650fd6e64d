package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.protocol.BatchProof;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.PlayBatch.Play;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, item 9: what actually travels through the broker is what protocol/asyncapi.json
 * says. Every message captured on the wire (both directions) is validated by a JSON Schema
 * validator against the schemas of its channel, and a signed one's payload against the schema
 * its {@code type} names.
 */
@IntegrationTest
class AsyncApiWireTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  private static final Map<String, String> SIGNED_PAYLOADS = Map.of("schedule", "ScheduleMessage", "key-rotation",
      "KeyRotation", "command", "Command", "alert", "AlertMessage", "play-receipt", "PlayReceipt");

  record Captured(String topic, byte[] payload) {}

  @Test
  void everyMessageOnTheWireMatchesItsSchema() throws Exception {
    JsonNode doc = Codec.mapper().readTree(Path.of("../protocol/asyncapi.json").toFile());
    ConcurrentLinkedQueue<Captured> wire = new ConcurrentLinkedQueue<>();
    // The broker's rules let nobody read everything: the controller's login reads what agents
    // send, a second screen's login what the controller sends it (the same kinds every screen gets).
    ControllerCredentials login = ControllerCredentials.loadOrCreate(RUNNING.dataDir());
    MqttClient observer = connect("asyncapi-observer", login.username(), login.password());
    Answer watcher = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"wire-watch\"}");
    assertThat(watcher.status()).isEqualTo(201);
    MqttClient watch = connect("wire-watch", "wire-watch", watcher.body().get("mqttPassword").asText());
    try {
      for (String filter : List.of(Topics.everyOne(Topics.Kind.STATUS), Topics.everyOne(Topics.Kind.EVENTS))) {
        observer.subscribe(filter, 1, (topic, message) -> wire.add(new Captured(topic, message.getPayload())));
      }
      for (String filter : List.of(Topics.schedule("wire-watch"), Topics.commands("wire-watch"), Topics.alert("default"))) {
        watch.subscribe(filter, 1, (topic, message) -> wire.add(new Captured(topic, message.getPayload())));
      }
      Answer screen = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"wire-gate\"}");
      assertThat(screen.status()).isEqualTo(201);
      try (FakeAgent agent = new FakeAgent(RUNNING.controller().brokerUrl(), "wire-gate",
          screen.body().get("mqttPassword").asText())) {
        agent.heartbeat();
        Instant start = Instant.parse("2026-03-15T08:00:00Z");
        agent.plays(List.of(new Play("w-1", "wire-item", null, "vi", start, start.plusSeconds(10))));
        // A batch asking for a receipt, from the screen whose commands topic is watched: the receipt comes there.
        watch.publish(Topics.events("wire-watch"), Codec.encode(new PlayBatch(Header.now(Instant.now()), "wire-watch",
            List.of(new Play("w-2", "wire-item", null, "vi", start, start.plusSeconds(10))), true)), 1, false);
        byte[] slide = "<svg xmlns='http://www.w3.org/2000/svg'><text>wire</text></svg>".getBytes(StandardCharsets.UTF_8);
        RUNNING.api().upload(slide, "image/svg+xml", null);
        assertThat(RUNNING.api().postJson("/api/v1/content", Map.of("id", "wire-slide", "title", "Cửa khẩu", "mediaSha256",
            ApiBadInputTest.sha256(slide), "durationSeconds", 10)).status()).isEqualTo(201);
        RUNNING.approve("wire-slide");
        Answer scheduled = RUNNING.api().postJson("/api/v1/schedule",
            Map.of("contentId", "wire-slide", "screenIds", List.of("wire-gate", "wire-watch"))); // one batch, one signature
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(200);
        assertThat(RUNNING.api().publishAndAwait().status()).isEqualTo(200);
        assertThat(RUNNING.api().postJson("/api/v1/screens/wire-watch/commands", Map.of("kind", "RELOAD")).status())
            .isEqualTo(202);
        assertThat(RUNNING.api().postJson("/api/v1/alerts", Map.of("clusterIds", List.of("default"), "text",
            Map.of("vi", "Cửa khẩu tạm đóng"), "expiresAt", Instant.now().plus(Duration.ofHours(2)).toString())).status())
            .isEqualTo(201);
        assertThat(RUNNING.api().postJson("/api/v1/signing-key/rotations", Map.of("graceSeconds", 3600)).status())
            .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kinds(wire)).containsAll(
            Set.of("status", "events", "schedule", "commands:command", "commands:key-rotation", "commands:play-receipt",
                "alert")));
      }
    } finally {
      for (MqttClient client : List.of(observer, watch)) {
        client.disconnect();
        client.close();
      }
    }
    List<String> problems = new ArrayList<>();
    for (Captured message : wire) {
      if (message.payload().length == 0) {
        continue; // a retained message cleared
      }
      JsonNode json = Codec.mapper().readTree(message.payload());
      List<String> candidates = schemasOf(doc, message.topic());
      assertThat(candidates).as(message.topic()).isNotEmpty();
      List<String> errors = null;
      for (String schema : candidates) {
        List<String> found = errors(doc, schema, json);
        if (found.isEmpty() && schema.equals("Signed")) {
          found = errors(doc, SIGNED_PAYLOADS.getOrDefault(json.path("type").asText(), "Signed"), json.get("payload"));
        }
        if (errors == null || found.size() < errors.size()) {
          errors = found;
        }
      }
      if (!errors.isEmpty()) {
        problems.add(message.topic() + " " + json + ": " + errors);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(wire).as("a schedule signed with another screen's, under one signature, was captured and checked")
        .anyMatch(m -> m.topic().equals(Topics.schedule("wire-watch")) && m.payload().length > 0
            && Codec.decode(m.payload(), JsonNode.class).has(BatchProof.MEMBER));
  }

  private static MqttClient connect(String clientId, String username, String password) throws Exception {
    MqttClient client = new MqttClient(RUNNING.controller().brokerUrl(), clientId, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(username);
    options.setPassword(password.toCharArray());
    client.connect(options);
    return client;
  }

  private static Set<String> kinds(ConcurrentLinkedQueue<Captured> wire) {
    Set<String> kinds = new TreeSet<>();
    for (Captured message : wire) {
      String last = message.topic().substring(message.topic().lastIndexOf('/') + 1);
      if (last.equals("commands") && message.payload().length > 0) {
        try {
          last += ":" + Codec.mapper().readTree(message.payload()).path("type").asText();
        } catch (java.io.IOException e) {
          last += ":unreadable";
        }
      }
      kinds.add(last);
    }
    return kinds;
  }

  /** The payload schemas of the channel whose address matches {@code topic}. */
  private static List<String> schemasOf(JsonNode doc, String topic) {
    List<String> schemas = new ArrayList<>();
    doc.get("channels").forEach(channel -> {
      String pattern = channel.get("address").asText().replaceAll("\\{[^}]+}", "[^/]+");
      if (topic.matches(pattern)) {
        channel.get("messages").forEach(ref -> {
          String name = ref.get("$ref").asText().replaceAll(".*/", "");
          schemas.add(doc.get("components").get("messages").get(name).get("payload").get("$ref").asText()
              .replace("#/components/schemas/", ""));
        });
      }
    });
    return schemas;
  }

  private static List<String> errors(JsonNode doc, String schema, JsonNode message) {
    ObjectNode root = Codec.mapper().createObjectNode();
    root.put("$ref", "#/components/schemas/" + schema);
    root.set("components", doc.get("components"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(root).validate(message).stream()
        .map(Error::toString).toList();
  }
}
