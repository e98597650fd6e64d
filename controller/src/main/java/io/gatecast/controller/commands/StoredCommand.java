package io.gatecast.controller.commands;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatecast.controller.words.CodedWords;
import java.time.Instant;

/** A command sent to a screen, and its agent's answer once it came. */
public record StoredCommand(String screenId, long sequence, String kind, Integer durationSeconds, Instant createdAt,
    Instant expiresAt, String status, String detail, String attachmentSha256, Instant answeredAt) {

  /** The answer's detail as a stable code and values ({@link CommandDetail}), for the console's language; else null. */
  @JsonProperty("detailCoded")
  public CodedWords detailCoded() {
    return CommandDetail.read(detail).orElse(null);
  }
}
