package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cluster's alerts must fit what a screen takes: at most 20 in force, all in one signed message. */
@IntegrationTest
class AlertLimitsTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController(c -> c, Clock.systemUTC());

  @Test
  void theTwentyFirstAlertInForceIsRefused() {
    for (int i = 0; i < 20; i++) {
      assertThat(create(Map.of("vi", "Thông báo số " + i)).status()).isEqualTo(201);
    }
    Answer refused = create(Map.of("vi", "Một thông báo nữa"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.error()).contains("default").contains("20 alerts in force").contains("nothing was stored");
    assertThat(active()).hasSize(20);
  }

  @Test
  void alertsThatWouldNotFitInOneSignedMessageAreRefused() {
    Map<String, String> longText = new LinkedHashMap<>();
    longText.put("vi", "Đ".repeat(1000));
    for (int i = 0; i < 31; i++) {
      longText.put("x" + (char) ('a' + i / 26) + (char) ('a' + i % 26), "あ".repeat(1000));
    }
    int accepted = 0;
    Answer answer;
    do {
      answer = create(longText);
      if (answer.status() == 201) {
        accepted++;
      }
    } while (answer.status() == 201 && accepted < 20);
    assertThat(accepted).as("about 95 KB each: two fit in 256 KiB, a third cannot").isEqualTo(2);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains("would not fit in one message").contains("nothing was stored");
    assertThat(active()).hasSize(accepted);
  }

  @AfterEach
  void clearEverything() {
    for (String id : active()) {
      assertThat(RUNNING.api().post("/api/v1/alerts/" + id + "/clear").status()).isEqualTo(200);
    }
  }

  private static List<String> active() {
    List<String> ids = new java.util.ArrayList<>();
    for (JsonNode alert : RUNNING.api().get("/api/v1/alerts").body()) {
      if (alert.get("status").asText().equals("ACTIVE")) {
        ids.add(alert.get("id").asText());
      }
    }
    return ids;
  }

  private static Answer create(Map<String, String> text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clusterIds", List.of("default"));
    body.put("text", text);
    body.put("expiresAt", Instant.now().plus(Duration.ofHours(1)).toString());
    return RUNNING.api().postJson("/api/v1/alerts", body);
  }
}
