package io.gatecast.controller.broker;

import io.gatecast.protocol.AccessRules;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * <p>Both hooks run on Moquette's threads, never on the event loop. Authorisation is asked on every
 * publish, so it must not query the database: a screen counts as known to the rules once it has
 * logged in with a valid password in this broker's lifetime (the set below), and its cluster comes
 * from {@code clusterOfScreen}, which must be cheap.
 */
public final class BrokerAuth implements IAuthenticator, IAuthorizatorPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerAuth.class);
  private final ControllerCredentials controller;
  private final Function<String, Optional<String>> passwordHashOfScreen;
  private final AccessRules rules;
  private final Set<String> loggedInScreens = ConcurrentHashMap.newKeySet();

  /**
   * @param passwordHashOfScreen a screen's stored {@link PasswordHash}, empty for an unknown screen or
   *     one without a password; may block (it reads the database)
   * @param clusterOfScreen the cluster of a registered screen
   */
  public BrokerAuth(ControllerCredentials controller, Function<String, Optional<String>> passwordHashOfScreen,
      Function<String, Optional<String>> clusterOfScreen) {
    this.controller = controller;
    this.passwordHashOfScreen = passwordHashOfScreen;
    this.rules = new AccessRules(controller.username(), screen ->
        loggedInScreens.contains(screen) ? clusterOfScreen.apply(screen) : Optional.empty());
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
    } else {
      valid = passwordHashOfScreen.apply(username).filter(stored -> PasswordHash.matches(given, stored)).isPresent();
      if (valid) {
        loggedInScreens.add(username);
      }
    }
    if (!valid) {
      LOG.warn("refused an MQTT login as '{}' (client {}): unknown user or wrong password", username, clientId);
    }
    return valid;
  }

  @Override
  public boolean canWrite(Topic topic, String user, String client) {
    // Moquette itself logs a refused publish (and drops it without a PUBACK).
    return rules.mayPublish(user, topic.toString());
  }

  @Override
  public boolean canRead(Topic topic, String user, String client) {
    return rules.maySubscribe(user, topic.toString());
  }
}
