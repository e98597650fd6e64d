package io.gatecast.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The agent's answer to a {@link Command}, on {@link Topics#events(String)}.
 *
 * @param sequence the answered command's sequence
 * @param detail what happened, in words (required when FAILED)
 * @param attachmentSha256 for a screenshot: the SHA-256 of the image the agent uploaded over HTTP
 *     (a picture is too large for an MQTT message); null otherwise
 */
public record CommandResult(
    Header header, String screenId, Long sequence, Command.Kind kind, Outcome outcome, String detail, String attachmentSha256) {
  public enum Outcome {
    DONE,
    FAILED
  }

  public CommandResult {
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    Check.atLeast(sequence, 1, "sequence");
    Check.required(kind, "kind");
    Check.required(outcome, "outcome");
    if (outcome == Outcome.FAILED) {
      Check.text(detail, "detail", Limits.MAX_DETAIL_LENGTH);
    } else if (detail != null && detail.length() > Limits.MAX_DETAIL_LENGTH) {
      throw new IllegalArgumentException("detail is longer than " + Limits.MAX_DETAIL_LENGTH + " characters");
    }
    if (attachmentSha256 != null) {
      Check.sha256(attachmentSha256, "attachmentSha256");
    }
  }

  /** The discriminator on the events topic. */
  @JsonProperty(value = "event", access = JsonProperty.Access.READ_ONLY)
  public String event() {
    return EventKind.COMMAND_RESULT.wireName();
  }
}
