package io.gatecast.controller.http;

import io.gatecast.controller.HttpApi;
import io.gatecast.controller.Repositories;
import io.gatecast.controller.Services;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.fleet.StoredClusters;
import io.gatecast.controller.health.ControllerHealth;
import io.gatecast.controller.live.ChangeFeed;
import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.store.Database;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The controller's router for tests that only look at its routes (paths, methods, policy rows): the
 * services that do not open anything are real, the others (alerts, key rotations, the feature
 * services) are null, as nothing behind a route is called.
 */
final class RoutesOnly {
  private RoutesOnly() {}

  static Router router(Vertx vertx, Database db, Path tmp) {
    Clock clock = Clock.systemUTC();
    Repositories r = Repositories.create();
    DomainEvents events = new DomainEvents();
    StoredClusters clusters = new StoredClusters(r.clusters(), r.hours());
    FleetHealth health = new FleetHealth(clusters, r.screens(), r.health(), r.clocks());
    return HttpApi.router(new Services(vertx, clock, db, new MediaStore(tmp.resolve("media")), 1024, r,
        new Metrics(), new ControllerHealth(clock), clusters, health, null, null,
        null, null, null, null, null, new ChangeFeed(vertx, events),
        null, null, null, null, null, null, null, null, null, null, null, null, null, null));
  }
}
