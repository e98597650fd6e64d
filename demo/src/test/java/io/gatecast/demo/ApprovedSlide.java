package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The tests' one piece of content: the anti-smuggling slide, uploaded, approved and scheduled on screens. */
final class ApprovedSlide {
  static final String ID = "anti-smuggling";

  private ApprovedSlide() {}

  /**
   * Uploads the slide, makes it an item shown {@code seconds} at a time, has it approved and schedules it on
   * {@code screenIds} (registered already); returns the slide's SHA-256. Short slides make plays come quickly:
   * a play is claimed when it ends.
   */
  static String scheduledOn(ApiClient admin, int port, int seconds, List<String> screenIds) throws Exception {
    byte[] slide = Files.readAllBytes(Path.of(ApprovedSlide.class.getResource("/demo-content/anti-smuggling.svg").toURI()));
    String sha = admin.upload(slide, "image/svg+xml", null).body().get("sha256").asText();
    assertThat(admin.postJson("/api/v1/content", Map.of("id", ID, "title", "严禁走私", "mediaSha256", sha,
        "durationSeconds", seconds)).status()).isEqualTo(201);
    Accounts.approve(admin, port, ID);
    assertThat(admin.postJson("/api/v1/schedule", Map.of("contentId", ID, "screenIds", screenIds)).status())
        .isBetween(200, 299);
    return sha;
  }
}
