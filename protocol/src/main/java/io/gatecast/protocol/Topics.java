package io.gatecast.protocol;

import java.util.Optional;

/**
 * The MQTT topic tree: the only place topic strings are built and parsed.
 *
 * <pre>
 * gatecast/v1/screens/{screenId}/schedule   controller -> agent, retained, QoS 1
 * gatecast/v1/screens/{screenId}/status     agent -> controller, retained, QoS 1 (last-will: OFFLINE)
 * gatecast/v1/screens/{screenId}/events     agent -> controller, QoS 1
 * gatecast/v1/screens/{screenId}/commands   controller -> agent, QoS 1
 * gatecast/v1/clusters/{clusterId}/alert    controller -> agents, retained, QoS 1
 * gatecast/v1/clusters/{clusterId}/schedule controller -> agents, retained, QoS 1
 * </pre>
 *
 * <p>A screen's schedule topic carries either its whole {@link ScheduleMessage} or a {@link Placement}
 * in its cluster's {@link ClusterSchedule} (docs/proposals/cluster-schedules.md).
 */
public final class Topics {
  public static final String ROOT = "gatecast/v1";
  private static final String SCREENS = ROOT + "/screens/";
  private static final String CLUSTERS = ROOT + "/clusters/";

  /** What a topic is about. */
  public enum Kind {
    SCHEDULE("schedule", true),
    STATUS("status", true),
    EVENTS("events", true),
    COMMANDS("commands", true),
    ALERT("alert", false),
    CLUSTER_SCHEDULE("schedule", false);

    private final String leaf;
    private final boolean perScreen;

    Kind(String leaf, boolean perScreen) {
      this.leaf = leaf;
      this.perScreen = perScreen;
    }

    public boolean perScreen() {
      return perScreen;
    }

    String of(String id) {
      return (perScreen ? SCREENS : CLUSTERS) + id + "/" + leaf;
    }
  }

  /** A parsed topic: its kind and the screen or cluster id it names. */
  public record Topic(Kind kind, String id) {}

  private Topics() {}

  public static String schedule(String screenId) {
    return Kind.SCHEDULE.of(Check.id(screenId, "screenId"));
  }

  public static String status(String screenId) {
    return Kind.STATUS.of(Check.id(screenId, "screenId"));
  }

  public static String events(String screenId) {
    return Kind.EVENTS.of(Check.id(screenId, "screenId"));
  }

  public static String commands(String screenId) {
    return Kind.COMMANDS.of(Check.id(screenId, "screenId"));
  }

  public static String alert(String clusterId) {
    return Kind.ALERT.of(Check.id(clusterId, "clusterId"));
  }

  public static String clusterSchedule(String clusterId) {
    return Kind.CLUSTER_SCHEDULE.of(Check.id(clusterId, "clusterId"));
  }

  /** Subscription filter matching {@code kind}'s topic of every screen or cluster. */
  public static String everyOne(Kind kind) {
    return kind.of("+");
  }

  /** The kind and id of a GateCast topic, or empty for anything else. */
  public static Optional<Topic> parse(String topic) {
    if (topic == null) {
      return Optional.empty();
    }
    String rest;
    boolean perScreen;
    if (topic.startsWith(SCREENS)) {
      rest = topic.substring(SCREENS.length());
      perScreen = true;
    } else if (topic.startsWith(CLUSTERS)) {
      rest = topic.substring(CLUSTERS.length());
      perScreen = false;
    } else {
      return Optional.empty();
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String id = rest.substring(0, slash);
    String leaf = rest.substring(slash + 1);
    if (!Check.isId(id)) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (kind.perScreen == perScreen && kind.leaf.equals(leaf)) {
        return Optional.of(new Topic(kind, id));
      }
    }
    return Optional.empty();
  }
}
