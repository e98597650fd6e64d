package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A cluster of nats-server nodes of this test's own, each started from docs/nats/node.conf (the file
 * operators are told to use, so the docs cannot drift from what is tested) beside the exported
 * {@code gatecast-accounts.conf}, on free ports, with its own JetStream folder and routes to the others.
 * Nodes can be killed with -9 and started again on the same ports and folder.
 */
final class NatsCluster implements AutoCloseable {
  static final Path NATS_SERVER = Path.of("/usr/sbin/nats-server");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private final Path dir;
  private final List<Node> nodes;

  /** One node: its ports, and its process while it runs. */
  final class Node {
    final String name;
    final int mqttPort;
    final int monitorPort;
    private final Map<String, String> env;
    private Process process;

    private Node(String name, int mqttPort, int monitorPort, Map<String, String> env) {
      this.name = name;
      this.mqttPort = mqttPort;
      this.monitorPort = monitorPort;
      this.env = env;
    }

    String url() {
      return "tcp://127.0.0.1:" + mqttPort;
    }

    void start() {
      ProcessBuilder builder = new ProcessBuilder(NATS_SERVER.toString(), "-c", dir.resolve("node.conf").toString());
      builder.environment().putAll(env);
      try {
        process = builder.redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile())).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Like the machine dying: SIGKILL, nothing said to anyone. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
      return process != null && process.isAlive();
    }

    /** Up, in the cluster and JetStream current (nats-server's own /healthz). */
    boolean healthy() {
      return alive() && get("/healthz").map(body -> "ok".equals(body.path("status").asText())).orElse(false);
    }

    /** The MQTT client ids connected to this node now. */
    List<String> mqttClients() {
      List<String> ids = new ArrayList<>();
      get("/connz?limit=1024").ifPresent(body -> body.path("connections")
          .forEach(c -> ids.add(c.path("mqtt_client").asText(""))));
      return ids;
    }

    boolean has(Predicate<String> clientId) {
      return alive() && mqttClients().stream().anyMatch(clientId);
    }

    private Optional<JsonNode> get(String path) {
      try {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitorPort + path))
            .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofByteArray());
        return response.statusCode() == 200 ? Optional.of(Codec.mapper().readTree(response.body()))
            : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  private NatsCluster(Path dir, List<Node> nodes) {
    this.dir = dir;
    this.nodes = nodes;
  }

  /** Skips the calling test when nats-server is missing, or fails it with GATECAST_REQUIRE_NATS=true. */
  static void requireInstalled() {
    if (!Files.isExecutable(NATS_SERVER)) {
      String why = NATS_SERVER + " is not installed (apt-get install nats-server); the NATS cluster test is skipped";
      if ("true".equals(System.getenv("GATECAST_REQUIRE_NATS"))) {
        fail(why);
      }
      abort(why);
    }
  }

  /**
   * Starts three nodes (n1, n2, n3; node.conf names three routes) in {@code dir}, which holds the
   * exported accounts file, and waits until every one is healthy.
   */
  static NatsCluster startThree(Path dir) throws IOException {
    int size = 3;
    Files.copy(docsFile("node.conf"), dir.resolve("node.conf"));
    int[] clusterPorts = IntStream.range(0, size).map(i -> AgentProcess.freePort()).toArray();
    List<Node> nodes = new ArrayList<>();
    NatsCluster cluster = new NatsCluster(dir, nodes);
    for (int i = 0; i < size; i++) {
      String name = "n" + (i + 1);
      int mqtt = AgentProcess.freePort();
      int monitor = AgentProcess.freePort();
      Map<String, String> env = new HashMap<>();
      env.put("GATECAST_NATS_NAME", name);
      env.put("GATECAST_NATS_HOST", "127.0.0.1");
      env.put("GATECAST_NATS_PORT", Integer.toString(AgentProcess.freePort()));
      env.put("GATECAST_MQTT_PORT", Integer.toString(mqtt));
      env.put("GATECAST_MONITOR_PORT", Integer.toString(monitor));
      env.put("GATECAST_CLUSTER_PORT", Integer.toString(clusterPorts[i]));
      for (int r = 0; r < size; r++) {
        env.put("GATECAST_ROUTE_" + (r + 1), "nats-route://127.0.0.1:" + clusterPorts[r]);
      }
      env.put("GATECAST_JS_DIR", dir.resolve("jetstream-" + name).toString());
      nodes.add(cluster.new Node(name, mqtt, monitor, Map.copyOf(env)));
    }
    nodes.forEach(Node::start);
    cluster.awaitHealthy();
    return cluster;
  }

  /** Node {@code n}, counting from 1 as the node names do. */
  Node node(int n) {
    return nodes.get(n - 1);
  }

  /** The MQTT addresses of these nodes, in this order, as one --broker value. */
  String urls(int... order) {
    return IntStream.of(order).mapToObj(n -> node(n).url()).collect(Collectors.joining(","));
  }

  /** Waits until every running node reports itself healthy. */
  void awaitHealthy() {
    await().atMost(DEADLINE).until(() -> nodes.stream().filter(Node::alive).allMatch(Node::healthy));
    for (Node node : nodes) {
      assertThat(node.alive()).as("%s exited; see %s", node.name, dir.resolve(node.name + ".log")).isTrue();
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Node node : nodes) {
      if (node.process != null) {
        node.process.destroy();
      }
    }
    for (Node node : nodes) {
      if (node.process != null && !node.process.waitFor(10, TimeUnit.SECONDS)) {
        node.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** A file of docs/nats, found from the module's folder (Surefire runs there) up to the repository root. */
  static Path docsFile(String name) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("docs").resolve("nats").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/nats/" + name + " not found above " + Path.of("").toAbsolutePath());
  }
}
