package io.gatecast.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.trust.ControllerKeyArgument;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.testkit.JavaProcess;
import io.gatecast.testkit.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A player agent in its own JVM, as on a kiosk: started from the command line with a small heap,
 * killable with SIGKILL (a power cut, as far as the agent can tell).
 */
final class AgentProcess implements AutoCloseable {
  /** The heap and stack a small kiosk box gives the agent. */
  static final List<String> SMALL_JVM = List.of("-Xms8m", "-Xmx64m", "-XX:+UseSerialGC", "-Xss256k",
      "-XX:TieredStopAtLevel=1");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  final int pagePort;
  private final JavaProcess process;

  private AgentProcess(int pagePort, JavaProcess process) {
    this.pagePort = pagePort;
    this.process = process;
  }

  static AgentProcess start(String screenId, String brokerUrl, Path dataDir, PinnedKey controllerKey, Path log,
      String... extraArgs) {
    return start(freePort(), screenId, brokerUrl, dataDir, controllerKey, log, extraArgs);
  }

  /** On a page port chosen beforehand, so a browser can be pointed at the page before the agent is up. */
  static AgentProcess start(int pagePort, String screenId, String brokerUrl, Path dataDir, PinnedKey controllerKey,
      Path log, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--screen-id", screenId,
        "--broker", brokerUrl,
        "--data-dir", dataDir.toString(),
        "--page-port", Integer.toString(pagePort),
        "--heartbeat-seconds", "1",
        ControllerKeyArgument.OPTION, ControllerKeyArgument.format(controllerKey)));
    args.addAll(List.of(extraArgs));
    return new AgentProcess(pagePort, JavaProcess.start(SMALL_JVM, "io.gatecast.agent.Main", args, log));
  }

  /** What the agent's page says is on screen now, or empty while the page is not up. */
  Optional<JsonNode> now() {
    try {
      var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pagePort + "/now"))
          .timeout(Duration.ofSeconds(2)).build(), BodyHandlers.ofByteArray());
      return response.statusCode() == 200 ? Optional.of(Codec.mapper().readTree(response.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no goodbye to the broker, buffers as they are. */
  void kill() {
    process.kill();
  }

  static int freePort() {
    return Ports.free();
  }

  @Override
  public void close() {
    process.close();
  }
}
