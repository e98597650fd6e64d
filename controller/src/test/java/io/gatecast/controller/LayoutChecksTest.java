package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Layouts through the API (issue 23): the checks before publish report a zoned screen's empty MAIN
 * region and a screen whose own layout no longer fits its orientation; a screen is refused a
 * layout of the other shape; a ticker line a layout names is not deleted, and once retired the
 * layout says it is off the air.
 */
@IntegrationTest
class LayoutChecksTest {
  // Wednesday 2 December 2026, 07:00 in Hanoi.
  private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

  @RegisterExtension static final RunningController RUNNING = new RunningController(c -> c, new MovableClock(NOW));

  private static ApiClient api() {
    return RUNNING.api();
  }

  /** MAIN plays the screen's programme; the ticker says the one line. */
  private static Map<String, Object> layout(String id, String shape) {
    return Map.of("id", id, "template", "main-ticker", "shape", shape, "regions", List.of(
        Map.of("role", "TICKER", "widgets", List.of(Map.of("type", "TICKER", "ticker", Map.of("itemIds", List.of("lc-line")))))));
  }

  @Test
  void theChecksKnowRegionsAndShapesAndNothingALayoutNamesIsDeleted() {
    created(api().postJson("/api/v1/clusters", Map.of("id", "lc-gate", "name", "Cửa khẩu Lào Cai", "province", "Lào Cai",
        "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi"))));
    created(api().postJson("/api/v1/screens", Map.of("id", "lc-hall", "clusterId", "lc-gate")));
    created(api().postJson("/api/v1/screens", Map.of("id", "lc-totem", "clusterId", "lc-gate", "orientation", "PORTRAIT")));
    created(api().postJson("/api/v1/content", Map.of("id", "lc-line", "title", "Hộ chiếu",
        "variants", List.of(Map.of("language", "vi", "text", "Xin xuất trình hộ chiếu", "seconds", 10)))));
    RUNNING.approve("lc-line");
    created(api().postJson("/api/v1/layouts", layout("lc-hall-layout", "LANDSCAPE_16_9")));
    created(api().postJson("/api/v1/layouts", layout("lc-totem-layout", "PORTRAIT_9_16")));
    ok(api().putJson("/api/v1/layouts/assignments/gate/lc-gate", Map.of("layoutId", "lc-hall-layout")));

    // Nothing is scheduled: the hall screen's MAIN region is black behind a lit ticker.
    List<JsonNode> findings = findings();
    assertThat(findings).filteredOn(f -> code(f).equals("MAIN_REGION_EMPTY")).singleElement().satisfies(f -> {
      assertThat(f.get("severity").asText()).isEqualTo("ERROR");
      assertThat(texts(f.get("screens"))).containsExactly("lc-hall");
      assertThat(texts(f.get("subjects"))).containsExactly("lc-hall-layout");
      assertThat(f.get("details").get("layout").asText()).isEqualTo("lc-hall-layout");
      assertThat(f.get("details").get("from").asText()).isEqualTo("2026-12-02T07:00");
    });
    // The totem has no portrait layout: it is full screen, and its black screen is the plain GAP.
    assertThat(findings).filteredOn(f -> code(f).equals("GAP")).extracting(f -> texts(f.get("screens")))
        .containsExactly(List.of("lc-totem"));

    // A landscape layout is refused to the portrait totem; its own shape is accepted.
    Answer mismatch = api().putJson("/api/v1/layouts/assignments/screen/lc-totem", Map.of("layoutId", "lc-hall-layout"));
    assertThat(mismatch.status()).isEqualTo(409);
    assertThat(mismatch.body().get("code").asText()).isEqualTo("LAYOUT_SHAPE_MISMATCH");
    assertThat(mismatch.body().get("details").get("orientation").asText()).isEqualTo("PORTRAIT");
    assertThat(mismatch.body().get("details").get("shape").asText()).isEqualTo("LANDSCAPE_16_9");
    ok(api().putJson("/api/v1/layouts/assignments/screen/lc-totem", Map.of("layoutId", "lc-totem-layout")));
    assertThat(api().get("/api/v1/layouts/assignments").body().findValuesAsText("shape"))
        .containsExactlyInAnyOrder("LANDSCAPE_16_9", "PORTRAIT_9_16");

    // Turned to landscape later: a warning, and the screen takes the gate's landscape layout instead.
    ok(api().putJson("/api/v1/screens/lc-totem", Map.of("clusterId", "lc-gate", "orientation", "LANDSCAPE")));
    assertThat(findings()).filteredOn(f -> code(f).equals("LAYOUT_SHAPE_MISMATCH")).singleElement().satisfies(f -> {
      assertThat(f.get("severity").asText()).isEqualTo("WARNING");
      assertThat(texts(f.get("screens"))).containsExactly("lc-totem");
      assertThat(f.get("details").get("layout").asText()).isEqualTo("lc-totem-layout");
      assertThat(f.get("details").get("orientation").asText()).isEqualTo("LANDSCAPE");
    });
    assertThat(findings()).filteredOn(f -> code(f).equals("MAIN_REGION_EMPTY")).singleElement()
        .satisfies(f -> assertThat(texts(f.get("screens"))).as("one finding per layout").containsExactly("lc-hall", "lc-totem"));

    // The ticker line is named by both layouts: not deleted. Retired, it stops playing and the layouts say so.
    Answer inUse = api().delete("/api/v1/content/lc-line");
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.body().get("code").asText()).isEqualTo("CONTENT_IN_USE");
    assertThat(texts(inUse.body().get("details").get("layouts"))).containsExactly("lc-hall-layout", "lc-totem-layout");
    assertThat(api().get("/api/v1/layouts/lc-hall-layout").body().get("offAir")).isEmpty();
    ok(api().postJson("/api/v1/content/lc-line/retire", Map.of("revision", 1, "reason", "Hết hiệu lực")));
    JsonNode offAir = api().get("/api/v1/layouts/lc-hall-layout").body().get("offAir");
    assertThat(offAir.get(0).get("itemId").asText()).isEqualTo("lc-line");
    assertThat(offAir.get(0).get("status").asText()).isEqualTo("RETIRED");

    // An attached layout is not deleted; the refusal says where it is attached.
    Answer attached = api().delete("/api/v1/layouts/lc-totem-layout");
    assertThat(attached.status()).isEqualTo(409);
    assertThat(attached.body().get("code").asText()).isEqualTo("LAYOUT_IN_USE");
    assertThat(texts(attached.body().get("details").get("screens"))).containsExactly("lc-totem");
  }

  private static List<JsonNode> findings() {
    Answer answer = api().get("/api/v1/publish/checks");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    answer.body().get("findings").forEach(out::add);
    return out;
  }

  private static String code(JsonNode finding) {
    return finding.get("code").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static void created(Answer answer) {
    assertThat(answer.status()).as(answer.body() == null ? "" : answer.body().toString()).isEqualTo(201);
  }

  private static void ok(Answer answer) {
    assertThat(answer.status()).as(answer.body() == null ? "" : answer.body().toString()).isEqualTo(200);
  }
}
