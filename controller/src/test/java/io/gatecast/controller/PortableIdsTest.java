package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * New screen, cluster and group ids are what every MQTT broker and the NATS and RabbitMQ topic
 * mappings carry unchanged: lower-case letters, digits, '-' and '_'. Others are refused with a
 * sentence naming the allowed form, a stable code and details, and nothing is stored.
 */
@IntegrationTest
class PortableIdsTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();
  private static final List<String> NOT_PORTABLE = List.of("kt.hall-1", "KT-hall-1", "Kim-Thanh", "hall.a.b");

  @Test
  void screenIdsThatAreNotPortableAreRefusedNamingTheAllowedForm() {
    for (String id : NOT_PORTABLE) {
      refused(RUNNING.api().postJson("/api/v1/screens", Map.of("id", id)), id);
    }
    assertThat(RUNNING.api().get("/api/v1/screens").body()).noneMatch(s -> NOT_PORTABLE.contains(s.get("id").asText()));
    assertThat(RUNNING.api().postJson("/api/v1/screens", Map.of("id", "kt-hall_1")).status()).isEqualTo(201);
  }

  @Test
  void clusterAndGroupIdsThatAreNotPortableAreRefused() {
    for (String id : NOT_PORTABLE) {
      refused(RUNNING.api().postJson("/api/v1/clusters", Map.of("id", id, "name", "Kim Thành", "province", "Quảng Ninh", "zone",
          "Asia/Ho_Chi_Minh", "languages", List.of("vi"))), id);
      refused(RUNNING.api().postJson("/api/v1/groups", Map.of("id", id, "name", "Halls")), id);
    }
    assertThat(RUNNING.api().postJson("/api/v1/clusters", Map.of("id", "kim-thanh-2", "name", "Kim Thành", "province", "Quảng Ninh", "zone",
        "Asia/Ho_Chi_Minh", "languages", List.of("vi"))).status()).isEqualTo(201);
  }

  private static void refused(Answer answer, String id) {
    assertThat(answer.status()).as(id).isEqualTo(400);
    assertThat(answer.body().get("code").asText()).isEqualTo("ID_FORM");
    assertThat(answer.body().get("error").asText()).contains("'" + id + "'")
        .contains("lower-case letters a-z, digits 0-9, '-' and '_'");
    assertThat(answer.body().get("details").get("field").asText()).isEqualTo("id");
    assertThat(answer.body().get("details").get("value").asText()).isEqualTo(id);
    assertThat(answer.body().get("details").get("allowed").asText()).isEqualTo("^[a-z0-9][a-z0-9_-]{0,63}$");
  }
}
