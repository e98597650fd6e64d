package io.gatecast.agent;

import io.gatecast.protocol.BrokerUrls;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.PinnedKey;
import java.nio.file.Path;

/**
 * Everything an agent needs to run, checked where it is built so a bad flag fails at start with
 * a sentence, not later with a stack trace.
 *
 * @param brokerUrl one broker address, or several separated by commas (the nodes of a clustered
 *     broker): see {@link #brokerUrls()}
 * @param pagePort the local page's port on 127.0.0.1; 0 picks a free one (see {@link PlayerAgent#pagePort()})
 * @param username MQTT user name, or null for none
 * @param password MQTT password, or null for none
 * @param controllerKey the controller's signing key this agent trusts at first start; required by
 *     {@link PlayerAgent#start} (null only while a config is being built), since an agent that
 *     trusts no key could play nothing
 * @param cacheQuotaMb the most the media cache may hold on disk, in MiB; 0 for automatic (half of the cache
 *     plus the free disk, see {@link io.gatecast.agent.cache.MediaCache#AUTO_SHARE})
 * @param playBatchSeconds how often journaled plays are sent as a proof-of-play batch while online
 */
public record AgentConfig(
    String screenId,
    String brokerUrl,
    Path dataDir,
    int pagePort,
    int heartbeatSeconds,
    String username,
    String password,
    PinnedKey controllerKey,
    long cacheQuotaMb,
    int playBatchSeconds,
    Path caFile) {
  public static final String DEFAULT_BROKER = "tcp://127.0.0.1:1883";
  public static final Path DEFAULT_DATA_DIR = Path.of("agent-data");
  public static final int DEFAULT_PAGE_PORT = 8090;
  public static final int DEFAULT_HEARTBEAT_SECONDS = 10;
  public static final int DEFAULT_PLAY_BATCH_SECONDS = 60;

  public AgentConfig {
    Check.id(screenId, "screenId");
    BrokerUrls.parse(brokerUrl, "brokerUrl");
    Check.required(dataDir, "dataDir");
    if (pagePort < 0 || pagePort > 65535) {
      throw new IllegalArgumentException("pagePort must be 0-65535 (0 = any free port), got " + pagePort);
    }
    if (heartbeatSeconds < 1 || heartbeatSeconds > 3600) {
      throw new IllegalArgumentException("heartbeatSeconds must be 1-3600, got " + heartbeatSeconds);
    }
    if (cacheQuotaMb < 0) {
      throw new IllegalArgumentException("cacheQuotaMb must be 0 (automatic) or more, got " + cacheQuotaMb);
    }
    if (playBatchSeconds < 1 || playBatchSeconds > 86_400) {
      throw new IllegalArgumentException("playBatchSeconds must be 1-86400, got " + playBatchSeconds);
    }
    if (caFile != null && !java.nio.file.Files.isReadable(caFile)) {
      throw new IllegalArgumentException("caFile " + caFile + " is not a readable file");
    }
    if (password != null && username == null) {
      throw new IllegalArgumentException("a password needs a username");
    }
  }

  /** The broker addresses, in the order the agent tries them. */
  public java.util.List<String> brokerUrls() {
    return BrokerUrls.parse(brokerUrl, "brokerUrl");
  }

  /** A config with the defaults for everything but these. */
  public static AgentConfig of(String screenId, String brokerUrl, Path dataDir) {
    return new AgentConfig(screenId, brokerUrl, dataDir, DEFAULT_PAGE_PORT, DEFAULT_HEARTBEAT_SECONDS, null, null, null, 0,
        DEFAULT_PLAY_BATCH_SECONDS, null);
  }

  public AgentConfig withPagePort(int port) {
    return new AgentConfig(screenId, brokerUrl, dataDir, port, heartbeatSeconds, username, password, controllerKey, cacheQuotaMb,
        playBatchSeconds, caFile);
  }

  public AgentConfig withHeartbeatSeconds(int seconds) {
    return new AgentConfig(screenId, brokerUrl, dataDir, pagePort, seconds, username, password, controllerKey, cacheQuotaMb,
        playBatchSeconds, caFile);
  }

  public AgentConfig withCredentials(String user, String pass) {
    return new AgentConfig(screenId, brokerUrl, dataDir, pagePort, heartbeatSeconds, user, pass, controllerKey, cacheQuotaMb,
        playBatchSeconds, caFile);
  }

  /** Pins the controller key (see {@code GET /api/v1/signing-key} on the controller). */
  public AgentConfig withControllerKey(PinnedKey key) {
    return new AgentConfig(screenId, brokerUrl, dataDir, pagePort, heartbeatSeconds, username, password, key, cacheQuotaMb,
        playBatchSeconds, caFile);
  }

  public AgentConfig withCacheQuotaMb(long mb) {
    return new AgentConfig(screenId, brokerUrl, dataDir, pagePort, heartbeatSeconds, username, password, controllerKey, mb,
        playBatchSeconds, caFile);
  }

  public AgentConfig withPlayBatchSeconds(int seconds) {
    return new AgentConfig(screenId, brokerUrl, dataDir, pagePort, heartbeatSeconds, username, password, controllerKey,
        cacheQuotaMb, seconds, caFile);
  }

  /**
   * Trusts only the CA certificates in this PEM file for TLS to the broker ({@code ssl://}) and the
   * controller ({@code https://}); null for the JVM's default trust.
   */
  public AgentConfig withCaFile(Path pemFile) {
    return new AgentConfig(screenId, brokerUrl, dataDir, pagePort, heartbeatSeconds, username, password, controllerKey,
        cacheQuotaMb, playBatchSeconds, pemFile);
  }

  /** Never prints the password: configs end up in logs. */
  @Override
  public String toString() {
    return "AgentConfig[screenId=" + screenId + ", brokerUrl=" + brokerUrl + ", dataDir=" + dataDir
        + ", pagePort=" + pagePort + ", heartbeatSeconds=" + heartbeatSeconds + ", username=" + username
        + ", password=" + (password == null ? "none" : "***")
        + ", controllerKey=" + (controllerKey == null ? "none" : controllerKey.keyId())
        + ", cacheQuotaMb=" + cacheQuotaMb + ", playBatchSeconds=" + playBatchSeconds + ", caFile=" + caFile + "]";
  }
}
