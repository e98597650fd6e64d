package io.gatecast.moquette;

import io.moquette.broker.ISslContextCreator;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way GateCast starts a Moquette 0.17: with its known defects worked around, so the
 * controller's embedded broker and the brokers tests start are the same broker.
 * <ul>
 *   <li>{@link HeldUntilConnected}: a packet read right after CONNECT no longer drops the connection;
 *   <li>{@link DuplicatePublishes}: a re-sent (DUP) QoS 1 publish no longer ends a session loop;
 *   <li>{@link SessionLoopWatch}: a session loop lost anyway is logged as an error;
 *   <li>{@link RoomToLag}: QoS 0 messages to a lagging controller wait for it instead of being dropped;
 *   <li>{@link #stop}: a stop no longer idles two seconds.
 * </ul>
 * Each is tied to 0.17's internals and says so in the log if it cannot be put in place.
 */
public final class PatchedMoquette {
  private static final Logger LOG = LoggerFactory.getLogger(PatchedMoquette.class);

  /**
   * How long a stopping broker's network threads wait for work submitted during their shutdown. Netty's
   * default is 2 s; the connections are closed at once either way (an event loop that is shutting down
   * closes its channels first), so this only delays the end of the stop.
   */
  private static final Duration NETWORK_QUIET = Duration.ofMillis(100);
  /** How long they get at most to end, as Moquette waits for them (10 s). */
  private static final Duration NETWORK_END = Duration.ofSeconds(10);

  private PatchedMoquette() {}

  /**
   * The settings of a broker for tests: on 127.0.0.1 at a port of the system's choosing, anyone may
   * connect, nothing kept on disk, no telemetry. (The controller's embedded broker sets its own.)
   */
  public static Properties loopbackAnonymous() {
    Properties properties = new Properties();
    properties.setProperty("host", "127.0.0.1");
    properties.setProperty("port", "0");
    properties.setProperty("websocket_port", "disabled");
    properties.setProperty("telemetry_enabled", "false");
    properties.setProperty("allow_anonymous", "true");
    properties.setProperty("persistence_enabled", "false");
    return properties;
  }

  /**
   * Starts a broker. {@code ssl}, {@code authenticator} and {@code authorizator} may be null: then
   * Moquette's configuration decides (plain TCP, {@code allow_anonymous}, everyone may do everything).
   */
  public static Server start(IConfig config, ISslContextCreator ssl, IAuthenticator authenticator,
      IAuthorizatorPolicy authorizator) throws IOException {
    return start(config, ssl, authenticator, authorizator, Set.of());
  }

  /**
   * {@link #start(IConfig, ISslContextCreator, IAuthenticator, IAuthorizatorPolicy)}, and the
   * connections of {@code lagging} (usernames: the controller's) get {@link RoomToLag}.
   */
  public static Server start(IConfig config, ISslContextCreator ssl, IAuthenticator authenticator,
      IAuthorizatorPolicy authorizator, Set<String> lagging) throws IOException {
    Server server = new Server();
    server.startServer(config, List.of(new SessionLoopWatch()), ssl, authenticator, authorizator);
    DuplicatePublishes.deliverToEverySubscriber(server);
    try {
      SpareSlot.fill(server, List.<ChannelHandler>of(HeldUntilConnected.forMoquette(), new RoomToLag(lagging)));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.error("cannot patch the embedded MQTT broker's pipeline ({}): fresh connections may be dropped under load,"
          + " and QoS 0 messages to a lagging controller dropped. Is the Moquette version still 0.17?", e.toString());
    }
    return server;
  }

  /**
   * Stops {@code server} as {@code stopServer} does, without the two seconds of quiet Moquette 0.17
   * asks of its network threads (Netty's default graceful shutdown, which waits until no task has come
   * for 2 s): every controller stop, and every test's broker, spent them idle. The threads are asked to
   * end first with {@link #NETWORK_QUIET}; Moquette's own request then finds them ending and only waits.
   * If 0.17's fields are not there, the stop is Moquette's own (logged). Returns whether the threads
   * were asked for the short quiet.
   */
  public static boolean stop(Server server) {
    boolean shortened = false;
    try {
      Object acceptor = Internals.field(Server.class, "acceptor").get(server);
      for (String name : List.of("bossGroup", "workerGroup")) {
        EventLoopGroup loops = (EventLoopGroup) Internals.field(acceptor.getClass(), name).get(acceptor);
        if (loops != null) {
          loops.shutdownGracefully(NETWORK_QUIET.toMillis(), NETWORK_END.toMillis(), TimeUnit.MILLISECONDS);
          shortened = true;
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("cannot shorten the embedded MQTT broker's stop ({}); it takes Moquette's own 2 s more."
          + " Is the Moquette version still 0.17?", e.toString());
    }
    server.stopServer();
    return shortened;
  }
}
