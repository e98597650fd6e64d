package io.gatecast.controller.fleet;

import io.gatecast.controller.fleet.FleetHealth.Recorded;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Hears the fleet's health as it changes — the technicians' notices subscribe here. Declared by the
 * fleet so that it needs nothing from whoever listens (no package cycle).
 */
public interface HealthWatcher {
  /** The fleet as it is at start-up: known, not news. */
  void know(List<Recorded> screens);

  /** One screen's truths changed; runs in the transaction that stored the change. */
  void onChange(Connection c, Recorded recorded);

  /** Time passed (the silence sweep); what was waiting for a grace period may be due. */
  void tick(Connection c, Instant now);
}
