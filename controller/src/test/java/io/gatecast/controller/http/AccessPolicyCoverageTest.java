package io.gatecast.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.auth.AccessPolicy;
import io.gatecast.controller.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every API route the router mounts has its own row in the policy table, and every row a route. */
class AccessPolicyCoverageTest {
  @Test
  void theTableAndTheRouterAgree(@TempDir Path tmp) {
    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, tmp.resolve("gatecast.db"));
    try {
      // Only the routes are looked at: the services behind them are never called.
      Router router = RoutesOnly.router(vertx, db, tmp);
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
