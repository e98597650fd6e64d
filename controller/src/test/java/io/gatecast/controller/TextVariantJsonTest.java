package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API shows a text variant's text (a bean getter `isText()` once replaced it with `true`). */
@IntegrationTest
class TextVariantJsonTest {
  @RegisterExtension static RunningController running = new RunningController();

  @Test
  void aTextVariantIsShownWithItsText() {
    assertThat(running.api().postJson("/api/v1/content", Map.of("id", "queue", "title", "Xếp hàng",
        "variants", List.of(Map.of("language", "vi", "text", "Vui lòng xếp hàng", "seconds", 5)))).status())
        .isEqualTo(201);
    JsonNode item = running.api().get("/api/v1/content/queue").body();
    assertThat(item.get("variants").get(0).get("text").asText()).isEqualTo("Vui lòng xếp hàng");
    assertThat(item.has("text")).as("no stray boolean on the item").isFalse();
    assertThat(running.api().get("/api/v1/content").body().get(0).get("variants").get(0).get("text").asText())
        .isEqualTo("Vui lòng xếp hàng");
  }
}
