package io.gatecast.controller.events;

import java.time.Instant;
import java.util.List;

/**
 * The fleet as stored when the fleet monitor started: each screen up or down since when. Known, not
 * news: a screen already down before a restart is not reported as newly down.
 */
public record FleetLoaded(List<Screen> screens) implements DomainEvent {
  /** One screen as stored; {@code reason} why it is down, null when it is up. */
  public record Screen(String screenId, String clusterId, boolean up, String reason, Instant since) {}
}
