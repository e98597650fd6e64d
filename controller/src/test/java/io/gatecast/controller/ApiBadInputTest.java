package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every bad request gets a 4xx that says what was wrong, and leaves nothing stored. */
@IntegrationTest
class ApiBadInputTest {
  private static final byte[] SLIDE = "<svg xmlns='http://www.w3.org/2000/svg'><text>Xin chào</text></svg>"
      .getBytes(StandardCharsets.UTF_8);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void anUploadWithAWrongDeclaredChecksumIsRefusedAndNothingIsStored() throws Exception {
    String wrong = "0".repeat(64);
    Answer answer = RUNNING.api().upload(SLIDE, "image/svg+xml", wrong);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains("SHA-256 is " + sha256(SLIDE)).contains(wrong).contains("nothing was stored");
    assertThat(RUNNING.api().get("/api/v1/media/" + sha256(SLIDE)).status()).isEqualTo(404);
    String slideSha = sha256(SLIDE);
    assertThat(RUNNING.api().get("/api/v1/media").body()).noneMatch(m -> m.get("sha256").asText().equals(slideSha));
    assertThat(RUNNING.dataDir().resolve("media").resolve(slideSha)).doesNotExist();
    try (var incoming = Files.list(RUNNING.dataDir().resolve("media/.incoming"))) {
      assertThat(incoming).isEmpty();
    }
  }

  @Test
  void anUploadOfAnUnshowableTypeOrMalformedChecksumIsRefused() {
    // The type is the bytes' (an SVG here); a Content-Type that says otherwise is refused (MediaLibraryTest has more).
    Answer wrongType = RUNNING.api().upload(SLIDE, "application/x-msdownload", null);
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.error()).contains("application/x-msdownload").contains("image/svg+xml");

    Answer badSha = RUNNING.api().upload(SLIDE, "image/svg+xml", "xyz");
    assertThat(badSha.status()).isEqualTo(400);
    assertThat(badSha.error()).contains("X-Content-SHA256");

    Answer empty = RUNNING.api().upload(new byte[0], "image/png", null);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.error()).contains("empty");
  }

  @Test
  void schedulingUnknownContentOrScreensIsRefusedAndNothingIsScheduled() throws Exception {
    // Its own bytes: the checksum test expects SLIDE never to be stored.
    byte[] other = "<svg xmlns='http://www.w3.org/2000/svg'><text>Tạm biệt</text></svg>".getBytes(StandardCharsets.UTF_8);
    Answer uploaded = RUNNING.api().upload(other, "image/svg+xml", sha256(other));
    assertThat(uploaded.status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"bad-input-hall\",\"name\":\"Hall\"}").status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/content", "{\"id\":\"bad-input-item\",\"title\":\"Chào mừng\",\"mediaSha256\":\""
        + sha256(other) + "\",\"durationSeconds\":10}").status()).isEqualTo(201);

    Answer unknownContent = RUNNING.api().postJson("/api/v1/schedule", "{\"contentId\":\"no-such-item\",\"screenIds\":[\"bad-input-hall\"]}");
    assertThat(unknownContent.status()).isEqualTo(400);
    assertThat(unknownContent.error()).contains("contentId no-such-item names no content item");

    Answer unknownScreen = RUNNING.api().postJson("/api/v1/schedule",
        "{\"contentId\":\"bad-input-item\",\"screenIds\":[\"bad-input-hall\",\"ghost-1\",\"ghost-2\"]}");
    assertThat(unknownScreen.status()).isEqualTo(400);
    assertThat(unknownScreen.error()).contains("ghost-1").contains("ghost-2").contains("nothing was scheduled");

    assertThat(RUNNING.api().get("/api/v1/screens/bad-input-hall").body().get("playlist")).isEmpty();
  }

  @Test
  void malformedJsonAndBadFieldsAreNamed() {
    Answer malformed = RUNNING.api().postJson("/api/v1/screens", "{\"id\": \"x\",");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.error()).contains("malformed JSON");

    Answer badId = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"a/b\"}");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.error()).contains("id must be");

    Answer typo = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"ok\",\"nmae\":\"Hall\"}");
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.error()).contains("unknown field 'nmae'");

    Answer wrongType = RUNNING.api().postJson("/api/v1/content",
        "{\"id\":\"x\",\"title\":\"t\",\"mediaSha256\":\"" + "a".repeat(64) + "\",\"durationSeconds\":\"long\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.error()).contains("durationSeconds");

    Answer unknownMedia = RUNNING.api().postJson("/api/v1/content",
        "{\"id\":\"x\",\"title\":\"t\",\"mediaSha256\":\"" + "a".repeat(64) + "\",\"durationSeconds\":5}");
    assertThat(unknownMedia.status()).isEqualTo(400);
    assertThat(unknownMedia.error()).contains("names no uploaded media");

    Answer missing = RUNNING.api().postJson("/api/v1/content", "{\"id\":\"x\",\"title\":\"t\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error()).contains("variants is required");

    assertThat(RUNNING.api().get("/api/v1/screens").body()).noneMatch(s -> s.get("id").asText().equals("ok"));
    assertThat(RUNNING.api().get("/api/v1/content/x").status()).isEqualTo(404);
    assertThat(RUNNING.api().get("/api/v1/nothing-here").status()).isEqualTo(404);
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
