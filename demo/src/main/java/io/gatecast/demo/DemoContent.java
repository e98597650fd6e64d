package io.gatecast.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds a fresh controller with Lào Cai province's three road gates through its public API — the same calls an
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

  /** A gate of Lào Cai province: the names people there use, the languages travellers read there. */
  record Gate(String id, String name) {}

  static final List<Gate> GATES = List.of(
      new Gate("lao-cai-quoc-te", "Cửa khẩu quốc tế đường bộ Lào Cai"),
      new Gate("kim-thanh", "Cửa khẩu Kim Thành"),
      new Gate("muong-khuong", "Cửa khẩu Mường Khương"));
  static final String PROVINCE = "Lào Cai";
  static final String ZONE = "Asia/Ho_Chi_Minh";
  static final List<String> LANGUAGES = List.of("vi", "zh-Hans", "en");
  /** The gate the demo's agents stand in. */
  static final String AGENTS_GATE = "kim-thanh";

  /** Someone who uses the console: one per role, so each role's work can be tried. */
  record Person(String username, String role, String who) {}

  static final List<Person> PEOPLE = List.of(
      new Person(APPROVER, "approver", "lãnh đạo Ban quản lý cửa khẩu tỉnh — duyệt nội dung"),
      new Person("dieuhanh", "operator", "điều hành tỉnh Lào Cai — danh sách phát, chiến dịch, thông báo khẩn"),
      new Person("kythuat", "technician", "kỹ thuật viên cửa khẩu — ghép nối và quản lý màn hình"),
      new Person("phongvien", "contributor", "phóng viên Báo Lào Cai — soạn nội dung"),
      new Person("theodoi", "viewer", "cán bộ theo dõi — chỉ xem"));

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
  static Map<String, String> seed(ApiClient api, int port, Map<String, String> people, List<String> screenIds) {
    for (Gate gate : GATES) {
      expect(api.postJson("/api/v1/clusters", Map.of("id", gate.id(), "name", gate.name(), "province", PROVINCE,
          "zone", ZONE, "languages", LANGUAGES)), 201);
    }
    for (Slide slide : SLIDES) {
      Answer uploaded = expect(api.upload(resource(slide.resource()), "image/svg+xml", null, slide.resource()), 201);
      expect(api.postJson("/api/v1/content", Map.of("id", slide.id(), "title", slide.title(),
          "mediaSha256", uploaded.body().get("sha256").asText(), "durationSeconds", slide.seconds())), 201);
    }
    Map<String, String> mqttPasswords = new LinkedHashMap<>();
    for (String screenId : screenIds) {
      Answer registered = expect(api.postJson("/api/v1/screens", Map.of("id", screenId, "name", nameOf(screenId),
          "clusterId", AGENTS_GATE, "location", "Sảnh chờ xuất nhập cảnh")), 201);
      mqttPasswords.put(screenId, registered.body().get("mqttPassword").asText());
    }
    approveAll(port, people.get(APPROVER));
    for (Slide slide : SLIDES) {
      expect(api.postJson("/api/v1/schedule", Map.of("contentId", slide.id(), "screenIds", screenIds)), 200);
    }
    expect(api.publishAndAwait(), 200); // the schedules are on their way to every screen
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
   * The people of {@link #PEOPLE}, each with a new random password (made on a fresh controller,
   * reset on a restarted demo, whose passwords were kept only as hashes), to print in the banner.
   */
  static Map<String, String> people(ApiClient admin) {
    Map<String, String> passwords = new LinkedHashMap<>();
    for (Person person : PEOPLE) {
      String password = PasswordHash.newPassword();
      if (admin.get("/api/v1/users/" + person.username()).status() == 404) {
        expect(admin.postJson("/api/v1/users", Map.of("username", person.username(), "password", password,
            "roles", List.of(person.role()))), 201);
      } else {
        expect(admin.putJson("/api/v1/users/" + person.username(), Map.of("password", password)), 200);
      }
      passwords.put(person.username(), password);
    }
    return passwords;
  }

  /** Nothing airs unapproved, and nobody approves their own items: the leader approves the admin's slides. */
  private static void approveAll(int port, String leaderPassword) {
    ApiClient leader = ApiClient.signedIn(port, APPROVER, leaderPassword);
    for (Slide slide : SLIDES) {
      long revision = expect(leader.get("/api/v1/content/" + slide.id()), 200).body().get("revision").asLong();
      expect(leader.postJson("/api/v1/content/" + slide.id() + "/approve", Map.of("revision", revision)), 200);
    }
  }

  static String nameOf(String screenId) {
    return "Kim Thành — màn hình sảnh chờ số " + screenId.substring(screenId.lastIndexOf('-') + 1);
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
