package io.gatecast.agent.link;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The controller's time as this screen best knows it: its own clock plus the {@link ClockOffset}
 * once one is known (until then, its own). What judges whether a signed command or alert has
 * expired, so a kiosk whose clock runs ahead does not refuse fresh commands as EXPIRED.
 */
public final class ControllerClock extends Clock {
  private final Clock own;
  private final ClockOffset offset;

  public ControllerClock(Clock own, ClockOffset offset) {
    this.own = own;
    this.offset = offset;
  }

  @Override
  public Instant instant() {
    Instant now = own.instant();
    return offset.millis().map(now::plusMillis).orElse(now);
  }

  @Override
  public ZoneId getZone() {
    return own.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ControllerClock(own.withZone(zone), offset);
  }
}
