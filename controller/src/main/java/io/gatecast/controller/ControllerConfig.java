package io.gatecast.controller;

import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.controller.notices.NoticeSettings;
import io.gatecast.controller.tls.TlsFiles;
import io.gatecast.protocol.BrokerUrls;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the controller is started with, checked on construction.
 *
 * @param dataDir where the SQLite file, the media and the embedded broker's store live
 * @param httpHost address the HTTP API listens on
 * @param httpPort port of the HTTP API (0: any free port)
 * @param brokerHost address the embedded broker listens on
 * @param brokerPort port of the embedded broker (0: any free port)
 * @param externalBroker URL of a broker to use instead of the embedded one, or several separated by
 *     commas (the nodes of a clustered broker, all told to enrolling agents), or null
 * @param publicUrl the base URL agents reach the controller at, or null for http://httpHost:httpPort
 * @param heartbeatTimeout silence after which a screen is shown offline
 * @param sweepEvery how often silence is checked
 * @param maxUploadBytes largest media upload accepted
 * @param brokerUsername MQTT username for an external broker, or null for the generated controller login
 * @param brokerPassword MQTT password for an external broker, or null for the generated one
 * @param alerts where fleet alerts go and when they are held back (grace, flapping)
 * @param adminPassword password of the first user {@code admin}, made on a first start only; null
 *     for a random one written to {@code <data-dir>/admin-password}
 * @param tls the certificate and key the HTTP API and the embedded broker serve TLS with (HTTPS,
 *     MQTT over TLS on the broker port); null for plain HTTP and MQTT
 * @param embeddedBroker which broker runs in the controller when there is no external one
 *     (Moquette by default; HiveMQ CE is measured against it, issue 21)
 * @param sendDeadline how long the broker has to confirm a window of schedules before the publish
 *     queue moves on without it (the publish ends INTERRUPTED, what was not confirmed is sent again)
 */
