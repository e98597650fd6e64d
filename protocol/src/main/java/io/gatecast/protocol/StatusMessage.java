package io.gatecast.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A heartbeat, sent retained on {@link Topics#status(String)} every interval while the agent
 * runs; the same topic carries the agent's last-will with state OFFLINE when it dies.
 *
 * @param appliedVersion the schedule version the agent plays, or null before its first one
 * @param currentContentId the content item on screen now, or null when none
 * @param heartbeatSeconds how often the agent promises a heartbeat, so the controller knows when it is late
 * @param health the figures a technician needs (cache, disk, display, clock, ...); null in a last-will
 * @param appliedClusterVersion when the agent plays a placement, the version of its cluster's schedule
 *     it plays it in ({@code appliedVersion} is then the placement's); absent otherwise
 * @param placements true when the agent plays placements in its cluster's schedule
 *     (docs/proposals/cluster-schedules.md); absent from older agents, which must be sent whole schedules
 * @param receivedVersion the newest schedule or placement version the agent accepted, playing or not yet
 *     (fetching its files, or a placement waiting for its gate's schedule): a version the controller's
 *     broker took that is newer than this never reached the screen. Absent from older agents.
 * @param stopping true on the OFFLINE status the agent publishes itself as it stops on purpose (a restart
 *     it was asked for, a shutdown); absent on its last-will, which the broker publishes when the agent
 *     vanished, and from older agents (whose OFFLINE statuses are then all read as last-wills)
 */
public record StatusMessage(
    Header header,
    String screenId,
    ScreenState state,
    Long appliedVersion,
    String currentContentId,
    Long heartbeatSeconds,
    ScreenHealth health,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long appliedClusterVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean placements,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long receivedVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stopping) {
  /** A status that is not the agent's own goodbye (a heartbeat, or the last-will). */
  public StatusMessage(Header header, String screenId, ScreenState state, Long appliedVersion, String currentContentId,
      Long heartbeatSeconds, ScreenHealth health, Long appliedClusterVersion, Boolean placements,
      Long receivedVersion) {
    this(header, screenId, state, appliedVersion, currentContentId, heartbeatSeconds, health, appliedClusterVersion,
        placements, receivedVersion, null);
  }

  /** A status of an agent that does not say what it received. */
  public StatusMessage(Header header, String screenId, ScreenState state, Long appliedVersion, String currentContentId,
      Long heartbeatSeconds, ScreenHealth health, Long appliedClusterVersion, Boolean placements) {
    this(header, screenId, state, appliedVersion, currentContentId, heartbeatSeconds, health, appliedClusterVersion,
        placements, null);
  }

  /** A status of an agent that plays whole schedules only. */
  public StatusMessage(Header header, String screenId, ScreenState state, Long appliedVersion, String currentContentId,
      Long heartbeatSeconds, ScreenHealth health) {
    this(header, screenId, state, appliedVersion, currentContentId, heartbeatSeconds, health, null, null, null);
  }

  /** A status without health figures (the last-will, or an agent that measures nothing). */
  public StatusMessage(Header header, String screenId, ScreenState state, Long appliedVersion, String currentContentId,
      Long heartbeatSeconds) {
    this(header, screenId, state, appliedVersion, currentContentId, heartbeatSeconds, null);
  }

  /** This status as the agent's own goodbye, published as it stops on purpose: {@code stopping} set. */
  public StatusMessage asStopping() {
    return new StatusMessage(header, screenId, state, appliedVersion, currentContentId, heartbeatSeconds, health,
        appliedClusterVersion, placements, receivedVersion, true);
  }

  public StatusMessage {
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    Check.required(state, "state");
    if (appliedVersion != null) {
      Check.atLeast(appliedVersion, 1, "appliedVersion");
    }
    if (currentContentId != null) {
      Check.id(currentContentId, "currentContentId");
    }
    if (heartbeatSeconds != null) {
      Check.atLeast(heartbeatSeconds, 1, "heartbeatSeconds");
    }
    if (appliedClusterVersion != null) {
      Check.atLeast(appliedClusterVersion, 1, "appliedClusterVersion");
    }
    if (receivedVersion != null) {
      Check.atLeast(receivedVersion, 1, "receivedVersion");
    }
  }
}
