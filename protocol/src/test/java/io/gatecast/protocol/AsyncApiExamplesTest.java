package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example under src/test/resources/examples is valid against its schema in asyncapi.json
 * (checked by a JSON Schema validator, not by hand), and a signed example's payload against the
 * schema its {@code type} names. Messages captured on the wire are checked the same way in the
 * controller's AsyncApiWireTest.
 */
class AsyncApiExamplesTest {
  /** File name prefix to schema, longest prefixes first. */
  private static final Map<String, String> BY_PREFIX = new LinkedHashMap<>();

  static {
    BY_PREFIX.put("signed-", "Signed");
    BY_PREFIX.put("command-result", "CommandResult");
    BY_PREFIX.put("schedule-ack", "ScheduleAck");
    BY_PREFIX.put("schedule", "ScheduleMessage");
    BY_PREFIX.put("key-rotation", "KeyRotation");
    BY_PREFIX.put("status", "StatusMessage");
    BY_PREFIX.put("alert", "AlertMessage");
    BY_PREFIX.put("play-batch", "PlayBatch");
    BY_PREFIX.put("play-receipt", "PlayReceipt");
    BY_PREFIX.put("rejection", "RejectionEvent");
    BY_PREFIX.put("command", "Command");
    BY_PREFIX.put("cluster-schedule", "ClusterSchedule");
    BY_PREFIX.put("placement", "Placement");
  }

  /** Signed {@code type} to the schema of its payload. */
  static final Map<String, String> PAYLOADS = Map.of(Signed.SCHEDULE, "ScheduleMessage", Signed.KEY_ROTATION,
      "KeyRotation", Signed.COMMAND, "Command", Signed.ALERT, "AlertMessage", Signed.CLUSTER_SCHEDULE, "ClusterSchedule",
      Signed.PLACEMENT, "Placement", Signed.PLAY_RECEIPT, "PlayReceipt");

  @Test
  void everyExampleIsValidAgainstItsSchema() throws IOException {
    JsonNode doc = Codec.mapper().readTree(Path.of("asyncapi.json").toFile());
    List<Path> examples;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/examples"))) {
      examples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(examples).hasSizeGreaterThan(15);
    for (Path example : examples) {
      String name = example.getFileName().toString();
      String schema = BY_PREFIX.entrySet().stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue)
          .findFirst().orElseThrow(() -> new AssertionError("no schema for the example " + name));
      JsonNode message = Codec.mapper().readTree(example.toFile());
      assertThat(errors(doc, schema, message)).as(name + " against " + schema).isEmpty();
      if (schema.equals("Signed")) {
        String inner = PAYLOADS.get(message.get("type").asText());
        assertThat(inner).as(name + " type").isNotNull();
        assertThat(errors(doc, inner, message.get("payload"))).as(name + " payload against " + inner).isEmpty();
      }
    }
  }

  @Test
  void theValidatorRefusesWhatTheSchemaDoesNotAllow() throws IOException {
    JsonNode doc = Codec.mapper().readTree(Path.of("asyncapi.json").toFile());
    ObjectNode signed = (ObjectNode) Codec.mapper().readTree(Path.of("src/test/resources/examples/signed-command.json").toFile());
    signed.put("type", "launch-missiles");
    assertThat(errors(doc, "Signed", signed)).isNotEmpty();
  }

  /** What the validator finds wrong with {@code message} against {@code #/components/schemas/<schema>}. */
  static List<String> errors(JsonNode doc, String schema, JsonNode message) {
    ObjectNode root = Codec.mapper().createObjectNode();
    root.put("$ref", "#/components/schemas/" + schema);
    root.set("components", doc.get("components"));
    Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(root);
    return compiled.validate(message).stream().map(Error::toString).toList();
  }
}
