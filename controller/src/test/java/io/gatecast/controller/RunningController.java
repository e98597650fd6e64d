package io.gatecast.controller;

import io.gatecast.controller.client.ApiClient;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real controller for a test class: its own temp data folder, embedded broker and HTTP server on
 * free ports. Use as {@code @RegisterExtension static RunningController running = new RunningController();}.
 */
public final class RunningController implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<ControllerConfig> configure;
  private final Clock clock;
  private Path dataDir;
  private Vertx vertx;
  private Controller controller;
  private ApiClient api;
  private ApiClient approver;
  private final Map<String, ApiClient> users = new ConcurrentHashMap<>();

  public RunningController() {
    this(config -> config, Clock.systemUTC());
  }

  /** A controller whose config is {@code configure}d from the test defaults and whose time is {@code clock}. */
  public RunningController(UnaryOperator<ControllerConfig> configure, Clock clock) {
    this.configure = configure;
    this.clock = clock;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("gatecast-controller-");
    vertx = Vertx.vertx();
    controller = Controller.start(vertx, configure.apply(ControllerConfig.defaults(dataDir).withPorts(0, 0)), clock).await();
    api = TestUsers.admin(controller.httpPort(), dataDir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    controller.close();
    vertx.close().await();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  public Controller controller() {
    return controller;
  }

  /** A client signed in as the generated admin. */
  public ApiClient api() {
    return api;
  }

  /** A client signed in as {@code username} with these roles (created on first use). */
  public ApiClient user(String username, String... roles) {
    // Signing in hashes slowly on purpose: one session per user and class is enough.
    return users.computeIfAbsent(username, name -> TestUsers.user(api, controller.httpPort(), name, roles));
  }

  /** A client with no session. */
  public ApiClient anonymous() {
    return new ApiClient(controller.httpPort());
  }

  /** Approves the item as an approver who did not write it. */
  public void approve(String contentId) {
    synchronized (this) {
      if (approver == null) {
        approver = user("test-approver", "approver");
      }
    }
    TestUsers.approve(approver, contentId);
  }
}
