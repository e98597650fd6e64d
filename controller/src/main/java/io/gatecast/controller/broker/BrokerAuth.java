package io.gatecast.controller.broker;

import io.gatecast.protocol.AccessRules;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded broker, and what they may do there. Logins: the controller's
 * generated credentials, or a registered screen's id with the password it was given. Topics:
 * {@link AccessRules}, the same rules {@code export-mosquitto} writes for an external Mosquitto.
 *
 * <p>Both hooks run on the broker's threads (Moquette's, or HiveMQ's extension executor), never on
 * the event loop. Authorisation is asked on every
 * publish, so it must not query the database: a screen counts as known to the rules once it has
 * logged in with a valid password in this broker's lifetime, and the cluster read at that login is
 * kept (the map below). {@link #cutOff} forgets a screen at once (revocation): from then on it may
 * neither publish nor subscribe, and its clients are listed so the broker can disconnect them.
 *
 * <p>A screen is only ever itself: its MQTT client id must be its screen id (= its username), as
 * the agent connects. Otherwise one screen, logging in as itself with another's client id, would
 * take that screen's session — its queued signed commands — and kick it off at every connect.
 * ({@code export-mosquitto} gives Mosquitto the same rule: {@code use_username_as_clientid true}.)
 *
 * <p>A screen whose stored hash was made with an older work factor ({@link PasswordHash#isCurrent})
 * has it replaced on its first good login, while the password is in hand: the new hash goes to
 * {@link HashUpgrade}, which must not block (it queues the write for the database thread and
 * returns), so a reconnect storm is never held up by it. Logins are not cached: every CONNECT reads
 * the stored hash, so a revocation or a rotated password counts from the next login on, with nothing
 * in memory to forget (an in-memory cache would not survive the restart of the controller that
 * restarts this broker anyway, and at today's work factor a check costs well under a millisecond).
 */
public final class BrokerAuth implements IAuthenticator, IAuthorizatorPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerAuth.class);
  private final ControllerCredentials controller;
  private final Function<String, Optional<ScreenLogin>> loginOfScreen;
  private final AccessRules rules;
  /** Screens logged in with a valid password, to the cluster they were in at that login. */
  private final Map<String, String> clusterOfLoggedIn = new ConcurrentHashMap<>();
  /** MQTT client id to the screen that logged in with it, so a revoked screen's sessions can be found. */
  private final Map<String, String> screenOfClient = new ConcurrentHashMap<>();

  private final HashUpgrade upgrade;

  /** What the broker needs to know of a screen: its stored {@link PasswordHash} and its cluster. */
  public record ScreenLogin(String passwordHash, String clusterId) {}

  /** Stores a screen's password hash made again at today's work factor. */
  @FunctionalInterface
  public interface HashUpgrade {
    HashUpgrade NONE = (screenId, oldHash, newHash) -> { };

    /**
     * Replaces {@code oldHash} with {@code newHash} only if the screen still holds {@code oldHash}
     * when the write runs (a rotation or revocation in between wins). Called on the broker's threads:
     * must return at once, never wait for the write.
     */
    void replace(String screenId, String oldHash, String newHash);
  }

  /** A broker that checks logins but never rewrites a stored hash. */
  public BrokerAuth(ControllerCredentials controller, Function<String, Optional<ScreenLogin>> loginOfScreen) {
    this(controller, loginOfScreen, HashUpgrade.NONE);
  }

  /**
   * @param loginOfScreen a screen's stored login, empty for an unknown or revoked screen or one
   *     without a password; may block (it reads the database)
   * @param upgrade where a login re-hashes a password stored with an older work factor
   */
  public BrokerAuth(ControllerCredentials controller, Function<String, Optional<ScreenLogin>> loginOfScreen,
      HashUpgrade upgrade) {
    this.controller = controller;
    this.loginOfScreen = loginOfScreen;
    this.upgrade = upgrade;
    this.rules = new AccessRules(controller.username(), screen -> Optional.ofNullable(clusterOfLoggedIn.get(screen)));
  }

  /**
   * Forgets the screen: it may no longer publish or subscribe, even on a connection already open.
   * Returns the client ids it is connected with, for the broker to disconnect.
   */
  public Set<String> cutOff(String screenId) {
    clusterOfLoggedIn.remove(screenId);
    Set<String> clients = new HashSet<>();
    screenOfClient.forEach((client, screen) -> {
      if (screen.equals(screenId)) {
        clients.add(client);
      }
    });
    clients.forEach(screenOfClient::remove);
    return clients;
  }

  /** The screen moved to another cluster: a session already open reads that cluster's alerts from now on. */
  public void moved(String screenId, String clusterId) {
    clusterOfLoggedIn.computeIfPresent(screenId, (screen, old) -> clusterId);
  }

  @Override
  public boolean checkValid(String clientId, String username, byte[] password) {
    if (username == null || password == null) {
      return false;
    }
    String given = new String(password, StandardCharsets.UTF_8);
    boolean valid;
    if (username.equals(controller.username())) {
      valid = MessageDigest.isEqual(password, controller.password().getBytes(StandardCharsets.UTF_8));
    } else if (!username.equals(clientId)) {
      LOG.warn("refused an MQTT login as screen '{}' with client id '{}': a screen must connect with its own id"
          + " as client id", username, clientId);
      return false;
    } else {
      Optional<ScreenLogin> login = loginOfScreen.apply(username)
          .filter(stored -> PasswordHash.matches(given, stored.passwordHash()));
      valid = login.isPresent();
      if (valid) {
        clusterOfLoggedIn.put(username, login.get().clusterId());
        screenOfClient.put(clientId, username);
        upgradeIfOld(username, login.get().passwordHash(), given);
      }
    }
    if (!valid) {
      LOG.warn("refused an MQTT login as '{}' (client {}): unknown user or wrong password", username, clientId);
    }
    return valid;
  }

  private void upgradeIfOld(String screenId, String stored, String password) {
    if (PasswordHash.isCurrent(stored)) {
      return;
    }
    try {
      upgrade.replace(screenId, stored, PasswordHash.hash(password));
    } catch (RuntimeException e) {
      // The login is good either way; the next one tries again.
      LOG.warn("could not store the re-hashed MQTT password of screen {}: {}", screenId, e.toString());
    }
  }

  /** Whether the client logged in as {@code user} may publish on {@code topic} (either embedded broker asks). */
  public boolean mayPublish(String user, String topic) {
    return rules.mayPublish(user, topic);
  }

  /** Whether the client logged in as {@code user} may subscribe to {@code topicFilter}. */
  public boolean maySubscribe(String user, String topicFilter) {
    return rules.maySubscribe(user, topicFilter);
  }

  @Override
  public boolean canWrite(Topic topic, String user, String client) {
    // Moquette itself logs a refused publish (and drops it without a PUBACK).
    return mayPublish(user, topic.toString());
  }

  @Override
  public boolean canRead(Topic topic, String user, String client) {
    return maySubscribe(user, topic.toString());
  }
}
