package io.gatecast.bench.harness;

import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.Ports;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The controller in its own JVM, started with its real command line ({@code io.gatecast.controller.Main})
 * from this JVM's class path, so its CPU, heap and resident memory are its own. Output goes to
 * {@code <dataDir>/controller.log}.
 */
public final class ControllerProcess implements RunningController {
  private final Process process;
  private final Path dataDir;
  private final int httpPort;
  private final String brokerHost;
  private final int brokerPort;

  private ControllerProcess(Process process, Path dataDir, int httpPort, String brokerHost, int brokerPort) {
    this.process = process;
    this.dataDir = dataDir;
    this.httpPort = httpPort;
    this.brokerHost = brokerHost;
    this.brokerPort = brokerPort;
  }

  /**
   * Starts the controller with its embedded broker ({@code externalBrokerPort} 0) or against the
   * broker at 127.0.0.1:{@code externalBrokerPort}, and waits until its API answers.
   */
  public static ControllerProcess start(Path dataDir, int externalBrokerPort, Duration heartbeatTimeout,
      List<String> jvmArgs) {
    return start(dataDir, externalBrokerPort, heartbeatTimeout, jvmArgs, List.of());
  }

  /** {@link #start(Path, int, Duration, List)} with {@code --broker brokerUrls} (several, comma-separated), or embedded when null. */
  public static ControllerProcess start(Path dataDir, String brokerUrls, Duration heartbeatTimeout,
      List<String> jvmArgs) {
    return start(dataDir, brokerUrls, heartbeatTimeout, jvmArgs, List.of());
  }

  /** {@link #start(Path, int, Duration, List)} with {@code controllerArgs} added to the controller's own options. */
  public static ControllerProcess start(Path dataDir, int externalBrokerPort, Duration heartbeatTimeout,
      List<String> jvmArgs, List<String> controllerArgs) {
    return start(dataDir, externalBrokerPort > 0 ? "tcp://127.0.0.1:" + externalBrokerPort : null, heartbeatTimeout,
        jvmArgs, controllerArgs);
  }

  private static ControllerProcess start(Path dataDir, String brokerUrls, Duration heartbeatTimeout,
      List<String> jvmArgs, List<String> controllerArgs) {
    int externalBrokerPort = brokerUrls == null ? 0 : Integer.parseInt(brokerUrls.replaceAll("^.*:(\\d+).*$", "$1"));
    int http = Ports.free();
    int broker = externalBrokerPort > 0 ? externalBrokerPort : Ports.free();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatecast.controller.Main",
        "--data-dir", dataDir.toString(), "--http-port", Integer.toString(http),
        "--heartbeat-timeout", Long.toString(heartbeatTimeout.toSeconds()),
        "--admin-password", ControllerApi.ADMIN_PASSWORD));
    command.addAll(controllerArgs);
    if (externalBrokerPort > 0) {
      command.addAll(List.of("--broker", brokerUrls));
    } else {
      command.addAll(List.of("--broker-port", Integer.toString(broker)));
    }
    try {
      dataDir.toFile().mkdirs();
      File log = dataDir.resolve("controller.log").toFile();
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
      ControllerProcess controller = new ControllerProcess(process, dataDir, http, "127.0.0.1", broker);
      // 3 min: on the shared 2-core box (load 30-40) a start was seen to take more than 1 min.
      controller.awaitHealthy(Duration.ofMinutes(3));
      return controller;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot start the controller: " + e.getMessage(), e);
    }
  }

  private void awaitHealthy(Duration timeout) {
    ApiClient client = new ApiClient(httpPort);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the controller exited with " + process.exitValue() + "; see "
            + dataDir.resolve("controller.log"));
      }
      try {
        if (client.get("/health").status() == 200) {
          return;
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("the controller did not answer within " + timeout);
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public int httpPort() {
    return httpPort;
  }

  @Override
  public String brokerHost() {
    return brokerHost;
  }

  @Override
  public int brokerPort() {
    return brokerPort;
  }

  @Override
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
