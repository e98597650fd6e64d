package io.gatecast.controller.commands;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** A command sent to a screen, and its agent's answer once it came. */
public record StoredCommand(String screenId, long sequence, String kind, Integer durationSeconds, Instant createdAt,
    Instant expiresAt, String status, String detail, String attachmentSha256, Instant answeredAt) {

  /** The answer's detail as a stable code ({@link CommandDetail}), for the console to say in its reader's language; else null. */
  @JsonProperty("detailCode")
  public String detailCode() {
    return CommandDetail.read(detail).map(CommandDetail::code).orElse(null);
  }

  /** The values {@link #detailCode} names, by name; else null. */
  @JsonProperty("detailArgs")
  public Map<String, String> detailArgs() {
    return CommandDetail.read(detail).map(CommandDetail::args).orElse(null);
  }
}
