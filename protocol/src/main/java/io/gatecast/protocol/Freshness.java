package io.gatecast.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The agent's checks that a genuine message is also current and meant for it. A valid signature
 * alone does not stop a replay: anyone on the broker can re-publish last month's signed schedule
 * (or a retained one from before a rollback), so the agent remembers the last version it accepted
 * per (screen, message kind) and refuses anything not newer.
 *
 * <p>Kiosk clocks drift; {@code skewAllowance} is how far the agent's clock may run ahead of the
 * controller's before a message counts as expired. Expiry is deliberately the only time check:
 * nothing here compares {@code header.sentAt}, because a screen with a wrong clock must still
 * play a schedule that has no expiry.
 *
 * <p>Stateless: where the last accepted version is kept (the agent's cache) is the agent's concern.
 */
public final class Freshness {
  private final Clock clock;
  private final Duration skewAllowance;

  public Freshness(Clock clock, Duration skewAllowance) {
    this.clock = Check.required(clock, "clock");
    this.skewAllowance = Check.required(skewAllowance, "skewAllowance");
    if (skewAllowance.isNegative()) {
      throw new IllegalArgumentException("skewAllowance must not be negative");
    }
  }

  public Instant now() {
    return clock.instant();
  }

  /** Both checks below, version first. */
  public void check(Long lastAcceptedVersion, long version, Instant expiresAt) {
    requireNewer(lastAcceptedVersion, version);
    requireNotExpired(expiresAt);
  }

  /** Refuses with {@link Rejection#EXPIRED} when {@code expiresAt} (null: never) is past, allowing the skew. */
  public void requireNotExpired(Instant expiresAt) {
    if (expiresAt == null) {
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(expiresAt.plus(skewAllowance))) {
      throw new RejectedException(Rejection.EXPIRED,
          "expired at " + expiresAt + "; this screen's clock says " + now + " (allowed skew " + skewAllowance + ")");
    }
  }

  /**
   * Refuses with {@link Rejection#REPLAYED_OR_OLDER} unless {@code version} is greater than
   * {@code lastAcceptedVersion} (null: nothing accepted yet). Equal is refused too: the same
   * version again is a replay, and re-applying it would hide a controller bug that reuses versions.
   */
  public static void requireNewer(Long lastAcceptedVersion, long version) {
    if (lastAcceptedVersion != null && version <= lastAcceptedVersion) {
      throw new RejectedException(Rejection.REPLAYED_OR_OLDER,
          "version " + version + " is not newer than the accepted version " + lastAcceptedVersion);
    }
  }

  /** Refuses with {@link Rejection#WRONG_SCREEN} a message whose screenId is not this agent's. */
  public static void requireScreen(String ownScreenId, String addressedScreenId) {
    if (!ownScreenId.equals(addressedScreenId)) {
      throw new RejectedException(Rejection.WRONG_SCREEN,
          "addressed to '" + abbreviate(addressedScreenId) + "', this screen is '" + ownScreenId + "'");
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "null" : s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
