package io.gatecast.agent;

import io.gatecast.agent.enroll.Enrollment;
import io.gatecast.agent.enroll.PairingKiosk;
import io.gatecast.agent.kiosk.KioskBrowser;
import io.gatecast.agent.kiosk.KioskOptions;
import io.gatecast.agent.tls.CaTrust;
import io.gatecast.agent.trust.ControllerKeyArgument;
import io.gatecast.protocol.BrokerUrls;
import io.gatecast.protocol.enrollment.Identity;
import java.io.IOException;
import java.net.URI;
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
  @Option(names = "--screen-id", description = "This screen's id (also its MQTT client id). Leave it out to use the"
      + " identity saved in <data-dir>/identity.json, or to pair with --controller-url when there is none.")
  String screenId;

  @Option(names = "--controller-url", paramLabel = "<url>", description = "The controller's base URL (e.g."
      + " http://10.0.0.5:8080). Without --screen-id and without a saved identity, the agent shows a pairing code on"
      + " its page and waits for an operator to enroll it. Screenshots are uploaded there too.")
  URI controllerUrl;

  @Option(names = "--broker", description = "MQTT broker URL, or several separated by commas (the nodes of a clustered"
      + " broker: the agent connects to the first that answers and moves on when its node goes away). Default: "
      + AgentConfig.DEFAULT_BROKER + ", or the list received at enrollment.")
  String broker;

  @Option(names = "--data-dir", defaultValue = "agent-data", description = "Where the schedule and media cache live (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--page-port", defaultValue = "8090", description = "Port of the local screen page on 127.0.0.1; 0 = any free port (default: ${DEFAULT-VALUE}).")
  int pagePort;

  @Option(names = "--heartbeat-seconds", defaultValue = "10", description = "Seconds between status heartbeats (default: ${DEFAULT-VALUE}).")
  int heartbeatSeconds;

  @Option(names = "--cache-quota-mb", defaultValue = "0", description = "The most the media cache may hold on disk, in MiB;"
      + " files no schedule needs are evicted least recently used first; 0 = automatic: half of what the cache and the"
      + " free disk add up to, and downloads always leave 32 MiB free (default: ${DEFAULT-VALUE}).")
  long cacheQuotaMb;

  @Option(names = "--play-batch-seconds", defaultValue = "60", description = "How often proof of play is sent while online,"
      + " in seconds (default: ${DEFAULT-VALUE}).")
  int playBatchSeconds;

  @Option(names = "--username", description = "MQTT user name.")
  String username;

  @Option(names = "--password", description = "MQTT password.")
  String password;

  @Option(names = ControllerKeyArgument.OPTION, paramLabel = "<keyId>:<publicKey>",
      description = "Required with --screen-id. The controller's signing key (keyId and base64 public key, as GET /api/v1/signing-key"
          + " on the controller shows them); this screen plays only what that key signed. Saved in"
          + " <data-dir>/pinned-keys.json with any key rotations the controller later signs.")
  String controllerKey;

  @Option(names = "--kiosk-command", paramLabel = "<command line>",
      description = "Launch and watch the kiosk browser with this command ({url} = the page's address), restarting"
          + " it if it dies. Add --remote-debugging-port=0 for screenshots, e.g. \"chromium --kiosk --noerrdialogs"
          + " --remote-debugging-port=0 {url}\".")
  String kioskCommand;

  @Option(names = "--ca-file", paramLabel = "<pem>", description = "Trust only the CA certificate(s) in this PEM file"
      + " for TLS: the broker at ssl://host:port and the controller at https://. Without it the JVM's public CAs are trusted.")
  private Path caFile;

  @Option(names = "--kiosk-devtools-port", description = "DevTools port of a browser started by someone else (for screenshots).")
  Integer kioskDevtoolsPort;

  public static void main(String[] args) {
    int code = new CommandLine(new Main()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The kiosk browser launched while pairing (it keeps showing the page's port afterwards), or null. */
  private KioskBrowser pairingBrowser;

  /**
   * The config from the saved identity, or from pairing (which blocks until an operator enrolls
   * this screen); while pairing, the kiosk browser already shows the code.
   */
  private AgentConfig enrolledConfig(KioskOptions kiosk) throws IOException, InterruptedException {
    if (username != null || password != null || controllerKey != null) {
      throw new IllegalArgumentException("--username, --password and " + ControllerKeyArgument.OPTION
          + " go with --screen-id; an enrolled agent takes them from its identity");
    }
    PairingKiosk.Enrolled enrolled = PairingKiosk.enroll(dataDir, controllerUrl, pagePort, Enrollment.DEFAULT_POLL,
        caFile == null ? null : CaTrust.load(caFile), kiosk);
    pairingBrowser = enrolled.browser();
    Identity identity = enrolled.identity();
    return new AgentConfig(identity.screenId(), broker != null ? broker : BrokerUrls.join(identity.brokerUrls()), dataDir,
        enrolled.pagePort(),
        heartbeatSeconds, identity.mqttUsername(), identity.mqttPassword(), identity.signingKey(), cacheQuotaMb,
        playBatchSeconds, caFile);
  }

  @Override
  public Integer call() throws InterruptedException {
    AgentConfig config;
    PlayerAgent agent;
    try {
      KioskOptions kiosk = new KioskOptions(KioskOptions.splitCommand(kioskCommand), kioskDevtoolsPort, controllerUrl);
      config = screenId != null
          ? new AgentConfig(screenId, broker != null ? broker : AgentConfig.DEFAULT_BROKER, dataDir, pagePort,
              heartbeatSeconds, username, password, ControllerKeyArgument.parse(controllerKey), cacheQuotaMb,
              playBatchSeconds, caFile)
          : enrolledConfig(kiosk);
      agent = PlayerAgent.start(config, Clock.systemUTC(), kiosk, pairingBrowser);
    } catch (RuntimeException | IOException e) {
      if (pairingBrowser != null) {
        pairingBrowser.close();
      }
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
    // A RESTART command: end the process with a code the systemd unit restarts on.
    agent.restartRequested().thenAccept(code -> {
      agent.close();
      System.exit(code);
    });
    stopped.await();
    return 0;
  }
}
