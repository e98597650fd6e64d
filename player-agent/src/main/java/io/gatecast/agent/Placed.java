package io.gatecast.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.protocol.ClusterSchedule;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Placement;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import java.io.IOException;
import java.util.Optional;

/**
 * A screen's placement and the cluster schedule it plays it in, each with the signed envelope it
 * came in (docs/proposals/cluster-schedules.md): what the agent plays when the controller places it
 * in its gate's schedule instead of sending it a whole one. On disk the two envelopes are kept
 * together, exactly as received, in one file ({@link #toBytes}: {@code {"placement": ..., "clusterSchedule": ...}}),
 * and read back with the same checks as from the wire ({@link #open}).
 */
record Placed(Placement placement, byte[] placementEnvelope, ClusterSchedule cluster, byte[] clusterEnvelope) {
  private static final String PLACEMENT = "placement";
  private static final String CLUSTER_SCHEDULE = "clusterSchedule";

  /**
   * What the screen plays: its profile's rules from the cluster schedule with its own id and names,
   * as the whole schedule of the placement's version would carry them. Its header is the placement's,
   * but sent when the cluster schedule was: the rules, their alerts among them, are the cluster
   * schedule's statement, and {@code Playback} weighs the alert topic against that time. With the
   * placement's own time, a screen placed after an alert was sent played the older rules' alerts
   * (none) instead of the alert.
   *
   * @throws IllegalArgumentException when the cluster schedule is another gate's or lacks the profile
   */
  ScheduleMessage schedule() {
    Header stated = new Header(placement.header().protocolVersion(), placement.header().messageId(),
        cluster.header().sentAt());
    return new ScheduleMessage(stated, placement.screenId(), placement.version(), placement.rulesIn(cluster));
  }

  /** The pair as one file: the two envelopes as received. */
  byte[] toBytes() {
    try {
      ObjectNode pair = Codec.mapper().createObjectNode();
      pair.set(PLACEMENT, Codec.mapper().readTree(placementEnvelope));
      pair.set(CLUSTER_SCHEDULE, Codec.mapper().readTree(clusterEnvelope));
      return Codec.mapper().writeValueAsBytes(pair);
    } catch (IOException e) {
      throw new IllegalStateException("an envelope that verified is not JSON", e);
    }
  }

  /** Whether a saved file holds a pair rather than one signed envelope (which names its {@code type}). */
  static boolean isPair(byte[] saved) {
    return pairIn(saved).isPresent();
  }

  /**
   * The pair a saved file holds, read once and checked as if each envelope came from the broker: the
   * controller's signatures, this screen, the placement's cluster, its profile in the schedule. Empty
   * when the file holds one signed envelope instead (to be opened as a whole schedule).
   *
   * @throws RejectedException when it is a pair and anything of that does not hold
   */
  static Optional<Placed> openIfPair(byte[] saved, ControllerTrust trust, String screenId) {
    return pairIn(saved).map(pair -> open(pair, trust, screenId));
  }

  private static Placed open(JsonNode pair, ControllerTrust trust, String screenId) {
    byte[] placementEnvelope = bytes(pair.get(PLACEMENT));
    byte[] clusterEnvelope = bytes(pair.get(CLUSTER_SCHEDULE));
    Placement placement = trust.open(placementEnvelope, Signed.PLACEMENT, Placement.class).message();
    ClusterSchedule cluster = trust.open(clusterEnvelope, Signed.CLUSTER_SCHEDULE, ClusterSchedule.class).message();
    Placed placed = new Placed(placement, placementEnvelope, cluster, clusterEnvelope);
    try {
      Freshness.requireScreen(screenId, placement.screenId());
      placed.schedule();
    } catch (RejectedException e) {
      throw e.withMessageId(placement.header().messageId());
    } catch (IllegalArgumentException e) {
      throw new RejectedException(Rejection.MALFORMED, e.getMessage()).withMessageId(placement.header().messageId());
    }
    return placed;
  }

  private static Optional<JsonNode> pairIn(byte[] saved) {
    try {
      JsonNode tree = Codec.mapper().readTree(saved);
      return tree != null && tree.isObject() && tree.path(PLACEMENT).isObject() && tree.path(CLUSTER_SCHEDULE).isObject()
          ? Optional.of(tree) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static byte[] bytes(JsonNode envelope) {
    return Codec.encode(envelope);
  }
}
