package io.gatecast.controller.commands;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatecast.protocol.AgentWords;
import io.gatecast.protocol.CodedWords;
import java.time.Instant;

/** A command sent to a screen, and its agent's answer once it came. */
public record StoredCommand(String screenId, long sequence, String kind, Integer durationSeconds, Instant createdAt,
    Instant expiresAt, String status, String detail, String attachmentSha256, Instant answeredAt) {

  /** The answer's detail as a stable code and values ({@link AgentWords}), for the console's language; else null. */
  @JsonProperty("detailCoded")
  public CodedWords detailCoded() {
    return AgentWords.readCommand(detail).orElse(null);
  }
}
