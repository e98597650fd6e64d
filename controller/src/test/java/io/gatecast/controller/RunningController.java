package io.gatecast.controller;

import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.controller.http.OpenApiAnswers;
import io.gatecast.testkit.ApiClient;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *
 * <p>Every answer a client it hands out receives is checked against controller/openapi.json (status
 * documented, JSON body matching its schema; paths the document does not declare are skipped); the
 * class fails after its tests with the list of answers that are not as documented.
 */
public final class RunningController implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<ControllerConfig> configure;
  private final Clock clock;
  private Path dataDir;
  private EmbeddedBroker.Kind embeddedBroker;
  private Vertx vertx;
  private Controller controller;
  private ApiClient api;
  private ApiClient approver;
  private final Map<String, ApiClient> users = new ConcurrentHashMap<>();
  private final List<String> undocumented = new CopyOnWriteArrayList<>();

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
    // Surefire may rerun a failed class with the same static extension: nothing of the last controller stays.
    users.clear();
    approver = null;
    undocumented.clear();
    dataDir = Files.createTempDirectory("gatecast-controller-");
    vertx = Vertx.vertx();
    ControllerConfig defaults = ControllerConfig.defaults(dataDir).withPorts(0, 0)
        .withEmbeddedBroker(embeddedBrokerOf(context.getRequiredTestClass()));
    ControllerConfig config = configure.apply(defaults);
    embeddedBroker = config.embeddedBroker();
    controller = Controller.start(vertx, config, clock).await();
    api = checked(TestUsers.admin(controller.httpPort(), dataDir));
  }

  /** {@code client}, its later answers checked against openapi.json. */
  private ApiClient checked(ApiClient client) {
    OpenApiAnswers openApi = OpenApiAnswers.controller();
    return client.withListener(exchange -> openApi.problem(exchange).ifPresent(undocumented::add));
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
    if (!undocumented.isEmpty()) {
      throw new AssertionError(undocumented.size() + " answer(s) not as controller/openapi.json documents them:\n  "
          + String.join("\n  ", undocumented));
    }
  }

  /** The broker for {@code testClass}: its {@link OnEmbeddedBroker}, else the system property, else Moquette. */
  static EmbeddedBroker.Kind embeddedBrokerOf(Class<?> testClass) {
    OnEmbeddedBroker on = testClass.getAnnotation(OnEmbeddedBroker.class);
    if (on != null) {
      return on.value();
    }
    return EmbeddedBroker.Kind.parse(System.getProperty(OnEmbeddedBroker.PROPERTY, "moquette"));
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The embedded broker this controller runs (a test whose broker's behaviour differs asks). */
  public EmbeddedBroker.Kind embeddedBroker() {
    return embeddedBroker;
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
    return users.computeIfAbsent(username, name -> checked(TestUsers.user(api, controller.httpPort(), name, roles)));
  }

  /** A client with no session. */
  public ApiClient anonymous() {
    return checked(new ApiClient(controller.httpPort()));
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
