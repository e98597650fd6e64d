package io.gatecast.controller.broker;

import io.gatecast.controller.tls.TlsFiles;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The MQTT broker the controller runs in its own process unless told to use an external one, so one
 * command gives a working system. Two implementations share this view (issue 21 measures them side
 * by side): {@link Kind#MOQUETTE} (the default) and {@link Kind#HIVEMQ} (HiveMQ CE embedded). Both
 * admit only whom {@link BrokerAuth} admits and hold every client to the same {@code AccessRules}
 * as the Mosquitto export; both keep retained schedules under the data folder.
 */
public interface EmbeddedBroker extends AutoCloseable {

  /** Which embedded broker: {@code --embedded-broker moquette|hivemq}. */
  enum Kind {
    MOQUETTE,
    HIVEMQ;

    /** The option's value, case-insensitive; a sentence naming the choices otherwise. */
    public static Kind parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("--embedded-broker must be moquette or hivemq, not '" + value + "'");
      }
    }

    public String option() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Moquette on {@code host:port} (0 for any free port), plain MQTT. Blocking. */
  static EmbeddedBroker start(String host, int port, Path dataDir, BrokerAuth auth) {
    return start(Kind.MOQUETTE, host, port, dataDir, auth, null);
  }

  /**
   * Starts the broker of that kind on {@code host:port} (0 for any free port), admitting only whom
   * {@code auth} admits, its files under {@code dataDir}. With {@code tls}, the port speaks MQTT over
   * TLS only (no plain listener at all, so no client can log in with its password in clear by
   * mistake). Blocking.
   *
   * @throws PortInUseException when the port is taken, with what to do about it
   */
  static EmbeddedBroker start(Kind kind, String host, int port, Path dataDir, BrokerAuth auth, TlsFiles tls) {
    return switch (kind) {
      case MOQUETTE -> MoquetteBroker.start(host, port, dataDir, auth, tls);
      case HIVEMQ -> HiveMqBroker.start(host, port, dataDir, auth, tls);
    };
  }

  /**
   * Cuts a revoked screen off: it may no longer publish or subscribe, and every session it has
   * open is disconnected now (its login already fails, as its password hash is gone).
   *
   * @return how many sessions were disconnected
   */
  int cutOff(String screenId);

  /** See {@link BrokerAuth#moved}. */
  void moved(String screenId, String clusterId);

  int port();

  /** The URL clients connect to: {@code ssl://} when the listener speaks TLS. */
  String url();

  /** Stops the broker; retained messages stay in its files for the next start. */
  @Override
  void close();

  static PortInUseException portInUse(String host, int port) {
    return new PortInUseException("The MQTT port " + port + " on " + host + " is already in use"
        + " (often by a Mosquitto already running on this machine). Either start the embedded broker on"
        + " another port with --broker-port <port> (e.g. --broker-port 1884), or use the broker that is"
        + " there with --broker tcp://" + host + ":" + port + ".");
  }
}
