package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The library's search and filters on GET /api/v1/content: words, language, type, status, and bad values. */
@IntegrationTest
class ContentSearchTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();
  static ApiClient api;

  @BeforeAll
  static void library() {
    api = RUNNING.api();
    String image = api.upload(MediaFixtures.png(32, 18), "image/png", null).body().get("sha256").asText();
    String video = api.upload(MediaFixtures.mp4(1000, 5000, false, 64), "video/mp4", null).body().get("sha256").asText();
    create("passport-rules", "Hộ chiếu và thị thực", List.of(
        Map.of("language", "vi", "text", "Xuất trình hộ chiếu tại quầy 3", "seconds", 10),
        Map.of("language", "zh-Hans", "text", "请在3号柜台出示护照", "seconds", 10)));
    create("welcome-photo", "Chào mừng", List.of(
        Map.of("language", "vi", "mediaSha256", image, "seconds", 10),
        Map.of("language", "en", "mediaSha256", image, "seconds", 10)));
    create("guide-video", "Video hướng dẫn", List.of(Map.of("language", "vi", "mediaSha256", video, "seconds", 5)));
    create("road-note", "Lưu ý", List.of(
        Map.of("language", "vi", "text", "<script>alert(1)</script> Đường vào bãi xe", "seconds", 10)));
    RUNNING.approve("passport-rules");
  }

  @Test
  void wordsMatchTitlesIdsAndTextWithoutCaseOrDiacritics() {
    assertThat(ids("?q=" + encode("ho chieu"))).containsExactly("passport-rules");
    assertThat(ids("?q=" + encode("护照"))).containsExactly("passport-rules");
    assertThat(ids("?q=DUONG")).as("đ is found by d").containsExactly("road-note");
    assertThat(ids("?q=" + encode("<script>"))).as("markup is searched as the text it is").containsExactly("road-note");
    assertThat(ids("?q=" + encode("chào"))).containsExactly("welcome-photo");
    assertThat(ids("?q=video")).containsExactly("guide-video");
    assertThat(ids("?q=nothing-like-this")).isEmpty();
  }

  @Test
  void languageTypeAndStatusFilterAndCombine() {
    assertThat(ids("?language=zh-Hans")).containsExactly("passport-rules");
    assertThat(ids("?language=en")).containsExactly("welcome-photo");
    assertThat(ids("?type=image")).containsExactly("welcome-photo");
    assertThat(ids("?type=video")).containsExactly("guide-video");
    assertThat(ids("?type=text")).containsExactly("passport-rules", "road-note");
    assertThat(ids("?type=html")).isEmpty();
    assertThat(ids("?type=text&status=APPROVED")).containsExactly("passport-rules");
    assertThat(ids("?q=" + encode("chào") + "&type=video")).isEmpty();
    assertThat(ids("?q=" + encode("chào") + "&type=image&language=en")).containsExactly("welcome-photo");
    assertThat(ids("")).containsExactly("passport-rules", "welcome-photo", "guide-video", "road-note");
  }

  @Test
  void badValuesAreRefusedNamingTheParameter() {
    Answer type = api.get("/api/v1/content?type=pdf");
    assertThat(type.status()).isEqualTo(400);
    assertThat(type.error()).contains("type must be one of image, video, text, html").contains("pdf");
    Answer language = api.get("/api/v1/content?language=" + encode("vi; drop"));
    assertThat(language.status()).isEqualTo(400);
    assertThat(language.error()).startsWith("language must be a BCP 47 language tag");
    Answer words = api.get("/api/v1/content?q=" + "x".repeat(201));
    assertThat(words.status()).isEqualTo(400);
    assertThat(words.error()).contains("q must be at most 200 characters");
  }

  @Test
  void aThousandItemsEachKeepTheirOwnVariants() {
    for (int i = 0; i < 1000; i++) {
      create("bulk-" + i, "Thông báo số " + i, List.of(Map.of("language", "vi", "text", "nội dung " + i, "seconds", 10),
          Map.of("language", i % 2 == 0 ? "en" : "lo", "text", "notice " + i, "seconds", 10)));
    }
    JsonNode all = api.get("/api/v1/content").body();
    assertThat(all).hasSize(1004);
    // The list reads all variants in one query: each item still has exactly its own, in order.
    for (JsonNode item : all) {
      String id = item.get("id").asText();
      if (id.startsWith("bulk-")) {
        int i = Integer.parseInt(id.substring(5));
        assertThat(item.get("variants")).extracting(v -> v.get("text").asText())
            .containsExactly("nội dung " + i, "notice " + i);
      }
    }
    assertThat(allIds("?q=" + encode("nội dung 99") + "&language=lo")).containsExactly("bulk-99", "bulk-991",
        "bulk-993", "bulk-995", "bulk-997", "bulk-999");
    assertThat(allIds("?q=" + encode("số 999"))).containsExactly("bulk-999");
  }

  private static void create(String id, String title, List<Map<String, Object>> variants) {
    Answer created = api.postJson("/api/v1/content", Map.of("id", id, "title", title, "variants", variants));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
  }

  /** The ids found, leaving out the thousand items of their own test. */
  private static List<String> ids(String query) {
    return allIds(query).stream().filter(id -> !id.startsWith("bulk-")).toList();
  }

  private static List<String> allIds(String query) {
    Answer answer = api.get("/api/v1/content" + query);
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    StreamSupport.stream(answer.body().spliterator(), false).forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
