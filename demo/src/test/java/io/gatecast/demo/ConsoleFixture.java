package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What every console test starts with: a real controller (embedded broker, SQLite, ports picked by
 * the system) in {@code dir/controller}, its admin signed in over the API, and headless Chromium
 * ({@link ConsoleBrowser}) with its profile in {@code dir/chromium}. Also the set-up steps the tests
 * share: users, registered screens, real agents.
 */
final class ConsoleFixture implements AutoCloseable {
  /** The password of every user {@link #user} makes. */
  static final String PASSWORD = "console-test-password";

  final Vertx vertx = Vertx.vertx();
  final Path dir;
  final Controller controller;
  final ApiClient admin;
  final String adminPassword;
  final ConsoleBrowser browser;

  /** @param config changes to the controller's defaults (e.g. its heartbeat timeout) */
  ConsoleFixture(Path dir, UnaryOperator<ControllerConfig> config) {
    this.dir = dir;
    Path controllerDir = dir.resolve("controller");
    Controller started = null;
    try {
      started = Controller.start(vertx, config.apply(ControllerConfig.defaults(controllerDir).withPorts(0, 0)),
          Clock.systemUTC()).await();
      controller = started;
      adminPassword = AdminBootstrap.readPassword(controllerDir);
      admin = Accounts.admin(controller.httpPort(), controllerDir);
      browser = new ConsoleBrowser(controller.httpPort(), dir.resolve("chromium"));
    } catch (RuntimeException | Error e) {
      // Skipped (no Chromium) or failed: nothing started here may outlive the test.
      if (started != null) {
        started.close();
      }
      vertx.close().await();
      throw e;
    }
  }

  ConsoleFixture(Path dir) {
    this(dir, UnaryOperator.identity());
  }

  /** A client with no session: what a kiosk (or anyone on the network) can call. */
  ApiClient browserless() {
    return new ApiClient(controller.httpPort());
  }

  /** Makes a user with these roles and {@link #PASSWORD}. */
  void user(String username, String... roles) {
    Answer created = admin.postJson("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of(roles)));
    assertThat(created.status()).as(created.error()).isEqualTo(201);
  }

  /** Registers a screen with a name; returns the MQTT password its agent logs in with. */
  String register(String screenId, String name) {
    Answer registered = admin.postJson("/api/v1/screens", Map.of("id", screenId, "name", name));
    assertThat(registered.status()).as(registered.error()).isEqualTo(201);
    return registered.body().get("mqttPassword").asText();
  }

  /** A real agent in its own JVM, connected to this controller's broker, once its page answers. */
  AgentProcess agent(String screenId, String mqttPassword) throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("agents").resolve(screenId));
    return AgentProcess.started(screenId, controller.brokerUrl(), dataDir, 1, controller.signingKey(), mqttPassword);
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      controller.close();
      vertx.close().await();
    }
  }
}
