package io.gatecast.controller.alerts.api;

import io.gatecast.controller.alerts.AlertService;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/**
 * Urgent alerts: {@code POST /api/v1/alerts} sends a notice to clusters at once,
 * {@code GET /api/v1/alerts} lists active and past ones, {@code POST /api/v1/alerts/{id}/clear}
 * ends one early.
 */
public final class AlertRoutes {
  /** Most clusters one alert may name (a national fleet has about a hundred gates). */
  static final int MAX_CLUSTERS = 1000;

  /** The body of {@code POST /api/v1/alerts}; checks itself and names the field it refuses. */
  public record CreateAlert(List<String> clusterIds, Map<String, String> text, Instant expiresAt) {
    public CreateAlert {
      clusterIds = Check.list(clusterIds, "clusterIds", MAX_CLUSTERS);
      if (clusterIds.isEmpty()) {
        throw new IllegalArgumentException("clusterIds must name at least one cluster");
      }
      for (int i = 0; i < clusterIds.size(); i++) {
        Check.id(clusterIds.get(i), "clusterIds[" + i + "]");
      }
      clusterIds = List.copyOf(new LinkedHashSet<>(clusterIds));
      Check.required(text, "text");
      if (text.isEmpty() || text.size() > Limits.MAX_LANGUAGES) {
        throw new IllegalArgumentException("text must hold 1 to " + Limits.MAX_LANGUAGES + " languages, got "
            + text.size());
      }
      for (Map.Entry<String, String> line : text.entrySet()) {
        Check.languageTag(line.getKey(), "text key");
        Check.humanText(line.getValue(), "text." + line.getKey(), Limits.MAX_LINE_LENGTH);
      }
      if (!text.containsKey("vi")) {
        throw new IllegalArgumentException("text must include vi: every screen at a gate shows Vietnamese, got "
            + text.keySet());
      }
      text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
      Check.required(expiresAt, "expiresAt");
    }
  }

  private final AlertService alerts;

  public AlertRoutes(AlertService alerts) {
    this.alerts = alerts;
  }

  public void mount(Router router) {
    router.post("/api/v1/alerts").handler(ctx -> {
      CreateAlert request = Json.read(ctx, CreateAlert.class);
      alerts.create(AuthHandler.user(ctx).username(), request.clusterIds(), request.text(), request.expiresAt())
          .onSuccess(sent -> Json.send(ctx, 201, sent)).onFailure(e -> fail(ctx, e));
    });
    router.get("/api/v1/alerts").handler(ctx ->
        alerts.all().onSuccess(all -> Json.send(ctx, 200, all)).onFailure(e -> fail(ctx, e)));
    router.get("/api/v1/alerts/:id").handler(ctx ->
        alerts.find(ctx.pathParam("id")).onSuccess(alert -> Json.send(ctx, 200, alert)).onFailure(e -> fail(ctx, e)));
    router.post("/api/v1/alerts/:id/clear").handler(ctx ->
        alerts.clear(AuthHandler.user(ctx).username(), ctx.pathParam("id")).onSuccess(sent -> Json.send(ctx, 200, sent))
            .onFailure(e -> fail(ctx, e)));
  }

  private static void fail(RoutingContext ctx, Throwable failure) {
    ctx.fail(failure);
  }
}
