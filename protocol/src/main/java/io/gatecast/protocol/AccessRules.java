package io.gatecast.protocol;

import io.gatecast.protocol.Topics.Kind;
import io.gatecast.protocol.Topics.Topic;
import java.util.List;
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
 *   <li>Controller publishes: every screen's schedule and commands, every cluster's alert and
 *       schedule ({@link #CONTROLLER_PUBLISHES}). Subscribes: status and events of one screen or of
 *       all ({@code +} in the screen level; {@link #CONTROLLER_SUBSCRIBES}). It does not publish
 *       status or events (that would forge an agent) and does not subscribe to what it publishes.
 *   <li>Screen S of cluster C publishes: only {@code .../screens/S/status} and
 *       {@code .../screens/S/events} ({@link #screenPublishes}). Subscribes: exactly
 *       {@code .../screens/S/schedule}, {@code .../screens/S/commands}, {@code .../clusters/C/alert}
 *       and {@code .../clusters/C/schedule} ({@link #screenSubscribes}). Every wildcard is refused,
 *       even ones that would only match S's own topics: the simplest rule that cannot leak another
 *       screen's topics. Its cluster's schedule holds the rules of every screen of the gate: content
 *       shown on public screens in the same hall; which of them S plays is said by S's own signed
 *       {@link Placement}, so reading them lets no one make S play another's.
 *   <li>Anyone else: nothing. {@code $share/}, {@code $SYS} and {@code #} are never granted.
 * </ul>
 * Rules are about topics only. Message authenticity is the signature's job ({@link Verifier});
 * the ACL is the second wall, so a stolen screen credential cannot publish schedules.
 */
public final class AccessRules {
  /** What the controller publishes, for every screen or cluster. */
  public static final List<Kind> CONTROLLER_PUBLISHES =
      List.of(Kind.SCHEDULE, Kind.COMMANDS, Kind.ALERT, Kind.CLUSTER_SCHEDULE);
  /** What the controller subscribes to, for one screen or every one. */
  public static final List<Kind> CONTROLLER_SUBSCRIBES = List.of(Kind.STATUS, Kind.EVENTS);

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
      return CONTROLLER_PUBLISHES.contains(t.kind());
    }
    return isScreen(username) && screenPublishes(username).contains(topic);
  }

  /** The topics screen {@code screenId} publishes to: its status and events. */
  public static List<String> screenPublishes(String screenId) {
    return List.of(Topics.status(screenId), Topics.events(screenId));
  }

  /** The topics a screen of {@code clusterId} subscribes to, each exactly: its schedule and commands, its cluster's alert and schedule. */
  public static List<String> screenSubscribes(String screenId, String clusterId) {
    return List.of(Topics.schedule(screenId), Topics.commands(screenId), Topics.alert(clusterId),
        Topics.clusterSchedule(clusterId));
  }

  /** May {@code username} subscribe with {@code topicFilter}? */
  public boolean maySubscribe(String username, String topicFilter) {
    if (username == null || topicFilter == null) {
      return false;
    }
    if (username.equals(controllerUsername)) {
      return controllerMaySubscribe(topicFilter);
    }
    if (!Check.isId(username) || username.equals(controllerUsername)) {
      return false;
    }
    return clusterOfScreen.apply(username).filter(Check::isId)
        .map(cluster -> screenSubscribes(username, cluster).contains(topicFilter)).orElse(false);
  }

  private boolean controllerMaySubscribe(String filter) {
    if (filter.indexOf('#') >= 0) {
      return false;
    }
    for (Kind kind : CONTROLLER_SUBSCRIBES) {
      if (filter.equals(Topics.everyOne(kind))) {
        return true;
      }
    }
    if (filter.indexOf('+') >= 0) {
      return false;
    }
    return Topics.parse(filter).map(t -> CONTROLLER_SUBSCRIBES.contains(t.kind())).orElse(false);
  }

  private boolean isScreen(String username) {
    return Check.isId(username) && !username.equals(controllerUsername) && clusterOfScreen.apply(username).isPresent();
  }
}
