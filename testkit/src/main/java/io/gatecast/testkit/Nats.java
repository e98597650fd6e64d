package io.gatecast.testkit;

import static org.awaitility.Awaitility.await;

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
import java.nio.file.StandardCopyOption;
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
 * nats-server nodes of the caller's own (JetStream, MQTT interface), started from the files in
 * {@code docs/nats} — the ones operators are told to use, so the docs cannot drift from what is
 * tested — beside the {@code gatecast-accounts.conf} that {@code controller export-nats} wrote into
 * the folder given, on free ports, each with its own JetStream folder. One node
 * ({@link #single}, docs/nats/single.conf) or a cluster ({@link #cluster}, docs/nats/node.conf, routes
 * to every node). A node can be killed with -9 and started again on the same ports and folder.
 * Used by the controller's and the demo's tests and by the bench.
 */
public final class Nats implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/sbin/nats-server");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private final Path dir;
  private final List<Node> nodes;

  /** One node: its ports, and its process while it runs. */
  public final class Node {
    private final String name;
    private final Path conf;
    private final int mqttPort;
    private final int monitorPort;
    private final Map<String, String> env;
    private Process process;

    private Node(String name, Path conf, int mqttPort, int monitorPort, Map<String, String> env) {
      this.name = name;
      this.conf = conf;
      this.mqttPort = mqttPort;
      this.monitorPort = monitorPort;
      this.env = env;
    }

    public String name() {
      return name;
    }

    public int mqttPort() {
      return mqttPort;
    }

    public String url() {
      return "tcp://127.0.0.1:" + mqttPort;
    }

    /** Starts (or starts again, same ports and folder) this node; its output is appended to its log. */
    public void start() {
      ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "-c", conf.toString());
      builder.environment().putAll(env);
      try {
        process = builder.redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Like the machine dying: SIGKILL, nothing said to anyone. */
    public void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean alive() {
      return process != null && process.isAlive();
    }

    public long pid() {
      return process.pid();
    }

    /** Up, in the cluster and JetStream current (nats-server's own /healthz). */
    public boolean healthy() {
      return alive() && get("/healthz").map(body -> "ok".equals(body.path("status").asText())).orElse(false);
    }

    /** The MQTT client ids connected to this node now. */
    public List<String> mqttClients() {
      List<String> ids = new ArrayList<>();
      get("/connz?limit=1024").ifPresent(body -> body.path("connections")
          .forEach(c -> ids.add(c.path("mqtt_client").asText(""))));
      return ids;
    }

    public boolean has(Predicate<String> clientId) {
      return alive() && mqttClients().stream().anyMatch(clientId);
    }

    /** What the node wrote so far (every start of it). */
    public String log() throws IOException {
      return Files.readString(logFile());
    }

    private Path logFile() {
      return dir.resolve(name + ".log");
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

  private Nats(Path dir, List<Node> nodes) {
    this.dir = dir;
    this.nodes = nodes;
  }

  /** Skips (or with GATECAST_REQUIRE_NATS=true fails) the test when nats-server is missing; {@code what} names what is skipped. */
  public static void require(String what) {
    Installed.require(Files.isExecutable(BINARY), "GATECAST_REQUIRE_NATS",
        BINARY + " is not installed (apt-get install nats-server); " + what + " skipped");
  }

  /**
   * One node from docs/nats/single.conf in {@code dir}, which holds the exported accounts file;
   * returns once its MQTT port listens (fails with its log when it exits instead).
   */
  public static Nats single(Path dir) {
    Path conf = copyDocsFile("single.conf", dir);
    Map<String, String> env = new HashMap<>();
    int mqtt = Ports.free();
    int monitor = Ports.free();
    env.put("GATECAST_NATS_NAME", "single");
    env.put("GATECAST_NATS_HOST", "127.0.0.1");
    env.put("GATECAST_NATS_PORT", Integer.toString(Ports.free()));
    env.put("GATECAST_MQTT_PORT", Integer.toString(mqtt));
    env.put("GATECAST_MONITOR_PORT", Integer.toString(monitor));
    env.put("GATECAST_JS_DIR", dir.resolve("jetstream").toString());
    Nats nats = new Nats(dir, new ArrayList<>());
    nats.nodes.add(nats.new Node("single", conf, mqtt, monitor, Map.copyOf(env)));
    nats.startAll(false);
    return nats;
  }

  /**
   * {@code size} nodes n1, n2, ... from docs/nats/node.conf in {@code dir}, which holds the exported
   * accounts file; returns once every one is healthy (in the cluster, JetStream current).
   */
  public static Nats cluster(Path dir, int size) {
    Path conf = copyDocsFile("node.conf", dir);
    int[] clusterPorts = IntStream.range(0, size).map(i -> Ports.free()).toArray();
    Nats nats = new Nats(dir, new ArrayList<>());
    for (int i = 0; i < size; i++) {
      String name = "n" + (i + 1);
      int mqtt = Ports.free();
      int monitor = Ports.free();
      Map<String, String> env = new HashMap<>();
      env.put("GATECAST_NATS_NAME", name);
      env.put("GATECAST_NATS_HOST", "127.0.0.1");
      env.put("GATECAST_NATS_PORT", Integer.toString(Ports.free()));
      env.put("GATECAST_MQTT_PORT", Integer.toString(mqtt));
      env.put("GATECAST_MONITOR_PORT", Integer.toString(monitor));
      env.put("GATECAST_CLUSTER_PORT", Integer.toString(clusterPorts[i]));
      for (int r = 0; r < size; r++) {
        env.put("GATECAST_ROUTE_" + (r + 1), "nats-route://127.0.0.1:" + clusterPorts[r]);
      }
      env.put("GATECAST_JS_DIR", dir.resolve("jetstream-" + name).toString());
      nats.nodes.add(nats.new Node(name, conf, mqtt, monitor, Map.copyOf(env)));
    }
    nats.startAll(true);
    return nats;
  }

  private void startAll(boolean healthy) {
    try {
      nodes.forEach(Node::start);
      if (healthy) {
        awaitHealthy();
      } else {
        await().atMost(DEADLINE).until(() -> nodes.stream().allMatch(n -> !n.alive() || Ports.listening(n.mqttPort)));
        requireAlive();
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** Node {@code n}, counting from 1 as the node names do. */
  public Node node(int n) {
    return nodes.get(n - 1);
  }

  /** The first (or only) node's MQTT address. */
  public String url() {
    return node(1).url();
  }

  /** The MQTT addresses of these nodes, in this order, as one --broker value; all of them in order when none given. */
  public String urls(int... order) {
    IntStream numbers = order.length == 0 ? IntStream.rangeClosed(1, nodes.size()) : IntStream.of(order);
    return numbers.mapToObj(n -> node(n).url()).collect(Collectors.joining(","));
  }

  /** The MQTT ports of all nodes, in order. */
  public int[] mqttPorts() {
    return nodes.stream().mapToInt(Node::mqttPort).toArray();
  }

  /** Waits until every running node reports itself healthy; fails naming a node that exited. */
  public void awaitHealthy() {
    await().atMost(DEADLINE).until(() -> nodes.stream().filter(Node::alive).allMatch(Node::healthy));
    requireAlive();
  }

  private void requireAlive() {
    for (Node node : nodes) {
      if (!node.alive()) {
        String log;
        try {
          log = node.log();
        } catch (IOException e) {
          log = "(unreadable: " + e + ")";
        }
        throw new AssertionError("nats-server " + node.name + " exited; its log:\n" + log);
      }
    }
  }

  /** Stops every node still running: politely, then by force after 10 s. */
  @Override
  public void close() {
    for (Node node : nodes) {
      if (node.process != null) {
        node.process.destroy();
      }
    }
    for (Node node : nodes) {
      try {
        if (node.process != null && !node.process.waitFor(10, TimeUnit.SECONDS)) {
          node.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        node.process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Path copyDocsFile(String name, Path dir) {
    try {
      Files.createDirectories(dir);
      return Files.copy(docsFile(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of docs/nats, found from the working folder (a module's, under Maven) up to the repository root. */
  public static Path docsFile(String name) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("docs").resolve("nats").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/nats/" + name + " not found above " + Path.of("").toAbsolutePath());
  }
}
