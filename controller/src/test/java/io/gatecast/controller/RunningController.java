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
  private final Clock clock;
  private final UnaryOperator<ControllerConfig> configure;
  private Path dataDir;
  private Vertx vertx;
  private Controller controller;
  private ApiClient api;

  public RunningController() {
    this(Clock.systemUTC(), config -> config);
  }

  /** A controller on {@code clock} (e.g. a {@link MutableClock}), its config adjusted by {@code configure}. */
  public RunningController(Clock clock, UnaryOperator<ControllerConfig> configure) {
    this.clock = clock;
    this.configure = configure;
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
