package io.gatecast.controller;

import io.gatecast.controller.client.ApiClient;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.UnaryOperator;
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
    api = new ApiClient(controller.httpPort());
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

  public ApiClient api() {
    return api;
  }
}
