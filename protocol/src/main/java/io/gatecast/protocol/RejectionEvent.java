package io.gatecast.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An agent telling the controller it refused a message, sent on {@link Topics#events(String)}.
 * Refusals are the one signal that someone is publishing what the controller did not sign, so
 * they are reported, never only logged on the kiosk.
 *
 * <p>On the events topic it sits beside {@link ScheduleAck}; it carries {@code "event":"rejection"}
 * (written, ignored on reading) and the two never share their required fields ({@code reason}
 * here, {@code outcome} there), so a reader can tell them apart either way.
 *
 * <p>{@code detail} and {@code messageId} may quote what an attacker sent: consoles must escape them.
 *
 * @param topic the topic the refused message arrived on
 * @param messageId the refused message's header.messageId when it could be read, else null
 */
public record RejectionEvent(Header header, String screenId, String topic, Rejection reason, String detail, String messageId) {
  public RejectionEvent {
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    Check.text(topic, "topic", Limits.MAX_TOPIC_LENGTH);
    Check.required(reason, "reason");
    if (detail != null && detail.length() > Limits.MAX_DETAIL_LENGTH) {
      throw new IllegalArgumentException("detail is longer than " + Limits.MAX_DETAIL_LENGTH + " characters");
    }
    if (messageId != null) {
      Check.text(messageId, "messageId", 64);
    }
  }

  /** The discriminator on the events topic. */
  @JsonProperty(value = "event", access = JsonProperty.Access.READ_ONLY)
  public String event() {
    return EventKind.REJECTION.wireName();
  }

  /** The event for a refusal, cutting the topic and detail to the limits instead of failing. */
  public static RejectionEvent of(Header header, String screenId, String topic, ProtocolException refusal) {
    RejectedException r = RejectedException.from(refusal);
    String safeTopic = topic == null || topic.isBlank() ? "(none)" : cut(topic, Limits.MAX_TOPIC_LENGTH);
    String id = r.messageId() != null && !r.messageId().isBlank() ? cut(r.messageId(), 64) : null;
    return new RejectionEvent(header, screenId, safeTopic, r.reason(), cut(r.detail(), Limits.MAX_DETAIL_LENGTH), id);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
