package io.gatecast.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.controller.client.ApiClient;
import io.gatecast.controller.client.ApiClient.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds a fresh controller with a small Lào Cai gate through its public API — the same calls an
 * operator's script makes: upload slides, create content, have a leader approve it, register
 * screens, schedule, publish.
 */
final class DemoContent {
  /** A demo slide shipped as a resource. */
  record Slide(String id, String title, String resource, long seconds) {}

  static final List<Slide> SLIDES = List.of(
      new Slide("welcome", "Chào mừng · 欢迎 · Welcome", "welcome.svg", 8),
      new Slide("election-2026", "Bầu cử 15/3/2026", "election.svg", 8),
      new Slide("anti-smuggling", "Nói không với buôn lậu · 严禁走私", "anti-smuggling.svg", 8));

  /** The demo's approver, made at seeding with a random password (the admin can set a new one). */
  static final String APPROVER = "leader";

  private DemoContent() {}

  /** True when the controller already has screens (a restarted demo keeps what it had). */
  static boolean alreadySeeded(ApiClient api) {
    JsonNode screens = api.get("/api/v1/screens").body();
    return screens.isArray() && screens.size() > 0;
  }

  /**
   * Seeds slides and the given screens, schedules every slide on every screen, and publishes.
   * Returns each screen's MQTT password, which its registration answer shows this once.
   */
  static Map<String, String> seed(ApiClient api, int port, List<String> screenIds) {
    for (Slide slide : SLIDES) {
      Answer uploaded = expect(api.upload(resource(slide.resource()), "image/svg+xml", null, slide.resource()), 201);
      expect(api.postJson("/api/v1/content", Map.of("id", slide.id(), "title", slide.title(),
          "mediaSha256", uploaded.body().get("sha256").asText(), "durationSeconds", slide.seconds())), 201);
    }
    Map<String, String> mqttPasswords = new LinkedHashMap<>();
    for (String screenId : screenIds) {
      Answer registered = expect(api.postJson("/api/v1/screens", Map.of("id", screenId, "name", nameOf(screenId))), 201);
      mqttPasswords.put(screenId, registered.body().get("mqttPassword").asText());
    }
    approveAll(api, port);
    for (Slide slide : SLIDES) {
      expect(api.postJson("/api/v1/schedule", Map.of("contentId", slide.id(), "screenIds", screenIds)), 200);
    }
    expect(api.post("/api/v1/publish"), 200);
    return mqttPasswords;
  }

  /** New MQTT passwords for the screens of an earlier run: the controller keeps only their hashes. */
  static Map<String, String> rotateMqttPasswords(ApiClient api, List<String> screenIds) {
    Map<String, String> mqttPasswords = new LinkedHashMap<>();
    for (String screenId : screenIds) {
      Answer rotated = expect(api.post("/api/v1/screens/" + screenId + "/mqtt-password"), 200);
      mqttPasswords.put(screenId, rotated.body().get("mqttPassword").asText());
    }
    return mqttPasswords;
  }

  /**
   * Nothing airs unapproved, and nobody approves their own items: the admin (the author here)
   * makes a leader with the approver role, who approves each slide.
   */
  private static void approveAll(ApiClient admin, int port) {
    String password = PasswordHash.newPassword();
    expect(admin.postJson("/api/v1/users", Map.of("username", APPROVER, "password", password,
        "roles", List.of("approver"))), 201);
    ApiClient leader = ApiClient.signedIn(port, APPROVER, password);
    for (Slide slide : SLIDES) {
      long revision = expect(leader.get("/api/v1/content/" + slide.id()), 200).body().get("revision").asLong();
      expect(leader.postJson("/api/v1/content/" + slide.id() + "/approve", Map.of("revision", revision)), 200);
    }
  }

  static String nameOf(String screenId) {
    return "Kim Thành gate, waiting hall screen " + screenId.substring(screenId.lastIndexOf('-') + 1);
  }

  private static Answer expect(Answer answer, int status) {
    if (answer.status() != status) {
      throw new IllegalStateException("seeding the demo failed: HTTP " + answer.status() + " " + answer.body());
    }
    return answer;
  }

  private static byte[] resource(String name) {
    try (InputStream in = DemoContent.class.getResourceAsStream("/demo-content/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing demo resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
