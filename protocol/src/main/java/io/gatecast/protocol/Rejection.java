package io.gatecast.protocol;

/**
 * Why an agent refused a message. Every refusal has exactly one reason, so the controller's
 * console can count them and an operator can tell an attack (BAD_SIGNATURE, UNKNOWN_KEY) from a
 * stale broker (REPLAYED_OR_OLDER) or a bug (MALFORMED) at a glance.
 */
public enum Rejection {
  UNSIGNED("the message carries no signature; a screen shows only what the controller signed"),
  BAD_SIGNATURE("the signature does not match the message; it was altered or signed with another key"),
  UNKNOWN_KEY("the message names a signing key this screen does not trust (unknown or retired)"),
  EXPIRED("the message has expired; the controller must send a fresh one"),
  REPLAYED_OR_OLDER("the message is not newer than what the screen already accepted (replayed or rolled back)"),
  MALFORMED("the message is not valid for the GateCast protocol"),
  TOO_LARGE("the message is larger than the protocol allows; it was not read"),
  WRONG_SCREEN("the message is addressed to a different screen");

  private final String sentence;

  Rejection(String sentence) {
    this.sentence = sentence;
  }

  /** One sentence an operator can read, without the specific detail. */
  public String sentence() {
    return sentence;
  }
}
