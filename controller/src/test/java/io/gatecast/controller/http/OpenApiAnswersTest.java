package io.gatecast.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.ApiClient.Exchange;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The check every RunningController client runs on its answers finds what it must, and only that. */
@IntegrationTest
class OpenApiAnswersTest {
  private static final OpenApiAnswers OPEN_API = OpenApiAnswers.controller();

  private static Exchange exchange(String method, String path, int status, String json) {
    return new Exchange(method, path, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDocumentedAnswerPasses() {
    assertThat(OPEN_API.problem(exchange("POST", "/api/v1/media/purge", 200, "{\"removed\": [], \"bytesFreed\": 0}")))
        .isEmpty();
    assertThat(OPEN_API.problem(exchange("GET", "/api/v1/screens/hall-1?x=1", 404,
        "{\"error\": \"no such screen\", \"code\": \"NO_SUCH_SCREEN\", \"details\": {}}"))).isEmpty();
  }

  @Test
  void anUndocumentedStatusIsNamedWithMethodPathAndTemplate() {
    assertThat(OPEN_API.problem(exchange("GET", "/api/v1/screens/hall-1", 500, "{}")))
        .hasValueSatisfying(problem -> assertThat(problem)
            .startsWith("GET /api/v1/screens/hall-1 500 (/api/v1/screens/{id}): undocumented status"));
  }

  @Test
  void aBodyThatDoesNotMatchItsSchemaIsNamed() {
    assertThat(OPEN_API.problem(exchange("POST", "/api/v1/media/purge", 200, "{\"removed\": [\"abc\"]}")))
        .hasValueSatisfying(problem -> assertThat(problem).contains("body does not match the schema", "/removed/0"));
  }

  @Test
  void pathsAndMethodsTheDocumentDoesNotDeclareAreLeftToOtherTests() {
    assertThat(OPEN_API.problem(exchange("GET", "/api/v1/does-not-exist", 404, "{}"))).isEmpty();
    assertThat(OPEN_API.problem(exchange("PATCH", "/api/v1/media/purge", 405, "{}"))).isEmpty();
  }

  @Test
  void aFixedSegmentWinsOverAParameter() {
    assertThat(OPEN_API.template("/api/v1/media/purge")).hasValue("/api/v1/media/purge");
    assertThat(OPEN_API.template("/api/v1/media/" + "a".repeat(64))).hasValue("/api/v1/media/{sha256}");
  }
}
