package io.gatecast.protocol;

/**
 * A heartbeat, sent retained on {@link Topics#status(String)} every interval while the agent
 * runs; the same topic carries the agent's last-will with state OFFLINE when it dies.
 *
 * @param appliedVersion the schedule version the agent plays, or null before its first one
 * @param currentContentId the content item on screen now, or null when none
 * @param heartbeatSeconds how often the agent promises a heartbeat, so the controller knows when it is late
 * @param health the figures a technician needs (cache, disk, display, clock, ...); null in a last-will
 */
public record StatusMessage(
    Header header,
    String screenId,
    ScreenState state,
    Long appliedVersion,
    String currentContentId,
    Long heartbeatSeconds,
    ScreenHealth health) {
  /** A status without health figures (the last-will, or an agent that measures nothing). */
  public StatusMessage(Header header, String screenId, ScreenState state, Long appliedVersion, String currentContentId,
      Long heartbeatSeconds) {
    this(header, screenId, state, appliedVersion, currentContentId, heartbeatSeconds, null);
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
  }
}
