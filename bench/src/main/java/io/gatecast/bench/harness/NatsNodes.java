package io.gatecast.bench.harness;

import io.gatecast.testkit.Ports;
import io.gatecast.controller.Main;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Three nats-server nodes (JetStream, MQTT interface) from docs/nats/node.conf — the file the demo's
 * NatsClusterTest starts — holding the logins and rights of {@code controller export-nats} for the
 * screens registered in the controller's data folder, on free ports, each with its own JetStream
 * folder. {@link #kill} is a node's machine dying (SIGKILL).
 */
public final class NatsNodes implements AutoCloseable {
  private static final String BINARY = "/usr/sbin/nats-server";
  private final List<Process> processes = new ArrayList<>();
  private final int[] mqttPorts = new int[3];

  private NatsNodes() {}

  public static NatsNodes start(Path controllerData, Path dir) throws IOException {
    Files.createDirectories(dir);
    int code = new CommandLine(new Main()).execute("export-nats", "--data-dir", controllerData.toString(),
        "--out", dir.toString());
    if (code != 0) {
      throw new IllegalStateException("export-nats failed with " + code);
    }
    Files.copy(Path.of("docs/nats/node.conf"), dir.resolve("node.conf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    NatsNodes nodes = new NatsNodes();
    int[] clusterPorts = {Ports.free(), Ports.free(), Ports.free()};
    for (int i = 0; i < 3; i++) {
      nodes.mqttPorts[i] = Ports.free();
      Map<String, String> env = new HashMap<>();
      env.put("GATECAST_NATS_NAME", "n" + (i + 1));
      env.put("GATECAST_NATS_HOST", "127.0.0.1");
      env.put("GATECAST_NATS_PORT", Integer.toString(Ports.free()));
      env.put("GATECAST_MQTT_PORT", Integer.toString(nodes.mqttPorts[i]));
      env.put("GATECAST_MONITOR_PORT", Integer.toString(Ports.free()));
      env.put("GATECAST_CLUSTER_PORT", Integer.toString(clusterPorts[i]));
      for (int r = 0; r < 3; r++) {
        env.put("GATECAST_ROUTE_" + (r + 1), "nats-route://127.0.0.1:" + clusterPorts[r]);
      }
      env.put("GATECAST_JS_DIR", Files.createDirectories(dir.resolve("js-n" + (i + 1))).toString());
      ProcessBuilder builder = new ProcessBuilder(BINARY, "-c", dir.resolve("node.conf").toString());
      builder.environment().putAll(env);
      nodes.processes.add(builder.redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("n" + (i + 1) + ".log").toFile())).start());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (int port : nodes.mqttPorts) {
      while (!listening(port)) {
        if (System.nanoTime() > deadline) {
          nodes.close();
          throw new IllegalStateException("a NATS node did not listen on " + port + " within 60 s; see " + dir);
        }
        sleep(100);
      }
    }
    return nodes;
  }

  /** The MQTT ports of the three nodes. */
  public int[] mqttPorts() {
    return mqttPorts.clone();
  }

  /** {@code tcp://127.0.0.1:p1,...} for the controller's --broker. */
  public String urls() {
    List<String> urls = new ArrayList<>();
    for (int port : mqttPorts) {
      urls.add("tcp://127.0.0.1:" + port);
    }
    return String.join(",", urls);
  }

  public long pid(int node) {
    return processes.get(node).pid();
  }

  /** Node {@code node} (0-based) dies: SIGKILL. */
  public void kill(int node) throws InterruptedException {
    processes.get(node).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.destroyForcibly();
    }
  }
}