public record ControllerConfig(
    Path dataDir,
    String httpHost,
    int httpPort,
    String brokerHost,
    int brokerPort,
    String externalBroker,
    String publicUrl,
    Duration heartbeatTimeout,
    Duration sweepEvery,
    long maxUploadBytes,
    String brokerUsername,
    String brokerPassword,
    NoticeSettings alerts,
    String adminPassword,
    TlsFiles tls,
    EmbeddedBroker.Kind embeddedBroker,
    Duration sendDeadline) {

  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_BROKER_PORT = 1883;
  /** A window of 500 schedules is confirmed in well under a second; 30 s is a broker that lost track. */
  public static final Duration DEFAULT_SEND_DEADLINE = Duration.ofSeconds(30);

  public ControllerConfig {
    if (dataDir == null) {
      throw new IllegalArgumentException("the data directory is required");
    }
    if (embeddedBroker == null) {
      throw new IllegalArgumentException("the embedded broker kind is required (EmbeddedBroker.Kind.MOQUETTE by default)");
    }
    checkPort(httpPort, "HTTP port");
    checkPort(brokerPort, "broker port");
    if (externalBroker != null) {
      BrokerUrls.parse(externalBroker, "--broker");
    }
    if (publicUrl != null && !publicUrl.matches("https?://.+")) {
      throw new IllegalArgumentException("--public-url must start with http:// or https://, got '" + publicUrl + "'");
    }
    if (heartbeatTimeout == null || heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
      throw new IllegalArgumentException("the heartbeat timeout must be positive");
    }
    if (sweepEvery == null || sweepEvery.isNegative() || sweepEvery.isZero()) {
      throw new IllegalArgumentException("the offline sweep interval must be positive");
    }
    if (sendDeadline == null || sendDeadline.isNegative() || sendDeadline.isZero()) {
      throw new IllegalArgumentException("the send deadline must be positive");
    }
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("the upload limit must be positive");
    }
    if (alerts == null) {
      throw new IllegalArgumentException("the alert settings are required (AlertSettings.DEFAULTS for none)");
    }
    if ((brokerUsername != null || brokerPassword != null) && externalBroker == null) {
      throw new IllegalArgumentException("--broker-username and --broker-password are for an external broker (--broker);"
          + " the embedded one always uses the generated controller login");
    }
  }

  /** Defaults: loopback, port 8080, embedded broker on 1883, 30 s heartbeat timeout, 512 MiB uploads. */
  public static ControllerConfig defaults(Path dataDir) {
    return new ControllerConfig(dataDir, "127.0.0.1", DEFAULT_HTTP_PORT, "127.0.0.1", DEFAULT_BROKER_PORT, null,
        null, Duration.ofSeconds(30), Duration.ofSeconds(5), 512L * 1024 * 1024, null, null, NoticeSettings.DEFAULTS, null,
        null, EmbeddedBroker.Kind.MOQUETTE, DEFAULT_SEND_DEADLINE);
  }

  public ControllerConfig withPorts(int http, int broker) {
    return new ControllerConfig(dataDir, httpHost, http, brokerHost, broker, externalBroker, publicUrl,
        heartbeatTimeout, sweepEvery, maxUploadBytes, brokerUsername, brokerPassword, alerts, adminPassword, tls, embeddedBroker,
        sendDeadline);
  }

  public ControllerConfig withExternalBroker(String url) {
    return new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, url, publicUrl,
        heartbeatTimeout, sweepEvery, maxUploadBytes, brokerUsername, brokerPassword, alerts, adminPassword, tls, embeddedBroker,
        sendDeadline);
  }

  public ControllerConfig withHeartbeatTimeout(Duration timeout, Duration sweep) {
    return new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, externalBroker, publicUrl,
        timeout, sweep, maxUploadBytes, brokerUsername, brokerPassword, alerts, adminPassword, tls, embeddedBroker,
        sendDeadline);
  }

  /** Accepts media uploads of at most {@code bytes}. */
  public ControllerConfig withMaxUploadBytes(long bytes) {
    return new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, externalBroker, publicUrl,
        heartbeatTimeout, sweepEvery, bytes, brokerUsername, brokerPassword, alerts, adminPassword, tls, embeddedBroker,
        sendDeadline);
  }

  /** Logs in to the external broker as {@code username}/{@code password} (either null: the generated value). */
  public ControllerConfig withBrokerCredentials(String username, String password) {
    return new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, externalBroker, publicUrl,
        heartbeatTimeout, sweepEvery, maxUploadBytes, username, password, alerts, adminPassword, tls, embeddedBroker,
        sendDeadline);
  }

  public ControllerConfig withAlerts(NoticeSettings settings) {
    return new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, externalBroker, publicUrl,
        heartbeatTimeout, sweepEvery, maxUploadBytes, brokerUsername, brokerPassword, settings, adminPassword, tls, embeddedBroker,
        sendDeadline);
  }

  /** Creates the first user {@code admin} with this password (on a first start only). */
  public ControllerConfig withAdminPassword(String password) {
    return new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, externalBroker, publicUrl,
        heartbeatTimeout, sweepEvery, maxUploadBytes, brokerUsername, brokerPassword, alerts, password, tls, embeddedBroker,
        sendDeadline);
  }

  /** Serves the HTTP API over HTTPS and the embedded broker over TLS with these files (null: plain). */
  public ControllerConfig withTls(TlsFiles files) {
    return new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, externalBroker, publicUrl,
        heartbeatTimeout, sweepEvery, maxUploadBytes, brokerUsername, brokerPassword, alerts, adminPassword, files, embeddedBroker,
        sendDeadline);
  }

  /** Runs this broker in the controller (when no external one is given). */
  public ControllerConfig withEmbeddedBroker(EmbeddedBroker.Kind kind) {
    return new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, externalBroker, publicUrl,
        heartbeatTimeout, sweepEvery, maxUploadBytes, brokerUsername, brokerPassword, alerts, adminPassword, tls, kind,
        sendDeadline);
  }

  /** Gives the broker {@code deadline} to confirm a window of schedules (see {@link #sendDeadline}). */
  public ControllerConfig withSendDeadline(Duration deadline) {
    return new ControllerConfig(dataDir, httpHost, httpPort, brokerHost, brokerPort, externalBroker, publicUrl,
        heartbeatTimeout, sweepEvery, maxUploadBytes, brokerUsername, brokerPassword, alerts, adminPassword, tls,
        embeddedBroker, deadline);
  }

  /** The scheme of the controller's own URLs: https with TLS files, else http. */
  public String httpScheme() {
    return tls == null ? "http" : "https";
  }

  /** Never prints the broker or admin password: configs end up in logs. */
  @Override
  public String toString() {
    return "ControllerConfig[dataDir=" + dataDir + ", http=" + httpHost + ":" + httpPort + ", broker=" + brokerHost + ":"
        + brokerPort + ", externalBroker=" + externalBroker + ", publicUrl=" + publicUrl + ", heartbeatTimeout="
        + heartbeatTimeout + ", sweepEvery=" + sweepEvery + ", maxUploadBytes=" + maxUploadBytes + ", brokerUsername="
        + brokerUsername + ", brokerPassword=" + (brokerPassword == null ? "generated" : "***") + ", alerts=" + alerts
        + ", adminPassword=" + (adminPassword == null ? "generated" : "***") + ", tls=" + tls + ", embeddedBroker="
        + embeddedBroker.option() + ", sendDeadline=" + sendDeadline + "]";
  }

  private static void checkPort(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("the " + what + " must be between 0 and 65535, got " + port);
    }
  }
}
