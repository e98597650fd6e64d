package io.gatecast.agent;

import io.gatecast.agent.trust.ControllerKeyArgument;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: reads flags into an {@link AgentConfig}, starts the agent, runs until killed. */
@Command(name = "gatecast-agent", mixinStandardHelpOptions = true,
    description = "GateCast kiosk agent: receives this screen's schedule over MQTT, caches its media"
        + " and serves the full-screen page the kiosk browser shows.")
public final class Main implements Callable<Integer> {
  @Option(names = "--screen-id", required = true, description = "This screen's id (also its MQTT client id).")
  String screenId;

  @Option(names = "--broker", defaultValue = AgentConfig.DEFAULT_BROKER, description = "MQTT broker URL (default: ${DEFAULT-VALUE}).")
  String broker;

  @Option(names = "--data-dir", defaultValue = "agent-data", description = "Where the schedule and media cache live (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--page-port", defaultValue = "8090", description = "Port of the local screen page on 127.0.0.1; 0 = any free port (default: ${DEFAULT-VALUE}).")
  int pagePort;

  @Option(names = "--heartbeat-seconds", defaultValue = "10", description = "Seconds between status heartbeats (default: ${DEFAULT-VALUE}).")
  int heartbeatSeconds;

  @Option(names = "--cache-quota-mb", defaultValue = "0", description = "The most the media cache may hold on disk, in MiB;"
      + " files no schedule needs are evicted least recently used first; 0 = no limit (default: ${DEFAULT-VALUE}).")
  long cacheQuotaMb;

  @Option(names = "--play-batch-seconds", defaultValue = "60", description = "How often proof of play is sent while online,"
      + " in seconds (default: ${DEFAULT-VALUE}).")
  int playBatchSeconds;

  @Option(names = "--username", description = "MQTT user name.")
  String username;

  @Option(names = "--password", description = "MQTT password.")
  String password;

  @Option(names = ControllerKeyArgument.OPTION, paramLabel = "<keyId>:<publicKey>",
      description = "Required. The controller's signing key (keyId and base64 public key, as GET /api/v1/signing-key"
          + " on the controller shows them); this screen plays only what that key signed. Saved in"
          + " <data-dir>/pinned-keys.json with any key rotations the controller later signs.")
  String controllerKey;

  public static void main(String[] args) {
    int code = new CommandLine(new Main()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    AgentConfig config;
    PlayerAgent agent;
    try {
      config = new AgentConfig(screenId, broker, dataDir, pagePort, heartbeatSeconds, username, password,
          ControllerKeyArgument.parse(controllerKey), cacheQuotaMb, playBatchSeconds);
      agent = PlayerAgent.start(config, Clock.systemUTC());
    } catch (RuntimeException e) {
      System.err.println("gatecast-agent: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.close();
      stopped.countDown();
    }, "gatecast-shutdown"));
    // Other processes (demo, end-to-end tests) read this line to find the page.
    System.out.println("GateCast agent " + config.screenId() + " page: http://127.0.0.1:" + agent.pagePort() + "/");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
