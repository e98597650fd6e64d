package io.gatecast.controller.fleet.api;

import io.gatecast.controller.fleet.FleetService;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.Command;
import io.vertx.ext.web.Router;
import java.time.Instant;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.QueryParams;

/**
 * Fleet health over time and remote commands:
 * {@code GET /api/v1/screens/{id}/history}, {@code GET /api/v1/uptime},
 * {@code POST|GET /api/v1/screens/{id}/commands}.
 */
public final class FleetRoutes {
  private static final Instant NO_END = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final FleetService<?> fleet;

  public FleetRoutes(FleetService<?> fleet) {
    this.fleet = fleet;
  }

  public void mount(Router router) {
    router.get("/api/v1/screens/:id/history").handler(ctx -> {
      String id = ctx.pathParam("id");
      Instant to = QueryParams.optional(ctx, "to") == null ? NO_END : QueryParams.instant(ctx, "to");
      Instant from = QueryParams.optional(ctx, "from") == null ? Instant.EPOCH : QueryParams.instant(ctx, "from");
      fleet.history(id, from, to).onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail);
    });
    router.get("/api/v1/uptime").handler(ctx -> {
      Instant[] period = QueryParams.period(ctx);
      String clusterId = QueryParams.optional(ctx, "clusterId");
      fleet.uptime(period[0], period[1], clusterId).onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail);
    });
    router.post("/api/v1/screens/:id/commands").handler(ctx -> {
      IssueCommand request = Json.read(ctx, IssueCommand.class);
      String screenId = ctx.pathParam("id");
      fleet.issueCommand(AuthHandler.user(ctx).username(), screenId, request.kind(), request.durationSeconds())
          .onSuccess(command -> Json.send(ctx, 202, command))
          .onFailure(ctx::fail);
    });
    router.get("/api/v1/screens/:id/commands").handler(ctx -> fleet.commands(ctx.pathParam("id"))
        .onSuccess(list -> Json.send(ctx, 200, list))
        .onFailure(ctx::fail));
  }

  /** {@code {"kind": "SCREENSHOT|RELOAD|RESTART|IDENTIFY|CLEAR_CACHE", "durationSeconds"?: 1..600 (IDENTIFY only)}} */
  public record IssueCommand(Command.Kind kind, Integer durationSeconds) {
    public IssueCommand {
      Check.required(kind, "kind");
      if (durationSeconds != null) {
        if (kind != Command.Kind.IDENTIFY) {
          throw new IllegalArgumentException("durationSeconds is only for IDENTIFY");
        }
        Check.between(durationSeconds, 1, Command.MAX_IDENTIFY_SECONDS, "durationSeconds");
      }
    }
  }
}
