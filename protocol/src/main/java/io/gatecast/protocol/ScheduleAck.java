package io.gatecast.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The agent's answer to a schedule, sent on {@link Topics#events(String)}: it applied the
 * version, or it failed and says why (the old schedule then keeps playing).
 *
 * @param version the version of what the screen's schedule topic carried: a whole schedule or a placement
 * @param clusterVersion with a placement, the version of the cluster schedule it was played in; absent
 *     (null) for a whole schedule, and in acks from older agents
 */
public record ScheduleAck(Header header, String screenId, Long version, Outcome outcome, String error,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long clusterVersion) {
  public enum Outcome {
    APPLIED,
    FAILED
  }

  public ScheduleAck {
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    Check.atLeast(version, 1, "version");
    Check.required(outcome, "outcome");
    if (outcome == Outcome.FAILED) {
      Check.text(error, "error", Limits.MAX_TEXT_LENGTH);
    }
    if (clusterVersion != null) {
      Check.atLeast(clusterVersion, 1, "clusterVersion");
    }
  }

  /** The answer to a whole schedule. */
  public ScheduleAck(Header header, String screenId, Long version, Outcome outcome, String error) {
    this(header, screenId, version, outcome, error, null);
  }

  /** The discriminator on the events topic (absent in acks from older agents; see {@link EventKind#of}). */
  @JsonProperty(value = "event", access = JsonProperty.Access.READ_ONLY)
  public String event() {
    return EventKind.SCHEDULE_ACK.wireName();
  }
}
