package io.gatecast.controller.http;

import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.fleet.HealthRepository;
import io.vertx.ext.web.Router;

/** {@code GET /metrics}: Prometheus text format; the connected-screens gauge is read from the store at each scrape. */
public final class MetricsRoute {
  private final Database db;
  private final Metrics metrics;
  private final HealthRepository health;

  public MetricsRoute(Database db, Metrics metrics, HealthRepository health) {
    this.health = health;
    this.db = db;
    this.metrics = metrics;
  }

  public void mount(Router router) {
    router.get("/metrics").handler(ctx -> db.transaction(health::countOnline)
        .onSuccess(online -> {
          metrics.connectedScreens(online);
          ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
        })
        .onFailure(ctx::fail));
  }
}
