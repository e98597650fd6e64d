package io.gatecast.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock the test moves (forward or to any instant) instead of sleeping to see time pass. */
public final class MovableClock extends Clock {
  private volatile Instant now;

  public MovableClock(Instant start) {
    now = start;
  }

  /** Moves the clock by {@code by}; safe against concurrent moves. */
  public synchronized void advance(Duration by) {
    now = now.plus(by);
  }

  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** Tests run in UTC: the zone asked for is ignored and the same moving clock answers. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
