package io.gatecast.controller.screens.api;

import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.fleet.RejectionRecord;
import io.gatecast.controller.fleet.RejectionRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.playlists.ScreenPlaylistRepository;
import io.gatecast.controller.publish.Arrivals;
import io.gatecast.controller.publish.Delivery;
import io.gatecast.controller.publish.DeliveryRepository;
import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.ScreenService;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.protocol.ScreenState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A screen as the API shows it: what the screens feature knows (registration, set-up, groups) with
 * what other features know of it (its playlist, latest delivery, last refusals, health).
 */
public final class ScreenViews implements ScreenService.Describer<ScreenViews.ScreenView> {
  /**
   * A screen as the API shows it: registration, health, where its schedule stands, and the last
   * messages it refused (newest first; their detail is untrusted text a console must escape); when it arrived
   * at its gate (paired, moved) and was left to wait for the next publish, why ({@code waitsForPublish}).
   */
  public record ScreenView(String id, String name, String clusterId, String location, String resolution, String orientation,
      List<String> languages, List<String> tags, List<String> groups, Instant revokedAt, ScreenState state,
      Instant lastSeenAt, Long appliedVersion, String currentContentId, long publishedVersion, Delivery latestDelivery,
      List<String> playlist, List<RejectionRecord> recentRejections, FleetHealth.HealthView health,
      WaitsForPublish waitsForPublish) {}

  /** Why a screen that arrived at its gate waits for the next publish, and since when. */
  public record WaitsForPublish(String reason, Instant since) {}

  /** Why a screen waits for the next publish, if it does ({@link Arrivals#waiting}). */
  public interface WaitingScreens {
    Optional<Arrivals.Waiting> waiting(String screenId, long publishedVersion);
  }

  /** Enough to see an attack or a stale broker at a glance; older ones stay in the store. */
  private static final int RECENT_REJECTIONS = 10;

  private final Clock clock;
  private final ScreenSetupRepository setups;
  private final GroupRepository groups;
  private final ScreenPlaylistRepository playlists;
  private final DeliveryRepository deliveries;
  private final RejectionRepository rejections;
  private final FleetHealth health;
  private final WaitingScreens waiting;

  public ScreenViews(Clock clock, ScreenSetupRepository setups, GroupRepository groups, ScreenPlaylistRepository playlists,
      DeliveryRepository deliveries, RejectionRepository rejections, FleetHealth health, WaitingScreens waiting) {
    this.clock = clock;
    this.setups = setups;
    this.groups = groups;
    this.playlists = playlists;
    this.deliveries = deliveries;
    this.rejections = rejections;
    this.health = health;
    this.waiting = waiting;
  }

  @Override
  public ScreenView describe(Connection c, RegisteredScreen screen) throws SQLException {
    List<String> playlist = playlists.of(c, screen.id());
    ScreenSetup setup = setups.find(c, screen.id()).orElseThrow();
    return new ScreenView(screen.id(), screen.name(), setup.clusterId(), setup.location(), setup.resolution(),
        setup.orientation(), setup.languages(), setup.tags(), groups.groupsOf(c, screen.id()), setup.revokedAt(),
        screen.state(), screen.lastSeenAt(), screen.appliedVersion(),
        screen.currentContentId(), screen.publishedVersion(), deliveries.latest(c, screen.id()).orElse(null), playlist,
        rejections.recent(c, screen.id(), RECENT_REJECTIONS), health.view(c, screen, clock.instant()),
        setup.revoked() ? null : waiting.waiting(screen.id(), screen.publishedVersion())
            .map(w -> new WaitsForPublish(w.reason().name(), w.since())).orElse(null));
  }
}
