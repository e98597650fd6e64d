package io.gatecast.demo;

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
import java.util.List;
import java.util.Optional;

/** A real player agent in its own JVM, as on a kiosk: started from the command line, killable with -9. */
final class AgentProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** A kiosk's heap; INFO logs to the agent's own file (agent-logback.xml), whatever the test's console shows. */
  private static final List<String> JVM = List.of("-Xmx64m", "-Dlogback.configurationFile=agent-logback.xml");
  private static final String MAIN = "io.gatecast.agent.Main";
  final String screenId;
  final Path dataDir;
  final int pagePort;
  private final JavaProcess process;

  private AgentProcess(String screenId, Path dataDir, int pagePort, JavaProcess process) {
    this.screenId = screenId;
    this.dataDir = dataDir;
    this.pagePort = pagePort;
    this.process = process;
  }

  /** @param controllerKey the key the agent pins, passed as {@code --controller-key} like a kiosk's provisioning does */
  /** @param mqttPassword the password the screen's registration returned; the agent logs in as the screen id */
  static AgentProcess start(String screenId, String brokerUrl, Path dataDir, int heartbeatSeconds, PinnedKey controllerKey,
      String mqttPassword) {
    int pagePort = freePort();
    List<String> args = List.of(
        "--screen-id", screenId,
        "--broker", brokerUrl,
        "--data-dir", dataDir.toString(),
        "--page-port", Integer.toString(pagePort),
        "--heartbeat-seconds", Integer.toString(heartbeatSeconds),
        "--username", screenId,
        "--password", mqttPassword,
        ControllerKeyArgument.OPTION, ControllerKeyArgument.format(controllerKey));
    return new AgentProcess(screenId, dataDir, pagePort,
        JavaProcess.start(JVM, MAIN, args, dataDir.resolveSibling(screenId + ".log")));
  }

  /**
   * An agent with no --screen-id, as a new kiosk is started: it uses the identity in its data
   * folder, or shows a pairing code on its page (port {@code pagePort}) until it is enrolled.
   *
   * @param label names the log file next to the data folder
   */
  static AgentProcess startEnrolling(String label, String controllerUrl, Path dataDir, int pagePort) {
    List<String> args = List.of(
        "--controller-url", controllerUrl,
        "--data-dir", dataDir.toString(),
        "--page-port", Integer.toString(pagePort),
        "--heartbeat-seconds", "1");
    return new AgentProcess(label, dataDir, pagePort,
        JavaProcess.start(JVM, MAIN, args, dataDir.resolveSibling(label + ".log")));
  }

  /** What the agent's screen page says is on screen now, or empty while the page is not up. */
  Optional<JsonNode> now() {
    try {
      var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pagePort + "/now")).build(),
          BodyHandlers.ofByteArray());
      return response.statusCode() == 200 ? Optional.of(Codec.mapper().readTree(response.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The content id on screen now, or "" when nothing is. */
  String showing() {
    return now().map(n -> n.path("item").path("contentId").asText("")).orElse("");
  }

  long pid() {
    return process.pid();
  }

  /** Like a power cut: SIGKILL, no goodbye to the broker. */
  void kill() {
    process.kill();
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the process: alive to the network, silent to the controller. */
  void signal(String signal) {
    process.signal(signal);
  }

  static int freePort() {
    return Ports.free();
  }

  @Override
  public void close() {
    process.close();
  }
}
