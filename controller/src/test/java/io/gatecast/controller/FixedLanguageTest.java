package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.ApiClient.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A campaign's FIXED language names a language: "klingon" (well-formed as a BCP 47 tag, but no
 * language has a first part that long) is refused with the code the console translates; the
 * two- and three-letter codes gates use (vi, lo, hmn, zh-Hans) are taken.
 */
@IntegrationTest
class FixedLanguageTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void aFixedLanguageThatIsNoLanguageIsRefusedAndNothingIsStored() {
    ApiClient operator = RUNNING.user("fixed-language-operator", "operator");
    assertThat(operator.postJson("/api/v1/content", Map.of("id", "fixed-item", "title", "Chào mừng",
        "variants", List.of(Map.of("language", "vi", "text", "Chào mừng", "seconds", 10)))).status()).isEqualTo(201);
    assertThat(operator.postJson("/api/v1/playlists", Map.of("id", "fixed-list", "name", "Cố định",
        "entries", List.of(Map.of("contentId", "fixed-item")))).status()).isEqualTo(201);

    Answer refused = operator.postJson("/api/v1/campaigns", campaign("fixed-klingon", "klingon"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("code").asText()).isEqualTo("FIELD_INVALID_LANGUAGE");
    assertThat(refused.body().path("details").path("field").asText()).isEqualTo("languagePolicy.language");
    assertThat(refused.body().path("details").path("value").asText()).isEqualTo("klingon");
    assertThat(operator.get("/api/v1/campaigns/fixed-klingon").status()).isEqualTo(404);

    for (String language : List.of("vi", "lo", "hmn", "zh-Hans")) {
      Answer taken = operator.postJson("/api/v1/campaigns", campaign("fixed-" + language.toLowerCase(), language));
      assertThat(taken.status()).as(taken.error()).isEqualTo(201);
    }
    Answer edited = operator.putJson("/api/v1/campaigns/fixed-vi", campaign("fixed-vi", "klingon"));
    assertThat(edited.body().path("code").asText()).isEqualTo("FIELD_INVALID_LANGUAGE");
    assertThat(operator.get("/api/v1/campaigns/fixed-vi").body().path("languagePolicy").path("language").asText())
        .isEqualTo("vi");
  }

  private static Map<String, Object> campaign(String id, String language) {
    return Map.of("id", id, "playlistId", "fixed-list", "targets", Map.of("tags", List.of("fixed")),
        "start", "2026-04-30T00:00", "end", "2026-05-01T00:00",
        "languagePolicy", Map.of("mode", "FIXED", "language", language));
  }
}
