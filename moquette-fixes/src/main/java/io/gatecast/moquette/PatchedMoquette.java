package io.gatecast.moquette;

import io.moquette.broker.ISslContextCreator;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.netty.channel.ChannelHandler;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way GateCast starts a Moquette 0.17: with its known defects worked around, so the
 * controller's embedded broker and the brokers tests start are the same broker.
 * <ul>
 *   <li>{@link HeldUntilConnected}: a packet read right after CONNECT no longer drops the connection;
 *   <li>{@link DuplicatePublishes}: a re-sent (DUP) QoS 1 publish no longer ends a session loop;
 *   <li>{@link SessionLoopWatch}: a session loop lost anyway is logged as an error;
 *   <li>{@link RoomToLag}: QoS 0 messages to a lagging controller wait for it instead of being dropped.
 * </ul>
 * Each is tied to 0.17's internals and says so in the log if it cannot be put in place.
 */
public final class PatchedMoquette {
  private static final Logger LOG = LoggerFactory.getLogger(PatchedMoquette.class);

  private PatchedMoquette() {}

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
}
