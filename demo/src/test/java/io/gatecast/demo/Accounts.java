package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Signing in as the tests' people: the generated admin, and an approver who is not the author. */
final class Accounts {
  private static final String PASSWORD = "approver-password-1";

  private Accounts() {}

  static ApiClient admin(int port, Path controllerDataDir) {
    return ApiClient.signedIn(port, AdminBootstrap.ADMIN, AdminBootstrap.readPassword(controllerDataDir));
  }

  /** Approves the item's current revision as a separate approver (created on first use). */
  static void approve(ApiClient admin, int port, String contentId) {
    Answer created = admin.postJson("/api/v1/users", Map.of("username", "approver", "password", PASSWORD,
        "roles", List.of("approver")));
    assertThat(created.status()).isIn(201, 409);
    ApiClient approver = ApiClient.signedIn(port, "approver", PASSWORD);
    long revision = approver.get("/api/v1/content/" + contentId).body().get("revision").asLong();
    assertThat(approver.postJson("/api/v1/content/" + contentId + "/approve", Map.of("revision", revision)).status())
        .isEqualTo(200);
  }
}
