package io.gatecast.controller.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.gatecast.testkit.ApiClient.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * controller/openapi.json as a JSON Schema validator sees it: an answer's status must be documented
 * for its operation (exact, else {@code 4XX}, else {@code default}) and a JSON body must match the
 * schema documented there. OpenAPI 3.0's {@code nullable} is turned into a JSON Schema type that
 * admits null. Shared by {@code ApiFuzzTest} and every client {@code RunningController} hands out.
 */
public final class OpenApiAnswers {
  /** The controller module's document, read once (tests run with the module folder as working directory). */
  private static volatile OpenApiAnswers controllers;

  private final JsonNode doc;
  private final JsonNode components;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  private final List<Route> routes = new ArrayList<>();

  /** A path template of the document and the pattern of the concrete paths it stands for. */
  private record Route(String template, Pattern pattern, int literals) {}

  /** controller/openapi.json. */
  public static OpenApiAnswers controller() {
    if (controllers == null) {
      synchronized (OpenApiAnswers.class) {
        if (controllers == null) {
          controllers = new OpenApiAnswers(Path.of("openapi.json"));
        }
      }
    }
    return controllers;
  }

  public OpenApiAnswers(Path file) {
    try {
      doc = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    components = nullableAsType(doc.get("components").deepCopy());
    doc.get("paths").fieldNames().forEachRemaining(template -> {
      StringBuilder regex = new StringBuilder();
      int literals = 0;
      for (String segment : template.substring(1).split("/", -1)) {
        boolean parameter = segment.startsWith("{");
        regex.append('/').append(parameter ? "[^/]+" : Pattern.quote(segment));
        literals += parameter ? 0 : 1;
      }
      routes.add(new Route(template, Pattern.compile(regex.toString()), literals));
    });
    // /content/search before /content/{id}: the template with the most fixed segments wins.
    routes.sort(Comparator.comparingInt(Route::literals).reversed());
  }

  public JsonNode doc() {
    return doc;
  }

  /** The documented response of {@code method path} (an OpenAPI template) for {@code status}, if any. */
  public Optional<JsonNode> response(String method, String template, int status) {
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
  public List<String> errors(JsonNode response, JsonNode body) {
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

  /** The document's template for a concrete {@code path} (a query is ignored), if it declares one. */
  public Optional<String> template(String path) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return routes.stream().filter(route -> route.pattern().matcher(bare).matches()).map(Route::template).findFirst();
  }

  /**
   * What is wrong with an answer to {@code method template}, or empty when it is as documented: its
   * status must be documented and a JSON body must match the documented schema.
   */
  public Optional<String> problem(String method, String template, int status, String contentType, byte[] body) {
    Optional<JsonNode> documented = response(method, template, status);
    if (documented.isEmpty()) {
      return Optional.of("undocumented status");
    }
    if (!contentType.startsWith("application/json") || body.length == 0) {
      return Optional.empty();
    }
    List<String> errors;
    try {
      errors = errors(documented.get(), new ObjectMapper().readTree(body));
    } catch (IOException e) {
      return Optional.of("body is not JSON: " + e.getMessage());
    }
    return errors.isEmpty() ? Optional.empty() : Optional.of("body does not match the schema: " + errors);
  }

  /**
   * What is wrong with an exchange, as "METHOD path status: what is wrong"; empty when it is as
   * documented, or when the document declares no such path or method (tests that call undeclared
   * paths on purpose, such as /api/v1/does-not-exist, are about the router, not the document).
   */
  public Optional<String> problem(Exchange exchange) {
    Optional<String> template = template(exchange.path());
    if (template.isEmpty() || !doc.path("paths").path(template.get()).has(exchange.method().toLowerCase())) {
      return Optional.empty();
    }
    return problem(exchange.method(), template.get(), exchange.status(), exchange.contentType(), exchange.body())
        .map(what -> exchange.method() + " " + exchange.path() + " " + exchange.status() + " (" + template.get() + "): "
            + what + " in " + abbreviate(new String(exchange.body(), StandardCharsets.UTF_8)));
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
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
      array.forEach(OpenApiAnswers::nullableAsType);
    }
    return node;
  }
}
