package io.gatecast.agent;

import io.gatecast.testkit.Closer;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The world around a real {@link PlayerAgent} in one JVM, set up anew for each test (a JUnit 5
 * extension): a broker of the test's own ({@link TestBroker}), a media server, a stand-in controller
 * ({@link ControllerSpy}) that signs with {@link #keys}, and whatever the test starts through
 * {@link #closing}, all closed in reverse order after the test. It lives in the agent's tests, not
 * in the test kit: it needs the agent's classes, and the test kit depends on no product module.
 *
 * <pre>{@code @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN);}</pre>
 */
final class AgentWorld implements BeforeEachCallback, AfterEachCallback {
  private final String screen;
  private final TestKeys keys;
  private final Closer closer = new Closer();
  private TestBroker broker;
  private MediaServer media;
  private ControllerSpy controller;

  AgentWorld(String screen) {
    this(screen, TestKeys.generate());
  }

  AgentWorld(String screen, TestKeys keys) {
    this.screen = screen;
    this.keys = keys;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    broker = closing(new TestBroker());
    media = closing(new MediaServer());
    controller = closing(new ControllerSpy(broker.url(), screen, keys.signer()));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    closer.close();
  }

  TestKeys keys() {
    return keys;
  }

  TestBroker broker() {
    return broker;
  }

  MediaServer media() {
    return media;
  }

  ControllerSpy controller() {
    return controller;
  }

  /** An item "welcome" of one image, served by this world's media server, shown {@code seconds} at a time. */
  io.gatecast.protocol.rules.ItemSpec welcome(int seconds) {
    byte[] bytes = "welcome".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return TestRules.item("welcome", "Welcome", media.serve(bytes), bytes, "image/png", seconds);
  }

  /**
   * The agent's options in this world: its screen on {@code brokerUrl}, data in {@code dataDir}, page
   * on a free port, a heartbeat a second, the controller's key pinned.
   */
  AgentConfig config(String brokerUrl, Path dataDir) {
    return AgentConfig.of(screen, brokerUrl, dataDir).withPagePort(0).withHeartbeatSeconds(1)
        .withControllerKey(keys.pinned());
  }

  /** {@link #config(String, Path)} on this world's broker. */
  AgentConfig config(Path dataDir) {
    return config(broker.url(), dataDir);
  }

  /** Starts an agent with {@code config}, closed after the test (before the world around it). */
  PlayerAgent start(AgentConfig config, Clock clock) {
    return closing(PlayerAgent.start(config, clock));
  }

  /** {@code resource}, closed after the test in reverse order of registration. */
  <T extends AutoCloseable> T closing(T resource) {
    return closer.add(resource);
  }

  /** Closes {@code resource} now (registered or not) and forgets it. */
  void closeNow(AutoCloseable resource) throws Exception {
    closer.closeNow(resource);
  }

  /** Closes now what was registered of {@code type} (e.g. every agent, to start one again). */
  void closeAll(Class<?> type) throws Exception {
    closer.closeAll(type);
  }
}
