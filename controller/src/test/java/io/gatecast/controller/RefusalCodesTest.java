package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The refusals people meet in the console carry a stable code and the details of the sentence
 * (field, limit, value), so the console can say them in Vietnamese; the English text stays.
 */
@IntegrationTest
class RefusalCodesTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  private static JsonNode refused(Answer answer, int status, String code) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.body().path("code").asText()).isEqualTo(code);
    assertThat(answer.body().path("error").asText()).isNotBlank();
    return answer.body().path("details");
  }

  @Test
  void aTooLongTextVariantNamesTheFieldTheLimitAndTheLength() {
    String text = "x".repeat(1001);
    Answer answer = RUNNING.api().postJson("/api/v1/content", Map.of("id", "codes-long", "title", "Dài",
        "variants", List.of(Map.of("language", "vi", "text", text, "seconds", 10))));
    JsonNode details = refused(answer, 400, "FIELD_TOO_LONG");
    assertThat(details.path("field").asText()).isEqualTo("variants[0].text");
    assertThat(details.path("language").asText()).as("which version, for the console to name").isEqualTo("vi");
    assertThat(details.path("limit").asInt()).isEqualTo(1000);
    assertThat(details.path("value").asInt()).isEqualTo(1001);
    assertThat(answer.error()).contains("variants[0].text is longer than 1000 characters");
  }

  @Test
  void organisationBodiesNameTheirField() {
    JsonNode zone = refused(RUNNING.api().postJson("/api/v1/clusters", Map.of("id", "codes-gate", "name", "Cửa khẩu",
        "province", "Lào Cai", "zone", "Mars/Olympus", "languages", List.of("vi"))), 400, "FIELD_INVALID_ZONE");
    assertThat(zone.path("field").asText()).isEqualTo("zone");
    assertThat(zone.path("value").asText()).isEqualTo("Mars/Olympus");

    JsonNode language = refused(RUNNING.api().postJson("/api/v1/clusters", Map.of("id", "codes-gate", "name", "Cửa khẩu",
        "province", "Lào Cai", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "vi"))), 400, "LANGUAGE_REPEATED");
    assertThat(language.path("field").asText()).isEqualTo("languages[1]");

    JsonNode id = refused(RUNNING.api().postJson("/api/v1/screens", Map.of("id", "cửa khẩu")), 400, "FIELD_INVALID_ID");
    assertThat(id.path("field").asText()).isEqualTo("id");
    assertThat(RUNNING.api().get("/api/v1/clusters/codes-gate").status()).isEqualTo(404);
  }

  @Test
  void unreadableBodiesHaveCodesToo() {
    JsonNode unknown = refused(RUNNING.api().postJson("/api/v1/groups", "{\"id\":\"g\",\"name\":\"G\",\"colour\":1}"),
        400, "BODY_UNKNOWN_FIELD");
    assertThat(unknown.path("field").asText()).isEqualTo("colour");
    refused(RUNNING.api().postJson("/api/v1/groups", "{\"id\":"), 400, "BODY_MALFORMED");
    JsonNode password = refused(RUNNING.api().postJson("/api/v1/users",
        Map.of("username", "short-pw", "password", "short", "roles", List.of("viewer"))), 400, "PASSWORD_LENGTH");
    assertThat(password.path("field").asText()).isEqualTo("password");
    assertThat(password.path("min").asInt()).isEqualTo(12);
  }

  @Test
  void takenIdsAnUnknownPairingCodeAndAFileNoScreenShowsHaveCodes() {
    Map<String, Object> item = Map.of("id", "codes-taken", "title", "Một lần",
        "variants", List.of(Map.of("language", "vi", "text", "Xin chào", "seconds", 10)));
    assertThat(RUNNING.api().postJson("/api/v1/content", item).status()).isEqualTo(201);
    JsonNode content = refused(RUNNING.api().postJson("/api/v1/content", item), 409, "CONTENT_EXISTS");
    assertThat(content.path("value").asText()).isEqualTo("codes-taken");

    Map<String, Object> user = Map.of("username", "codes-twice", "password", "a long enough password", "roles",
        List.of("viewer"));
    assertThat(RUNNING.api().postJson("/api/v1/users", user).status()).isEqualTo(201);
    assertThat(refused(RUNNING.api().postJson("/api/v1/users", user), 409, "USER_EXISTS").path("value").asText())
        .isEqualTo("codes-twice");

    JsonNode code = refused(RUNNING.api().postJson("/api/v1/enrollments/ZZZ-999/assign",
        Map.of("screenId", "codes-kiosk", "name", "Kiosk", "clusterId", "default")), 404, "PAIRING_CODE_UNKNOWN");
    assertThat(code.path("code").asText()).isEqualTo("ZZZ-999");

    byte[] text = "hello there, not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Answer upload = RUNNING.api().upload(text, "image/png", null);
    JsonNode media = refused(upload, 415, "MEDIA_UNSUPPORTED");
    assertThat(media.path("accepted").get(0).asText()).isEqualTo("image/png");
    assertThat(upload.error()).as("the English sentence still says what the bytes are").contains("unrecognised bytes");
  }

  @Test
  void signInAndRoleRefusalsHaveCodes() {
    refused(RUNNING.anonymous().get("/api/v1/screens"), 401, "SIGN_IN_REQUIRED");
    refused(RUNNING.anonymous().login("admin", "not-the-password-at-all"), 401, "LOGIN_FAILED");
    Answer forbidden = RUNNING.user("codes-viewer", "viewer").postJson("/api/v1/clusters", Map.of("id", "x", "name", "X",
        "province", "P", "zone", "UTC", "languages", List.of("vi")));
    JsonNode details = refused(forbidden, 403, "ROLE_REQUIRED");
    assertThat(details.path("has").get(0).asText()).isEqualTo("viewer");
  }
}
