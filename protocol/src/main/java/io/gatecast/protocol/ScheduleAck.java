package io.gatecast.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The agent's answer to a schedule, sent on {@link Topics#events(String)}: it applied the
 * version, or it failed and says why (the old schedule then keeps playing).
 */
public record ScheduleAck(Header header, String screenId, Long version, Outcome outcome, String error) {
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
  }

  /** The discriminator on the events topic (absent in acks from older agents; see {@link EventKind#of}). */
  @JsonProperty(value = "event", access = JsonProperty.Access.READ_ONLY)
  public String event() {
    return EventKind.SCHEDULE_ACK.wireName();
  }
}
