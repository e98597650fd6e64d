package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw reaches the caller as a coded internal error with a reference to quote, and none of
 * the exception's own words (a class name, a path): those stay in the log.
 */
class InternalErrorTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void anUnforeseenFailureIsCodedWithAReferenceAndSaysNothingOfItsCause() throws Exception {
    Router router = Router.router(vertx);
    router.get("/boom").handler(ctx -> {
      throw new IllegalStateException("io/gatecast/protocol/JsonErrors at /var/lib/gatecast/secret");
    });
    router.route().failureHandler(HttpApi::fail);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/boom")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(500);
    JsonNode body = new ObjectMapper().readTree(answer.body());
    assertThat(body.path("code").asText()).isEqualTo("INTERNAL_ERROR");
    String reference = body.path("details").path("reference").asText();
    assertThat(reference).hasSize(8);
    assertThat(body.path("error").asText()).contains(reference);
    assertThat(answer.body()).doesNotContain("JsonErrors", "secret", "IllegalStateException");
  }
}
