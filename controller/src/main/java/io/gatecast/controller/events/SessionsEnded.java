package io.gatecast.controller.events;

/**
 * Console sign-in sessions ended: one, by its token's hash (signed out), or every one of a user (their
 * password changed, their account disabled). The live feed closes the event streams those sessions opened.
 */
public record SessionsEnded(String username, String tokenHash) implements DomainEvent {
  /** Every session of {@code username}. */
  public static SessionsEnded allOf(String username) {
    return new SessionsEnded(username, null);
  }

  /** The one session whose bearer token has this hash. */
  public static SessionsEnded one(String tokenHash) {
    return new SessionsEnded(null, tokenHash);
  }

  /** Whether the session of {@code user} with this token hash is one of those ended. */
  public boolean ends(String user, String hash) {
    return tokenHash == null ? username.equals(user) : tokenHash.equals(hash);
  }
}
