package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.auth.AccessPolicy;
import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every API call checks the caller: 401 without a live session, 403 naming the roles that may, 404 off the table. */
@IntegrationTest
class RolesTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  /** A call the role may not make. */
  record Denied(String role, String method, String path) {}

  @Test
  void eachRoleIsDeniedWhatItMayNotDoWithAMessageNamingTheRolesThatMay() {
    List<Denied> denied = List.of(
        new Denied("viewer", "POST", "/api/v1/content"),
        new Denied("viewer", "POST", "/api/v1/publish"),
        new Denied("viewer", "POST", "/api/v1/screens"),
        new Denied("viewer", "GET", "/api/v1/audit"),
        new Denied("viewer", "GET", "/api/v1/users"),
        new Denied("contributor", "POST", "/api/v1/publish"),
        new Denied("contributor", "POST", "/api/v1/content/x/approve"),
        new Denied("contributor", "POST", "/api/v1/campaigns"),
        new Denied("contributor", "POST", "/api/v1/playlists"),
        new Denied("contributor", "POST", "/api/v1/schedule"),
        new Denied("contributor", "POST", "/api/v1/users"),
        new Denied("approver", "POST", "/api/v1/content"),
        new Denied("approver", "PUT", "/api/v1/content/x"),
        new Denied("approver", "POST", "/api/v1/publish"),
        new Denied("approver", "POST", "/api/v1/media"),
        new Denied("technician", "POST", "/api/v1/content"),
        new Denied("technician", "POST", "/api/v1/publish"),
        new Denied("technician", "POST", "/api/v1/content/x/reject"),
        new Denied("technician", "DELETE", "/api/v1/campaigns/x"),
        new Denied("operator", "POST", "/api/v1/content/x/approve"),
        new Denied("operator", "POST", "/api/v1/users"),
        new Denied("operator", "PUT", "/api/v1/users/admin"));
    for (Denied d : denied) {
      ApiClient client = RUNNING.user("role-" + d.role(), d.role());
      Answer answer = call(client, d.method(), d.path());
      String allowed = AccessPolicy.find(d.method(), d.path()).orElseThrow().allowedRoles().toString();
      assertThat(answer.status()).as(d.toString()).isEqualTo(403);
      assertThat(answer.error()).as(d.toString()).contains("needs one of the roles " + allowed)
          .contains("role-" + d.role() + " has [" + d.role() + "]");
    }
  }

  @Test
  void theRolesMayDoTheirJob() {
    assertThat(RUNNING.user("role-viewer", "viewer").get("/api/v1/screens").status()).isEqualTo(200);
    assertThat(RUNNING.user("role-technician", "technician").postJson("/api/v1/screens", Map.of("id", "tech-hall"))
        .status()).isEqualTo(201);
    assertThat(RUNNING.user("role-operator", "operator").get("/api/v1/audit").status()).isEqualTo(200);
    assertThat(RUNNING.user("role-contributor", "contributor").postJson("/api/v1/content", Map.of("id", "by-contrib",
        "title", "t", "variants", List.of(Map.of("language", "vi", "text", "t", "seconds", 5)))).status()).isEqualTo(201);
  }

  @Test
  void withoutALiveSessionEveryCallButLoginAndTheSigningKeyIs401() {
    ApiClient anonymous = RUNNING.anonymous();
    for (AccessPolicy.Rule rule : AccessPolicy.RULES) {
      Answer answer = call(anonymous, rule.method(), rule.path().replace(":", "x-"));
      if (rule.access() == AccessPolicy.Access.PUBLIC) {
        assertThat(answer.status()).as(rule.toString()).isNotEqualTo(401);
      } else {
        assertThat(answer.status()).as(rule.toString()).isEqualTo(401);
        assertThat(answer.error()).contains("sign in first");
      }
    }
    assertThat(RUNNING.anonymous().get("/api/v1/signing-key").status()).isEqualTo(200);
    assertThat(RUNNING.api().get("/api/v1/not-in-the-table").status()).isEqualTo(404);
  }

  @Test
  void aWrongPasswordALoggedOutTokenAndADisabledUserAreRefused() {
    ApiClient client = RUNNING.anonymous();
    RUNNING.user("short-lived", "viewer");
    assertThat(client.login("short-lived", "not-the-password").status()).isEqualTo(401);
    assertThat(client.login("nobody-at-all", "not-the-password").error()).isEqualTo("wrong username or password");

    assertThat(client.login("short-lived", TestUsers.PASSWORD).status()).isEqualTo(200);
    Answer me = client.get("/api/v1/me");
    assertThat(me.body().get("username").asText()).isEqualTo("short-lived");
    assertThat(me.body().get("roles")).extracting(r -> r.asText()).containsExactly("viewer");
    String token = client.token();
    assertThat(client.logout().status()).isEqualTo(204);
    ApiClient replay = RUNNING.anonymous();
    replay.login("short-lived", TestUsers.PASSWORD);
    assertThat(replay.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(withToken(token).get("/api/v1/me").status()).as("the logged-out token").isEqualTo(401);

    assertThat(RUNNING.api().putJson("/api/v1/users/short-lived", Map.of("disabled", true)).status()).isEqualTo(200);
    assertThat(replay.get("/api/v1/me").status()).as("a disabled user's session").isEqualTo(401);
    assertThat(RUNNING.anonymous().login("short-lived", TestUsers.PASSWORD).status()).isEqualTo(401);
  }

  @Test
  void theLastAdminCannotBeDisabledOrDemoted() {
    Answer demote = RUNNING.api().putJson("/api/v1/users/admin", Map.of("roles", List.of("viewer")));
    assertThat(demote.status()).isEqualTo(409);
    assertThat(demote.error()).contains("no enabled admin");
    assertThat(RUNNING.api().get("/api/v1/me").body().get("roles")).extracting(r -> r.asText()).containsExactly("admin");
  }

  @Test
  void theFirstAdminsPasswordIsGeneratedOwnerOnlyOrTakenFromTheCommandLine(@TempDir Path other) throws Exception {
    Path file = AdminBootstrap.passwordFile(RUNNING.dataDir());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file).trim()).hasSize(32);

    Vertx vertx = Vertx.vertx();
    try {
      Controller controller = Controller.start(vertx, ControllerConfig.defaults(other).withPorts(0, 0)
          .withAdminPassword("scripted-setup-password"), Clock.systemUTC()).await();
      try {
        assertThat(Files.exists(AdminBootstrap.passwordFile(other))).isFalse();
        ApiClient admin = ApiClient.signedIn(controller.httpPort(), "admin", "scripted-setup-password");
        assertThat(admin.get("/api/v1/users").body()).singleElement()
            .satisfies(u -> assertThat(u.get("username").asText()).isEqualTo("admin"));
        assertThat(admin.get("/api/v1/users").body().toString()).doesNotContain("$7$");
      } finally {
        controller.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  private static ApiClient withToken(String token) {
    return ApiClient.withToken(RUNNING.controller().httpPort(), token);
  }

  private static Answer call(ApiClient client, String method, String path) {
    return switch (method) {
      case "GET" -> client.get(path);
      case "POST" -> client.postJson(path, "{}");
      case "PUT" -> client.putJson(path, "{}");
      case "DELETE" -> client.delete(path);
      default -> throw new IllegalArgumentException(method);
    };
  }
}
