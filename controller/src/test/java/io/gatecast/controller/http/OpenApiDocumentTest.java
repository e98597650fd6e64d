package io.gatecast.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatecast.controller.auth.AccessPolicy;
import io.gatecast.controller.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code controller/openapi.json} describes exactly the routes the router mounts (no more, no
 * fewer), with the roles of {@link AccessPolicy}, and is a well-formed OpenAPI 3 document: every
 * operation answers something, every path parameter is declared, every {@code $ref} resolves.
 */
class OpenApiDocumentTest {
  private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
  private static JsonNode doc;

  @BeforeAll
  static void read() throws IOException {
    doc = new ObjectMapper().readTree(Path.of("openapi.json").toFile());
  }

  @Test
  void theDocumentAndTheRouterAgree(@TempDir Path tmp) {
    Set<String> mounted = new TreeSet<>();
    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, tmp.resolve("gatecast.db"));
    try {
      // Only the routes are looked at: the services behind them are never called.
      Router router = RoutesOnly.router(vertx, db, tmp);
      for (Route route : router.getRoutes()) {
        String path = route.getPath();
        // Skipped: handlers for every method (auth, bodies, the 404 fallback), and "/media/*", the
        // static file handler that serves what "/media/:sha256" checked first (one call, two handlers;
        // Vert.x reports that prefix route's path as "/media/").
        if (path == null || route.methods() == null || route.methods().isEmpty() || path.endsWith("/")) {
          continue;
        }
        for (HttpMethod method : route.methods()) {
          mounted.add(method.name() + " " + path.replaceAll(":([A-Za-z0-9]+)", "{$1}"));
        }
      }
    } finally {
      db.close();
      vertx.close().await();
    }
    assertThat(mounted).hasSizeGreaterThan(60);
    assertThat(documented()).containsExactlyInAnyOrderElementsOf(mounted);
  }

  @Test
  void everyApiOperationCarriesTheRolesOfThePolicyTable() {
    for (AccessPolicy.Rule rule : AccessPolicy.RULES) {
      String path = rule.path().replaceAll(":([A-Za-z0-9]+)", "{$1}");
      JsonNode operation = doc.path("paths").path(path).path(rule.method().toLowerCase());
      List<String> roles = new ArrayList<>();
      operation.path("x-gatecast-roles").forEach(r -> roles.add(r.asText()));
      List<String> expected = switch (rule.access()) {
        case PUBLIC -> List.of("public");
        case SIGNED_IN -> List.of("signed-in");
        case ROLES -> rule.allowedRoles();
      };
      assertThat(roles).as(rule.method() + " " + rule.path()).containsExactlyInAnyOrderElementsOf(expected);
      // Public calls opt out of the document-wide bearer requirement; the rest inherit it.
      if (rule.access() == AccessPolicy.Access.PUBLIC) {
        assertThat(operation.has("security")).as("security of public " + rule.path()).isTrue();
        assertThat(operation.path("security").toString()).doesNotContain("bearer");
      } else {
        assertThat(operation.has("security")).as("security of " + rule.path()).isFalse();
      }
    }
  }

  @Test
  void itIsAWellFormedOpenApi3Document() {
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    assertThat(doc.path("info").path("title").asText()).isNotBlank();
    assertThat(doc.path("info").path("version").asText()).isNotBlank();
    JsonNode bearer = doc.path("components").path("securitySchemes").path("bearer");
    assertThat(bearer.path("type").asText()).isEqualTo("http");
    assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
    assertThat(doc.path("security").toString()).contains("bearer");
    assertThat(doc.path("components").path("schemas").path("Error").path("required").toString()).contains("error");

    Set<String> operationIds = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      assertThat(path.getKey()).startsWith("/");
      Set<String> templated = new TreeSet<>();
      Matcher m = TEMPLATE.matcher(path.getKey());
      while (m.find()) {
        templated.add(m.group(1));
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String where = op.getKey() + " " + path.getKey();
        assertThat(OPERATIONS).as(where).contains(op.getKey());
        assertThat(op.getValue().path("responses").size()).as(where + " responses").isPositive();
        assertThat(operationIds.add(op.getValue().path("operationId").asText())).as(where + " operationId unique").isTrue();
        Set<String> declared = new TreeSet<>();
        for (JsonNode parameter : op.getValue().path("parameters")) {
          assertThat(parameter.path("in").asText()).as(where).isIn("path", "query", "header", "cookie");
          assertThat(parameter.has("schema")).as(where + " parameter schema").isTrue();
          if (parameter.path("in").asText().equals("path")) {
            assertThat(parameter.path("required").asBoolean()).as(where + " path parameters are required").isTrue();
            declared.add(parameter.path("name").asText());
          }
        }
        assertThat(declared).as(where + " path parameters").isEqualTo(templated);
      }
    }
    assertEveryReferenceResolves(doc);
  }

  @Test
  void theMainBodiesHaveSchemas() {
    JsonNode schemas = doc.path("components").path("schemas");
    for (String name : List.of("LoginRequest", "LoginResponse", "Screen", "ScreenRegistration", "Content",
        "ContentRequest", "Campaign", "PublishResult", "AlertRequest", "Alert", "CommandRequest", "Command",
        "PlayReport", "YearEndReport", "Error")) {
      assertThat(schemas.path(name).isObject()).as(name).isTrue();
    }
    assertThat(doc.at("/paths/~1api~1v1~1login/post/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/LoginRequest");
    assertThat(doc.at("/paths/~1api~1v1~1publish/post/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/PublishResult");
  }

  private List<String> documented() {
    List<String> operations = new ArrayList<>();
    doc.path("paths").fields().forEachRemaining(path ->
        path.getValue().fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
    return operations;
  }

  private static void assertEveryReferenceResolves(JsonNode node) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        assertThat(ref.asText()).startsWith("#/");
        assertThat(doc.at(ref.asText().substring(1)).isMissingNode()).as("$ref " + ref.asText()).isFalse();
      }
      node.elements().forEachRemaining(OpenApiDocumentTest::assertEveryReferenceResolves);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(OpenApiDocumentTest::assertEveryReferenceResolves);
    }
  }
}
