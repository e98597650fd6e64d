package io.gatecast.demo;

import static org.awaitility.Awaitility.await;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/** A real player agent in its own JVM, as on a kiosk: started from the command line, killable with -9. */
final class AgentProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** A kiosk's heap; INFO logs to the agent's own file (agent-logback.xml), whatever the test's console shows. */
  private static final List<String> JVM = List.of("-Xmx64m", "-Dlogback.configurationFile=agent-logback.xml");
  private static final String MAIN = "io.gatecast.agent.Main";
  /**
   * How long a started agent may take to serve its page: a hang guard, not a speed check. The start
   * costs 1.5-2.5 s of CPU, but on the shared 2-core machine it got that CPU 3-17 s after the launch at
   * load 9-16 (measured 2026-12-07 beside two busy loops); a full run at -T 2 (two test JVMs per module,
   * each with its Chromium and controller, beside the other module's tests) loads it more. The 30 s the
   * helpers waited before was within reach of a starved start. The controller's own start in
   * RetainedAfterStopTest is given the same.
   */
  static final Duration PAGE_DEADLINE = Duration.ofSeconds(120);
  /** What the agent prints when its page port was taken between {@link #freePort} and its bind. */
  private static final String PORT_TAKEN = "cannot serve the screen page";
  private static final int ATTEMPTS = 3;
  final String screenId;
  final Path dataDir;
  final int pagePort;
  private final JavaProcess process;
  /** The agent's output (appended to by every start with the same screen id). */
  private final Path log;
  /** Where this start's output begins in {@link #log}. */
  private final long logFrom;

  private AgentProcess(String screenId, Path dataDir, int pagePort, Path log, long logFrom, JavaProcess process) {
    this.screenId = screenId;
    this.dataDir = dataDir;
    this.pagePort = pagePort;
    this.log = log;
    this.logFrom = logFrom;
    this.process = process;
  }

  /**
   * {@link #start}, then waits until the agent's page answers: an agent that exited is not waited for
   * but fails with its output, and one whose page port another process took meanwhile (the machine is
   * shared) is started again on another port. A page that does not answer within {@link #PAGE_DEADLINE}
   * fails saying how long was waited, how much CPU the agent used in that time and the machine's load,
   * so a starved start is told from a stuck one.
   */
  static AgentProcess started(String screenId, String brokerUrl, Path dataDir, int heartbeatSeconds,
      PinnedKey controllerKey, String mqttPassword) {
    for (int attempt = 1; ; attempt++) {
      AgentProcess agent = start(screenId, brokerUrl, dataDir, heartbeatSeconds, controllerKey, mqttPassword);
      try {
        if (agent.awaitPage()) {
          return agent;
        }
        String output = agent.output();
        if (!output.contains(PORT_TAKEN) || attempt == ATTEMPTS) {
          throw new AssertionError("agent " + screenId + " exited (" + agent.process.exitValue()
              + ") before its page answered; its output:\n" + output);
        }
      } catch (RuntimeException | Error e) {
        agent.close();
        throw e;
      }
    }
  }

  /** Waits until the page answers (true) or the process has exited (false); fails after {@link #PAGE_DEADLINE}. */
  private boolean awaitPage() {
    long launched = System.nanoTime();
    try {
      await().atMost(PAGE_DEADLINE).until(() -> !process.isAlive() || now().isPresent());
    } catch (ConditionTimeoutException e) {
      Duration waited = Duration.ofNanos(System.nanoTime() - launched);
      String cpu = process.cpuTime().map(t -> t.toMillis() / 1000.0 + " s").orElse("unknown");
      throw new AssertionError(String.format("agent %s's page (port %d) did not answer within %d s; the agent used %s"
          + " of CPU in that time; load average: %s; its output:%n%s", screenId, pagePort, waited.toSeconds(), cpu,
          loadAverage(), output()), e);
    }
    return process.isAlive(); // alive, the condition held because the page answered
  }

  private String output() {
    try {
      byte[] all = Files.readAllBytes(log);
      int from = (int) Math.min(logFrom, all.length);
      String text = new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
      return text.substring(Math.max(0, text.length() - 20_000));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long sizeOf(Path log) {
    try {
      return Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      return 0;
    }
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
    Path log = dataDir.resolveSibling(screenId + ".log");
    long logFrom = sizeOf(log);
    return new AgentProcess(screenId, dataDir, pagePort, log, logFrom, JavaProcess.start(JVM, MAIN, args, log));
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
    Path log = dataDir.resolveSibling(label + ".log");
    long logFrom = sizeOf(log);
    return new AgentProcess(label, dataDir, pagePort, log, logFrom, JavaProcess.start(JVM, MAIN, args, log));
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
