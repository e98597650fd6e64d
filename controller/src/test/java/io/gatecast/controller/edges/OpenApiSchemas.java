package io.gatecast.controller.edges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * controller/openapi.json as a JSON Schema validator sees it: an answer's body checked against the
 * schema its operation documents for that status (exact, else {@code 4XX}, else {@code default}).
 * OpenAPI 3.0's {@code nullable} is turned into a JSON Schema type that admits null.
 */
final class OpenApiSchemas {
  private final JsonNode doc;
  private final JsonNode components;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  OpenApiSchemas(Path file) {
    try {
      doc = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    components = nullableAsType(doc.get("components").deepCopy());
  }

  JsonNode doc() {
    return doc;
  }

  /** The documented response of {@code method path} (an OpenAPI template) for {@code status}, if any. */
  Optional<JsonNode> response(String method, String template, int status) {
    JsonNode responses = doc.path("paths").path(template).path(method.toLowerCase()).path("responses");
    for (String key : List.of(Integer.toString(status), status / 100 + "XX", "default")) {
      if (responses.has(key)) {
        JsonNode response = responses.get(key);
        if (response.has("$ref")) {
          String name = response.get("$ref").asText().replace("#/components/responses/", "");
          response = doc.get("components").get("responses").get(name);
        }
        return Optional.of(response);
      }
    }
    return Optional.empty();
  }

  /** What is wrong with {@code body} against the JSON schema of {@code response}; empty when it has none. */
  List<String> errors(JsonNode response, JsonNode body) {
    JsonNode schema = response.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return List.of();
    }
    String key = schema.toString();
    Schema validator = compiled.computeIfAbsent(key, k -> {
      ObjectNode root = nullableAsType(schema.deepCopy());
      root.set("components", components);
      return registry.getSchema(root);
    });
    return validator.validate(body).stream().map(Error::toString).toList();
  }

  /** {@code {"type": "string", "nullable": true}} becomes {@code {"type": ["string", "null"]}}, everywhere. */
  private static <T extends JsonNode> T nullableAsType(T node) {
    if (node instanceof ObjectNode object) {
      if (object.path("nullable").asBoolean(false)) {
        object.remove("nullable");
        if (object.has("type") && object.get("type").isTextual()) {
          ArrayNode types = object.arrayNode().add(object.get("type").asText()).add("null");
          object.set("type", types);
          if (object.has("enum")) {
            ((ArrayNode) object.get("enum")).addNull();
          }
        } else if (object.has("$ref") || object.has("allOf")) {
          JsonNode copy = object.deepCopy();
          object.removeAll();
          object.set("anyOf", object.arrayNode().add(copy).add(object.objectNode().put("type", "null")));
        }
      }
      for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
        nullableAsType(children.next());
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(OpenApiSchemas::nullableAsType);
    }
    return node;
  }
}
