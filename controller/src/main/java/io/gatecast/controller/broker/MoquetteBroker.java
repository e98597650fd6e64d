package io.gatecast.controller.broker;

import io.gatecast.controller.tls.TlsFiles;
import io.gatecast.moquette.PatchedMoquette;
import io.gatecast.protocol.Limits;
import io.moquette.broker.ISslContextCreator;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The embedded broker on Moquette 0.17 (the default, see {@link EmbeddedBroker.Kind}). Retained
 * schedules are persisted under the data folder, so screens that reconnect after a controller
 * restart still find their schedule. {@link PatchedMoquette} works around Moquette 0.17's known
 * defects; so do the bind wait and the port reading below.
 */
final class MoquetteBroker implements EmbeddedBroker {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MoquetteBroker.class);
  private static final Duration BIND_WAIT = Duration.ofSeconds(30);
  private static final int SESSION_COMMAND_QUEUE = 32_768;
  private final Server server;
  private final String host;
  private final BrokerAuth auth;
  private final boolean tls;

  private MoquetteBroker(Server server, String host, BrokerAuth auth, boolean tls) {
    this.server = server;
    this.host = host;
    this.auth = auth;
    this.tls = tls;
  }

  /** See {@link EmbeddedBroker#start(Kind, String, int, Path, BrokerAuth, TlsFiles)}. */
  static MoquetteBroker start(String host, int port, Path dataDir, BrokerAuth auth, TlsFiles tls) {
    try {
      return startOnce(host, port, dataDir, auth, tls);
    } catch (PortInUseException e) {
      if (port != 0) {
        throw e;
      }
      // "Any free port" cannot be taken, yet Moquette 0.17 once reported no bound port within the
      // wait (seen once in a full test run, cause not found: its port map is written on a Netty
      // thread). Its listener is gone after stopServer; one fresh start is cheap and says so.
      LOG.warn("the embedded MQTT broker reported no bound port; starting it once more");
      return startOnce(host, port, dataDir, auth, tls);
    }
  }

  private static MoquetteBroker startOnce(String host, int port, Path dataDir, BrokerAuth auth, TlsFiles tls) {
    if (!PortCheck.isFree(host, port)) {
      throw portInUse(host, port);
    }
    Properties properties = new Properties();
    properties.setProperty("host", host);
    if (tls == null) {
      properties.setProperty("port", Integer.toString(port));
    } else {
      properties.setProperty("port", "disabled");
      properties.setProperty("ssl_port", Integer.toString(port));
    }
    properties.setProperty("websocket_port", "disabled");
    properties.setProperty("telemetry_enabled", "false");
    // Every client logs in and is held to the protocol's access rules (BrokerAuth).
    properties.setProperty("allow_anonymous", "false");
    properties.setProperty("persistence_enabled", "true");
    properties.setProperty("data_path", dataDir.toAbsolutePath().toString());
    properties.setProperty("netty.mqtt.message_size", Integer.toString(Limits.MAX_MESSAGE_BYTES + 1024));
    properties.setProperty("immediate_buffer_flush", "true");
    // Moquette runs every client's CONNECT, SUBSCRIBE, PUBLISH and PUBACK as a command on one of a few
    // session loops (one per core), each with a bounded queue (default 1,024). A command that finds its
    // queue full is dropped with only a warning ("Session command queue N is full"): a dropped publish
    // is neither PUBACKed nor stored as retained, so the screen behind it never gets that schedule.
    // One publish to a large fleet queues a command per screen and per ack; give the loops room for a
    // whole fleet's burst (each queue is an array of this many references: 128-256 KB per loop).
    properties.setProperty("session_queue_size", Integer.toString(SESSION_COMMAND_QUEUE));
    Server server;
    try {
      ISslContextCreator ssl = tls == null ? null : tls::brokerContext;
      server = PatchedMoquette.start(new MemoryConfig(properties), ssl, auth, auth,
          java.util.Set.of(ControllerCredentials.USERNAME)); // its heartbeats wait for it when it lags
    } catch (IOException e) {
      throw new IllegalStateException("the embedded MQTT broker did not start: " + e.getMessage(), e);
    }
    if (!awaitBound(server, tls != null)) {
      // Moquette logs a failed bind and carries on without a listener; a race for the port lands here.
      PatchedMoquette.stop(server);
      throw portInUse(host, port);
    }
    return new MoquetteBroker(server, host, auth, tls != null);
  }

  /**
   * Moquette records the bound port on a Netty thread after {@code startServer} returns, and reads 0
   * until then or forever if the bind failed; wait a bounded time for it.
   */
  private static boolean awaitBound(Server server, boolean tls) {
    long deadline = System.nanoTime() + BIND_WAIT.toNanos();
    while (boundPort(server, tls) <= 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return boundPort(server, tls) > 0;
  }

  /**
   * Moquette 0.17's {@code getPort} reads a plain HashMap the Netty thread may be writing while it
   * binds, and can throw ConcurrentModificationException then: count that as not bound yet.
   */
  private static int boundPort(Server server, boolean tls) {
    try {
      return tls ? server.getSslPort() : server.getPort();
    } catch (java.util.ConcurrentModificationException e) {
      return 0;
    }
  }

  private static PortInUseException portInUse(String host, int port) {
    return EmbeddedBroker.portInUse(host, port);
  }

  /**
   * Cuts a revoked screen off: it may no longer publish or subscribe, and every session it has
   * open is disconnected now (its login already fails, as its password hash is gone).
   *
   * @return how many sessions were disconnected
   */
  @Override
  public int cutOff(String screenId) {
    int disconnected = 0;
    for (String clientId : auth.cutOff(screenId)) {
      if (server.disconnectClient(clientId)) {
        disconnected++;
      }
    }
    return disconnected;
  }

  @Override
  public void moved(String screenId, String clusterId) {
    auth.moved(screenId, clusterId);
  }

  @Override
  public int port() {
    return tls ? server.getSslPort() : server.getPort();
  }

  @Override
  public String url() {
    return (tls ? "ssl://" : "tcp://") + host + ":" + port();
  }

  @Override
  public void close() {
    PatchedMoquette.stop(server);
  }
}
