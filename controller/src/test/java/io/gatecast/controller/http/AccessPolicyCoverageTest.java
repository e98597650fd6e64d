package io.gatecast.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.auth.AccessPolicy;
import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.fleet.StoredClusters;
import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.publish.OrganisationDirectory;
import io.gatecast.controller.reports.PlayReports;
import io.gatecast.controller.screenshots.ScreenshotStore;
import io.gatecast.controller.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.gatecast.controller.FleetParts;
import io.gatecast.controller.HttpApi;

/** Every API route the router mounts has its own row in the policy table, and every row a route. */
class AccessPolicyCoverageTest {
  @Test
  void theTableAndTheRouterAgree(@TempDir Path tmp) {
    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, tmp.resolve("gatecast.db"));
    try {
      // Only the routes are looked at: the services behind them are never called.
      StoredClusters clusters = new StoredClusters();
      FleetHealth health = new FleetHealth(clusters);
      FleetParts fleet = new FleetParts(clusters, health, new PlayReports(clusters, health), null,
          new ScreenshotStore(tmp.resolve("screenshots")), new Metrics());
      Router router = HttpApi.router(vertx, db, new MediaStore(tmp.resolve("media")), null,
          new RulesBuilder(new OrganisationDirectory()), null,
          Clock.systemUTC(), 1024, null, () -> null, null, fleet);
      List<String> mounted = new ArrayList<>();
      for (Route route : router.getRoutes()) {
        String path = route.getPath();
        if (path == null || !path.startsWith("/api/v1/") || route.methods() == null || route.methods().isEmpty()) {
          continue; // the auth and body handlers, the 404 fallback
        }
        for (HttpMethod method : route.methods()) {
          mounted.add(method.name() + " " + path);
          String concrete = path.replaceAll(":([A-Za-z0-9]+)", "some-$1");
          assertThat(AccessPolicy.find(method.name(), concrete)).as(method + " " + path)
              .hasValueSatisfying(rule -> assertThat(rule.path()).isEqualTo(path));
        }
      }
      assertThat(mounted).containsExactlyInAnyOrderElementsOf(
          AccessPolicy.RULES.stream().map(r -> r.method() + " " + r.path()).toList());
    } finally {
      db.close();
      vertx.close().await();
    }
  }
}
