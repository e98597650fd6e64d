package io.gatecast.controller;

import io.gatecast.controller.notices.NoticeSettings;
import io.gatecast.controller.notices.MailSettings;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.controller.broker.PortInUseException;
import io.gatecast.controller.tls.TlsFiles;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code controller}: reads the command line, starts the controller, and stops it on Ctrl-C. */
@Command(name = "controller", mixinStandardHelpOptions = true,
    subcommands = {ExportMosquittoCommand.class, ExportNatsCommand.class, BackupCommand.class},
    description = "GateCast controller: HTTP API, SQLite store, embedded MQTT broker, publishing, fleet health.")
public final class Main implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "<file>", description = "A properties file of option values (keys are the"
      + " option names without dashes, e.g. http-port=8080). Flags beat the environment (GATECAST_HTTP_PORT, ...),"
      + " which beats this file.")
  Path config;

  @Option(names = "--data-dir", defaultValue = "./gatecast-data", description = "Data folder (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "HTTP listen address (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--broker-host", defaultValue = "127.0.0.1",
      description = "Embedded broker listen address (default: ${DEFAULT-VALUE}).")
  String brokerHost;

  @Option(names = "--broker-port", defaultValue = "1883", description = "Embedded broker port (default: ${DEFAULT-VALUE}).")
  int brokerPort;

  @Option(names = "--embedded-broker", defaultValue = "moquette", paramLabel = "moquette|hivemq",
      description = "Which MQTT broker runs inside the controller when --broker is not given: moquette or hivemq"
          + " (HiveMQ CE; default: ${DEFAULT-VALUE}).")
  String embeddedBroker;

  @Option(names = "--broker",
      description = "Use this external broker (tcp://host:port or ssl://host:port) instead of the embedded one; for a"
          + " clustered broker, every node separated by commas (tcp://a:1883,tcp://b:1883,...): the controller connects"
          + " to the first that answers, moves on when its node dies, and gives enrolling agents the whole list.")
  String externalBroker;

  @Option(names = "--broker-username",
      description = "MQTT username at the external broker (default: " + ControllerCredentials.USERNAME + ").")
  String brokerUsername;

  @Option(names = "--broker-password", description = "MQTT password at the external broker (default: the generated one"
      + " in <data-dir>/broker/controller-password, which export-mosquitto puts in the password file).")
  String brokerPassword;

  @Option(names = "--admin-password", description = "Password of the first user 'admin', made on a first start"
      + " (default: a random one written owner-only to <data-dir>/admin-password). Ignored once users exist.")
  String adminPassword;

  @Option(names = "--public-url",
      description = "Base URL agents reach this controller at (default: http://<http-host>:<http-port>;"
          + " https:// with --tls-cert).")
  String publicUrl;

  @Option(names = "--heartbeat-timeout", defaultValue = "30",
      description = "Seconds of silence after which a screen is shown offline (default: ${DEFAULT-VALUE}).")
  long heartbeatTimeoutSeconds;

  @Option(names = "--send-deadline", defaultValue = "30",
      description = "Seconds the broker has to confirm a window of schedules; after that the publish stops as"
          + " INTERRUPTED, what was not confirmed is sent again, and the next publish is served (default: ${DEFAULT-VALUE}).")
  long sendDeadlineSeconds;

  @Option(names = "--max-upload-mb", defaultValue = "512",
      description = "Largest media upload accepted, in MiB (default: ${DEFAULT-VALUE}).")
  long maxUploadMegabytes;

  @Option(names = "--smtp-host", description = "SMTP relay for e-mail notices (default: none; no e-mail).")
  String smtpHost;

  @Option(names = "--smtp-port", defaultValue = "25", description = "SMTP relay port (default: ${DEFAULT-VALUE}).")
  int smtpPort;

  @Option(names = "--alert-mail-from", defaultValue = "gatecast@localhost",
      description = "Sender of e-mail notices (default: ${DEFAULT-VALUE}).")
  String alertMailFrom;

  @Option(names = "--alert-mail-to", split = ",", description = "Technicians' addresses for e-mail notices, comma-separated.")
  java.util.List<String> alertMailTo;

  @Option(names = "--alert-webhook", description = "POST fleet alerts as JSON to this URL (default: none; alerts are only logged).")
  String alertWebhook;

  @Option(names = "--alert-grace", defaultValue = "120",
      description = "Seconds a screen must stay down before it is reported (default: ${DEFAULT-VALUE}).")
  long alertGraceSeconds;

  @Option(names = "--alert-flap-changes", defaultValue = "4",
      description = "A screen changing state more than this many times within --alert-flap-window is reported once as"
          + " flapping (default: ${DEFAULT-VALUE}).")
  int alertFlapChanges;

  @Option(names = "--alert-flap-window", defaultValue = "900",
      description = "Seconds of the flapping window; a flapping screen is quiet until unchanged this long (default: ${DEFAULT-VALUE}).")
  long alertFlapWindowSeconds;

  @Option(names = "--tls-cert", paramLabel = "<pem>", description = "Serve the HTTP API over HTTPS and the embedded"
      + " broker over MQTT/TLS (on --broker-port, instead of plain MQTT) with this PEM certificate (chain); needs"
      + " --tls-key. With --broker, only the HTTP API.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "<pem>", description = "The PKCS#8 PEM private key of --tls-cert.")
  Path tlsKey;

  @Override
  public Integer call() {
    ControllerConfig defaults = ControllerConfig.defaults(dataDir);
    EmbeddedBroker.Kind embedded;
    try {
      embedded = EmbeddedBroker.Kind.parse(embeddedBroker);
    } catch (IllegalArgumentException e) {
      System.err.println("The controller did not start: " + e.getMessage());
      return 2;
    }
    MailSettings mail = smtpHost == null && alertMailTo == null ? null
        : new MailSettings(smtpHost, smtpPort, alertMailFrom, alertMailTo);
    ControllerConfig config = new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, externalBroker,
        publicUrl, Duration.ofSeconds(heartbeatTimeoutSeconds), defaults.sweepEvery(), maxUploadMegabytes * 1024 * 1024,
        brokerUsername, brokerPassword, new NoticeSettings(alertWebhook, Duration.ofSeconds(alertGraceSeconds),
        alertFlapChanges, Duration.ofSeconds(alertFlapWindowSeconds), mail), adminPassword, null, embedded,
        Duration.ofSeconds(sendDeadlineSeconds));
    if (tlsCert != null || tlsKey != null) {
      try {
        config = config.withTls(new TlsFiles(tlsCert, tlsKey));
      } catch (IllegalArgumentException e) {
        System.err.println("The controller did not start: " + e.getMessage());
        return 2;
      }
    }
    Controller controller = startOrExplain(config);
    if (controller == null) {
      return 2;
    }
    System.out.println("GateCast controller is running: " + config.httpScheme() + "://" + httpHost + ":"
        + controller.httpPort() + "/api/v1/screens   MQTT: " + controller.brokerUrl());
    return 0;
  }

  /** Starts a controller in its own Vert.x, or prints why it could not and returns null. */
  public static Controller startOrExplain(ControllerConfig config) {
    return startOrExplain(config, () -> { });
  }

  /**
   * {@link #startOrExplain(ControllerConfig)}, and when the process ends, {@code beforeClose} runs before the
   * controller closes: in one shutdown hook, since Java runs separate hooks at once, in no order. The demo
   * ends its agents there, so none of them sees its broker go first.
   */
  public static Controller startOrExplain(ControllerConfig config, Runnable beforeClose) {
    Vertx vertx = Vertx.vertx();
    try {
      Controller controller = Controller.start(vertx, config, Clock.systemUTC()).await();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        beforeClose.run();
        controller.close();
        vertx.close().await();
      }, "gatecast-shutdown"));
      return controller;
    } catch (PortInUseException e) {
      System.err.println(e.getMessage());
    } catch (RuntimeException e) {
      System.err.println("The controller did not start: " + e.getMessage());
    }
    vertx.close();
    return null;
  }

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine(System.getenv(), args).execute(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      code = 2;
    }
    if (code != 0) {
      System.exit(code);
    }
    // Non-daemon Vert.x threads keep the process alive until Ctrl-C.
  }

  /**
   * The command line with its defaults from {@code environment} and the {@code --config} file
   * (found in {@code args} before parsing, since it decides the other options' defaults).
   */
  static CommandLine commandLine(java.util.Map<String, String> environment, String[] args) {
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        file = Path.of(args[i + 1]);
      } else if (args[i].startsWith("--config=")) {
        file = Path.of(args[i].substring("--config=".length()));
      }
    }
    if (file == null && environment.get(ConfigDefaults.ENV_PREFIX + "CONFIG") != null) {
      file = Path.of(environment.get(ConfigDefaults.ENV_PREFIX + "CONFIG"));
    }
    CommandLine commandLine = new CommandLine(new Main());
    ConfigDefaults defaults = new ConfigDefaults(environment, file);
    defaults.checkKeys(commandLine.getCommandSpec());
    commandLine.setDefaultValueProvider(defaults);
    return commandLine;
  }
}
