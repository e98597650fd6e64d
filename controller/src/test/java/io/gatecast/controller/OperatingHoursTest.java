package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.organisation.OperatingHours;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A gate's operating hours: set, read, cleared, audited; open across midnight; bad input named. */
@IntegrationTest
class OperatingHoursTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void hoursAreReadInTheGatesZoneAndMaySpanMidnight() {
    OperatingHours day = new OperatingHours(LocalTime.of(6, 0), LocalTime.of(22, 0));
    assertThat(day.isOpen(Instant.parse("2026-03-16T00:00:00Z"), HANOI)).as("07:00 in Hanoi").isTrue();
    assertThat(day.isOpen(Instant.parse("2026-03-16T15:30:00Z"), HANOI)).as("22:30 in Hanoi").isFalse();
    assertThat(day.isOpen(Instant.parse("2026-03-15T23:00:00Z"), HANOI)).as("06:00 sharp").isTrue();
    OperatingHours night = new OperatingHours(LocalTime.of(18, 0), LocalTime.of(2, 0));
    assertThat(night.isOpen(Instant.parse("2026-03-16T18:30:00Z"), HANOI)).as("01:30 in Hanoi").isTrue();
    assertThat(night.isOpen(Instant.parse("2026-03-16T05:00:00Z"), HANOI)).as("12:00 in Hanoi").isFalse();
  }

  @Test
  void anOperatorSetsAndClearsAGatesHoursAndEveryChangeIsAudited() {
    ApiClient operator = RUNNING.user("hours-operator", "operator");
    assertThat(operator.postJson("/api/v1/clusters", Map.of("id", "hours-gate", "name", "Cửa khẩu Hữu Nghị",
        "province", "Lạng Sơn", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans"))).status()).isEqualTo(201);
    assertThat(operator.get("/api/v1/clusters/hours-gate/operating-hours").body().get("alwaysOpen").asBoolean()).isTrue();

    JsonNode set = operator.putJson("/api/v1/clusters/hours-gate/operating-hours", Map.of("opens", "06:30", "closes", "22:00"))
        .body();
    assertThat(set.get("opens").asText()).isEqualTo("06:30");
    assertThat(RUNNING.user("hours-viewer", "viewer").get("/api/v1/clusters/hours-gate/operating-hours").body()
        .get("closes").asText()).isEqualTo("22:00");
    assertThat(operator.delete("/api/v1/clusters/hours-gate/operating-hours").body().get("alwaysOpen").asBoolean()).isTrue();

    assertThat(RUNNING.api().get("/api/v1/audit?subjectType=cluster&subjectId=hours-gate").body())
        .extracting(e -> e.get("action").asText())
        .containsExactly("clear-operating-hours", "set-operating-hours", "create");
  }

  @Test
  void badHoursAreRefusedNamingTheFieldAndNothingIsStored() {
    ApiClient operator = RUNNING.user("hours-operator-2", "operator");
    assertThat(operator.postJson("/api/v1/clusters", Map.of("id", "hours-bad", "name", "Móng Cái",
        "province", "Quảng Ninh", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi"))).status()).isEqualTo(201);
    ApiClient.Answer lateOpening = operator.putJson("/api/v1/clusters/hours-bad/operating-hours",
        Map.of("opens", "25:00", "closes", "22:00"));
    assertThat(lateOpening.status()).isEqualTo(400);
    assertThat(lateOpening.error()).contains("opens");
    ApiClient.Answer missing = operator.putJson("/api/v1/clusters/hours-bad/operating-hours", Map.of("opens", "06:00"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error()).contains("closes");
    assertThat(operator.putJson("/api/v1/clusters/hours-bad/operating-hours", Map.of("opens", "06:00", "closes", "06:00"))
        .status()).isEqualTo(400);
    assertThat(operator.putJson("/api/v1/clusters/no-such-gate/operating-hours", Map.of("opens", "06:00", "closes", "22:00"))
        .status()).isEqualTo(404);
    assertThat(RUNNING.user("hours-viewer-2", "viewer")
        .putJson("/api/v1/clusters/hours-bad/operating-hours", Map.of("opens", "06:00", "closes", "22:00")).status())
        .isEqualTo(403);
    assertThat(operator.get("/api/v1/clusters/hours-bad/operating-hours").body().get("alwaysOpen").asBoolean()).isTrue();
  }
}
