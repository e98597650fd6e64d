package io.gatecast.controller.http;

import io.gatecast.controller.health.ControllerHealth;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: {@code 200 {"status":"UP"}}, or {@code 503 {"status":"DEGRADED","problems":[...]}}
 * with each problem's reason in words and since when — e.g. a subscription the broker refused,
 * which otherwise leaves every screen PENDING/OFFLINE without a sign. Open to all (a load balancer's
 * check), and says nothing a screen or a stranger could use beyond what is broken.
 */
public final class HealthRoute {
  private final ControllerHealth health;

  public HealthRoute(ControllerHealth health) {
    this.health = health;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> {
      if (health.healthy()) {
        Json.send(ctx, 200, Map.of("status", "UP"));
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", "DEGRADED");
      body.put("problems", health.problems().stream().map(p -> Map.of("reason", p.reason(),
          "since", p.since().toString())).toList());
      Json.send(ctx, 503, body);
    });
  }
}
