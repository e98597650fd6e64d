package io.gatecast.controller.edges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.RunningController;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.enrollment.PairingCode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, item 3: a flood of unauthenticated enrollment requests from one address fills a
 * bounded number of places, a real kiosk elsewhere still gets its code, and an operator clears
 * the fake codes (all waiting ones, or one), audited.
 */
@IntegrationTest
class EnrollmentFloodTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  private RawHttp.Response register(String from, String code) {
    try (RawHttp connection = new RawHttp(RUNNING.controller().httpPort(), from)) {
      return connection.send(RawHttp.request("POST", "/api/v1/enrollments", null,
          "{\"code\":\"" + code + "\",\"secret\":\"" + PairingCode.newSecret() + "\"}")).read();
    }
  }

  @Test
  void aFloodFromOneAddressCannotCrowdOutARealKioskAndOperatorsClearIt() throws Exception {
    List<String> fake = new ArrayList<>();
    RawHttp.Response refused = null;
    for (int i = 0; i < 60 && refused == null; i++) {
      String code = PairingCode.newCode();
      RawHttp.Response answer = register("127.0.0.2", code);
      if (answer.status() == 201) {
        fake.add(code);
      } else if (answer.status() == 429) {
        refused = answer;
      }
    }
    assertThat(refused).as("the flood is stopped").isNotNull();
    assertThat(fake).hasSizeLessThanOrEqualTo(20).isNotEmpty();
    JsonNode body = Codec.mapper().readTree(refused.body());
    assertThat(body.get("code").asText()).isEqualTo("ENROLLMENT_RATE_LIMITED");
    assertThat(body.get("details").get("retryAfterSeconds").asLong()).isPositive();
    assertThat(refused.header("retry-after")).isEqualTo(body.get("details").get("retryAfterSeconds").asText());

    // A real kiosk at another site still gets its code.
    String real = PairingCode.newCode();
    assertThat(register("127.0.0.3", real).status()).isEqualTo(201);

    ApiClient technician = RUNNING.user("field-tech", "technician");
    assertThat(technician.get("/api/v1/enrollments").body()).hasSize(fake.size() + 1);
    // One code cleared, then every waiting one.
    assertThat(technician.delete("/api/v1/enrollments/" + fake.get(0)).status()).isEqualTo(200);
    assertThat(technician.delete("/api/v1/enrollments/" + fake.get(0)).status()).isEqualTo(404);
    ApiClient.Answer cleared = technician.delete("/api/v1/enrollments");
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.body().get("cleared").asInt()).isEqualTo(fake.size());
    assertThat(technician.get("/api/v1/enrollments").body()).isEmpty();
    // A viewer may not.
    assertThat(RUNNING.user("watcher", "viewer").delete("/api/v1/enrollments").status()).isEqualTo(403);

    JsonNode audit = RUNNING.api().get("/api/v1/audit?subjectType=enrollment").body();
    assertThat(audit.findValuesAsText("action")).contains("clear-enrollments", "clear-enrollment");
  }
}
