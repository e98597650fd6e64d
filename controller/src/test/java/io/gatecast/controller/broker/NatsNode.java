package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.testkit.Installed;
import io.gatecast.testkit.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One nats-server of this test's own, started from a configuration in docs/nats (the file operators
 * are told to use, so the docs cannot drift from what is tested) copied beside the exported
 * {@code gatecast-accounts.conf}, with this node's ports and folders in its environment.
 */
final class NatsNode implements AutoCloseable {
  static final Path NATS_SERVER = Path.of("/usr/sbin/nats-server");
  private final Process process;
  private final Path log;
  final int mqttPort;

  private NatsNode(Process process, Path log, int mqttPort) {
    this.process = process;
    this.log = log;
    this.mqttPort = mqttPort;
  }

  /** Skips the calling test when nats-server is missing, or fails it with GATECAST_REQUIRE_NATS=true. */
  static void requireInstalled() {
    Installed.require(Files.isExecutable(NATS_SERVER), "GATECAST_REQUIRE_NATS",
        NATS_SERVER + " is not installed (apt-get install nats-server); the NATS checks are skipped");
  }

  /** Starts docs/nats/single.conf in {@code dir}, which must hold the exported accounts file. */
  static NatsNode startSingle(Path dir) throws IOException {
    Path conf = dir.resolve("single.conf");
    Files.copy(docsFile("single.conf"), conf);
    int mqtt = Ports.free();
    Map<String, String> env = Map.of(
        "GATECAST_NATS_NAME", "single",
        "GATECAST_NATS_HOST", "127.0.0.1",
        "GATECAST_NATS_PORT", Integer.toString(Ports.free()),
        "GATECAST_MQTT_PORT", Integer.toString(mqtt),
        "GATECAST_MONITOR_PORT", Integer.toString(Ports.free()),
        "GATECAST_JS_DIR", dir.resolve("jetstream").toString());
    ProcessBuilder builder = new ProcessBuilder(NATS_SERVER.toString(), "-c", conf.toString());
    builder.environment().putAll(env);
    Path log = dir.resolve("nats.log");
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    NatsNode node = new NatsNode(process, log, mqtt);
    await().atMost(Duration.ofSeconds(30)).until(() -> Ports.listening(mqtt) || !process.isAlive());
    assertThat(process.isAlive()).as("nats-server exited; its log:\n%s", Files.readString(log)).isTrue();
    return node;
  }

  String url() {
    return "tcp://127.0.0.1:" + mqttPort;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** A file of docs/nats, found from the module's folder (Surefire runs there) up to the repository root. */
  static Path docsFile(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("nats").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/nats/" + name + " not found above " + Path.of("").toAbsolutePath());
  }
}
