package io.gatecast.agent.link;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential back-off with jitter for reconnects. The jitter matters at fleet scale: when the
 * broker restarts, thousands of kiosks must not all knock again in the same second.
 */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final Random random;
  private int attempt;

  public Backoff(Duration initial, Duration max, Random random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.random = random;
  }

  /** The delay before the next attempt: doubling up to the cap, then a random half to full of it. */
  public synchronized Duration next() {
    long ceiling = initialMillis << Math.min(attempt, 20);
    ceiling = Math.min(ceiling, maxMillis);
    attempt++;
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half)));
  }

  public synchronized void reset() {
    attempt = 0;
  }
}
