package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Signing in the way people do: the generated admin, then users the admin creates. */
public final class TestUsers {
  public static final String PASSWORD = "correct-horse-battery";

  private TestUsers() {}

  /** A client signed in as the admin the controller generated in {@code dataDir}. */
  public static ApiClient admin(int port, Path dataDir) {
    return ApiClient.signedIn(port, AdminBootstrap.ADMIN, AdminBootstrap.readPassword(dataDir));
  }

  /** Creates (unless it exists) a user with these roles through the admin, and signs them in. */
  public static ApiClient user(ApiClient admin, int port, String username, String... roles) {
    Answer created = admin.postJson("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", Arrays.asList(roles)));
    assertThat(created.status()).as(created.body().toString()).isIn(201, 409);
    return ApiClient.signedIn(port, username, PASSWORD);
  }

  /** Approves the item's current revision as {@code approver}. */
  public static void approve(ApiClient approver, String contentId) {
    long revision = approver.get("/api/v1/content/" + contentId).body().get("revision").asLong();
    Answer approved = approver.postJson("/api/v1/content/" + contentId + "/approve", Map.of("revision", revision));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
  }
}
