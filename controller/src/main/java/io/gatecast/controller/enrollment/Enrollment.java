package io.gatecast.controller.enrollment;

import java.time.Instant;

/**
 * A new agent's request to be enrolled, under the pairing code it shows.
 *
 * @param secretSha256 hex SHA-256 of the agent's secret; the secret itself is never stored
 * @param screenId the screen an operator assigned it to, or null while it waits
 */
public record Enrollment(String code, String secretSha256, Instant createdAt, Instant expiresAt, String screenId,
    Instant assignedAt, Instant pickedUpAt) {

  public enum State { WAITING, ASSIGNED, PICKED_UP }

  public State state() {
    if (screenId == null) {
      return State.WAITING;
    }
    return pickedUpAt == null ? State.ASSIGNED : State.PICKED_UP;
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
