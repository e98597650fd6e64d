package io.gatecast.controller.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.gatecast.controller.files.OwnerOnlyFiles;
import io.gatecast.controller.tls.TlsFiles;
import io.gatecast.protocol.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker on HiveMQ Community Edition ({@code --embedded-broker hivemq}). Logins and
 * topic rights come from {@link HiveMqAccess} (an embedded extension over {@link BrokerAuth}).
 * Its files live under {@code <dataDir>/hivemq}: {@code conf/config.xml} (written at every start from
 * the options), {@code data/} (HiveMQ's file persistence: retained messages, sessions, queues).
 *
 * <p>None of the Moquette 0.17 work-arounds apply: HiveMQ routes a re-sent DUP publish like any other,
 * {@code start()} returns once the listener is bound (or fails), and a failed command does not end a
 * thread other clients depend on. HiveMQ's own logging set-up is switched off: the controller's
 * logback configuration stays in charge.
 */
final class HiveMqBroker implements EmbeddedBroker {
  private static final Logger LOG = LoggerFactory.getLogger(HiveMqBroker.class);
  private static final long START_SECONDS = 120;
  private final EmbeddedHiveMQ hive;
  private final HiveMqAccess access;
  private final BrokerAuth auth;
  private final String host;
  private final int port;
  private final boolean tls;

  private HiveMqBroker(EmbeddedHiveMQ hive, HiveMqAccess access, BrokerAuth auth, String host, int port, boolean tls) {
    this.hive = hive;
    this.access = access;
    this.auth = auth;
    this.host = host;
    this.port = port;
    this.tls = tls;
  }

  static HiveMqBroker start(String host, int port, Path dataDir, BrokerAuth auth, TlsFiles tls) {
    if (!PortCheck.isFree(host, port)) {
      throw EmbeddedBroker.portInUse(host, port);
    }
    // HiveMQ tells the embedding code no bound port: "any free port" is chosen here.
    int listenPort = port == 0 ? freePort(host) : port;
    Path home = dataDir.toAbsolutePath().resolve("hivemq");
    Path conf = home.resolve("conf");
    HiveMqAccess access = new HiveMqAccess(auth);
    EmbeddedHiveMQ hive;
    try {
      Files.createDirectories(home.resolve("data"));
      Files.createDirectories(home.resolve("extensions"));
      OwnerOnlyFiles.createDirectory(conf);
      OwnerOnlyFiles.write(conf.resolve("config.xml"), config(host, listenPort, tls == null ? null : keyStore(conf, tls)));
      hive = EmbeddedHiveMQ.builder()
          .withConfigurationFolder(conf)
          .withDataFolder(home.resolve("data"))
          .withExtensionsFolder(home.resolve("extensions"))
          .withoutLoggingBootstrap()
          .withEmbeddedExtension(EmbeddedExtension.builder()
              .withId("gatecast-access").withName("GateCast access rules").withVersion("1").withPriority(1000)
              .withStartPriority(1000).withExtensionMain(access).build())
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the embedded HiveMQ's files under " + home + ": " + e.getMessage(), e);
    }
    try {
      hive.start().get(START_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      closeQuietly(hive);
      if (!PortCheck.isFree(host, listenPort)) {
        throw EmbeddedBroker.portInUse(host, listenPort);
      }
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("the embedded HiveMQ broker did not start: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(hive);
      throw new IllegalStateException("interrupted while the embedded HiveMQ broker started", e);
    }
    return new HiveMqBroker(hive, access, auth, host, listenPort, tls != null);
  }

  /**
   * HiveMQ's settings. QoS, retained messages and persistent sessions as HiveMQ's defaults (file
   * persistence); the message size limited as on Moquette; no usage statistics sent anywhere.
   */
  static String config(String host, int port, KeyStoreFile keyStore) {
    String listener = keyStore == null
        ? "<tcp-listener><port>" + port + "</port><bind-address>" + host + "</bind-address></tcp-listener>"
        : "<tls-tcp-listener><port>" + port + "</port><bind-address>" + host + "</bind-address><tls>"
            + "<keystore><path>" + keyStore.path() + "</path><password>" + keyStore.password() + "</password>"
            + "<private-key-password>" + keyStore.password() + "</private-key-password></keystore>"
            + "<client-authentication-mode>NONE</client-authentication-mode></tls></tls-tcp-listener>";
    return String.join("\n",
        "<?xml version=\"1.0\"?>",
        "<!-- Written by the GateCast controller at every start of its embedded HiveMQ: edits are lost. -->",
        "<hivemq>",
        "  <listeners>" + listener + "</listeners>",
        "  <mqtt><packets><max-packet-size>" + (Limits.MAX_MESSAGE_BYTES + 1024) + "</max-packet-size></packets></mqtt>",
        "  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>",
        "</hivemq>",
        "");
  }

  record KeyStoreFile(Path path, String password) {}

  /** The TLS identity as a PKCS#12 file with a fresh random password, readable by the owner only. */
  private static KeyStoreFile keyStore(Path conf, TlsFiles tls) throws IOException {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Path file = conf.resolve("tls.p12");
    OwnerOnlyFiles.write(file, "");
    try (OutputStream out = Files.newOutputStream(file)) {
      tls.keyStore(password.toCharArray()).store(out, password.toCharArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write the embedded HiveMQ's key store: " + e.getMessage(), e);
    }
    return new KeyStoreFile(file, password);
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on " + host + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int cutOff(String screenId) {
    int disconnected = 0;
    for (String clientId : auth.cutOff(screenId)) {
      CompletableFuture<Boolean> done = access.clients()
          .map(clients -> clients.disconnectClient(clientId))
          .orElse(CompletableFuture.completedFuture(false));
      try {
        if (done.get(30, TimeUnit.SECONDS)) {
          disconnected++;
        }
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("could not disconnect the revoked client {}: {}", clientId, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
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
    return port;
  }

  @Override
  public String url() {
    return (tls ? "ssl://" : "tcp://") + host + ":" + port;
  }

  @Override
  public void close() {
    try {
      hive.close();
    } catch (ExecutionException e) {
      LOG.warn("the embedded HiveMQ broker did not stop cleanly: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(EmbeddedHiveMQ hive) {
    try {
      hive.close();
    } catch (ExecutionException | InterruptedException | RuntimeException e) {
      LOG.debug("closing a HiveMQ that did not start: {}", e.toString());
    }
  }
}
