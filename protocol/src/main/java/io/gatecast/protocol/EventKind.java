package io.gatecast.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What an agent's message on {@link Topics#events(String)} is. Every event writes its kind in an
 * {@code "event"} member; a {@link ScheduleAck} from an agent older than that member has none and
 * reads as {@link #SCHEDULE_ACK}. Readers dispatch here, in one place, before decoding the type.
 */
public enum EventKind {
  SCHEDULE_ACK("schedule-ack", ScheduleAck.class),
  REJECTION("rejection", RejectionEvent.class),
  PLAY_BATCH("play-batch", PlayBatch.class),
  COMMAND_RESULT("command-result", CommandResult.class);

  private final String wireName;
  private final Class<?> type;

  EventKind(String wireName, Class<?> type) {
    this.wireName = wireName;
    this.type = type;
  }

  /** The value of the {@code "event"} member. */
  public String wireName() {
    return wireName;
  }

  public Class<?> type() {
    return type;
  }

  /**
   * The kind of a parsed event; empty when its {@code "event"} member names a kind this side does
   * not know (a newer agent's event: ignored, not an error).
   */
  public static Optional<EventKind> of(JsonNode event) {
    JsonNode member = event == null ? null : event.get("event");
    if (member == null || member.isNull()) {
      return Optional.of(SCHEDULE_ACK);
    }
    for (EventKind kind : values()) {
      if (kind.wireName.equals(member.asText())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
