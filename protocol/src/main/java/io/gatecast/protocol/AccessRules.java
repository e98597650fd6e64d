package io.gatecast.protocol;

import io.gatecast.protocol.Topics.Kind;
import io.gatecast.protocol.Topics.Topic;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may publish and subscribe to what on the broker: the one statement of the rule that the
 * embedded broker's authorizer calls and {@link MosquittoAcl} renders for a real Mosquitto.
 *
 * <p>Identities: the controller connects with {@code controllerUsername}; an agent connects with
 * its screen id as MQTT username. A screen id equal to the controller's username is refused
 * everything, so a screen can never be mistaken for the controller (the controller should refuse
 * to register such a screen).
 *
 * <ul>
 *   <li>Controller publishes: every screen's schedule and commands, every cluster's alert.
 *       Subscribes: status and events of one screen or of all ({@code +} in the screen level).
 *       It does not publish status or events (that would forge an agent) and does not subscribe
 *       to what it publishes.
 *   <li>Screen S publishes: only {@code .../screens/S/status} and {@code .../screens/S/events}.
 *       Subscribes: exactly {@code .../screens/S/schedule}, {@code .../screens/S/commands} and
 *       {@code .../clusters/C/alert} for its cluster C. Every wildcard is refused, even ones that
 *       would only match S's own topics: the simplest rule that cannot leak another screen's topics.
 *   <li>Anyone else: nothing. {@code $share/}, {@code $SYS} and {@code #} are never granted.
 * </ul>
 * Rules are about topics only. Message authenticity is the signature's job ({@link Verifier});
 * the ACL is the second wall, so a stolen screen credential cannot publish schedules.
 */
public final class AccessRules {
  private final String controllerUsername;
  private final Function<String, Optional<String>> clusterOfScreen;

  /**
   * @param clusterOfScreen the cluster a registered screen belongs to; empty for an unknown screen,
   *     which is then refused everything
   */
  public AccessRules(String controllerUsername, Function<String, Optional<String>> clusterOfScreen) {
    this.controllerUsername = Check.id(controllerUsername, "controllerUsername");
    this.clusterOfScreen = Check.required(clusterOfScreen, "clusterOfScreen");
  }

  public String controllerUsername() {
    return controllerUsername;
  }

  /** May {@code username} publish to the concrete {@code topic}? Topics with wildcards are never publishable. */
  public boolean mayPublish(String username, String topic) {
    Optional<Topic> parsed = Topics.parse(topic);
    if (username == null || parsed.isEmpty()) {
      return false;
    }
    Topic t = parsed.get();
    if (username.equals(controllerUsername)) {
      return t.kind() == Kind.SCHEDULE || t.kind() == Kind.COMMANDS || t.kind() == Kind.ALERT;
    }
    if (!isScreen(username)) {
      return false;
    }
    return (t.kind() == Kind.STATUS || t.kind() == Kind.EVENTS) && t.id().equals(username);
  }

  /** May {@code username} subscribe with {@code topicFilter}? */
  public boolean maySubscribe(String username, String topicFilter) {
    if (username == null || topicFilter == null) {
      return false;
    }
    if (username.equals(controllerUsername)) {
      return controllerMaySubscribe(topicFilter);
    }
    if (!isScreen(username) || topicFilter.indexOf('+') >= 0 || topicFilter.indexOf('#') >= 0) {
      return false;
    }
    Optional<Topic> parsed = Topics.parse(topicFilter);
    if (parsed.isEmpty()) {
      return false;
    }
    Topic t = parsed.get();
    return switch (t.kind()) {
      case SCHEDULE, COMMANDS -> t.id().equals(username);
      case ALERT -> clusterOfScreen.apply(username).filter(t.id()::equals).isPresent();
      case STATUS, EVENTS -> false;
    };
  }

  private boolean controllerMaySubscribe(String filter) {
    if (filter.indexOf('#') >= 0) {
      return false;
    }
    for (Kind kind : new Kind[] {Kind.STATUS, Kind.EVENTS}) {
      if (filter.equals(Topics.everyOne(kind))) {
        return true;
      }
    }
    if (filter.indexOf('+') >= 0) {
      return false;
    }
    return Topics.parse(filter).map(t -> t.kind() == Kind.STATUS || t.kind() == Kind.EVENTS).orElse(false);
  }

  private boolean isScreen(String username) {
    return Check.isId(username) && !username.equals(controllerUsername) && clusterOfScreen.apply(username).isPresent();
  }
}
