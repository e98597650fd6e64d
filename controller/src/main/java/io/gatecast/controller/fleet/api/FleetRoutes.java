package io.gatecast.controller.fleet.api;

import io.gatecast.controller.audit.AuditLog;

import io.gatecast.controller.commands.CommandService;
import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.reports.PlayReports;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.Command;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.QueryParams;

/**
 * Fleet health over time and remote commands:
 * {@code GET /api/v1/screens/{id}/history}, {@code GET /api/v1/uptime},
 * {@code POST|GET /api/v1/screens/{id}/commands}.
 */
public final class FleetRoutes {
  static final int MAX_HISTORY = 5_000;
  private static final Instant NO_END = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final Database db;
  private final Clock clock;
  private final FleetHealth health;
  private final PlayReports reports;
  private final ClusterDirectory clusters;
  private final CommandService commands;
  private final ScreenRepository screens;

  public FleetRoutes(Database db, Clock clock, FleetHealth health, PlayReports reports, ClusterDirectory clusters,
      CommandService commands, ScreenRepository screens) {
    this.screens = screens;
    this.db = db;
    this.clock = clock;
    this.health = health;
    this.reports = reports;
    this.clusters = clusters;
    this.commands = commands;
  }

  public void mount(Router router) {
    router.get("/api/v1/screens/:id/history").handler(ctx -> {
      String id = ctx.pathParam("id");
      Instant to = QueryParams.optional(ctx, "to") == null ? NO_END : QueryParams.instant(ctx, "to");
      Instant from = QueryParams.optional(ctx, "from") == null ? Instant.EPOCH : QueryParams.instant(ctx, "from");
      db.transaction(c -> {
        if (!screens.exists(c, id)) {
          throw Refusal.of(Kind.NOT_FOUND, "no screen " + id);
        }
        return Map.of("screenId", id, "changes", health.history(c, id, from, to, MAX_HISTORY));
      }).onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail);
    });
    router.get("/api/v1/uptime").handler(ctx -> {
      Instant[] period = QueryParams.period(ctx);
      String clusterId = QueryParams.optional(ctx, "clusterId");
      db.transaction(c -> {
        if (clusterId != null && !clusters.exists(c, clusterId)) {
          throw Refusal.of(Kind.NOT_FOUND, "no cluster " + clusterId);
        }
        return reports.uptime(c, period[0], period[1], clusterId, clock.instant());
      }).onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail);
    });
    router.post("/api/v1/screens/:id/commands").handler(ctx -> {
      IssueCommand request = Json.read(ctx, IssueCommand.class);
      String screenId = ctx.pathParam("id");
      commands.issue(screenId, request.kind(), request.durationSeconds())
          // Who told a screen to restart or clear its cache is in the audit log like every other change.
          .compose(command -> db.transaction(c -> {
            new AuditLog(clock).record(c, AuthHandler.user(ctx).username(), "command", "screen", screenId, null,
                command);
            return command;
          }))
          .onSuccess(command -> Json.send(ctx, 202, command))
          .onFailure(ctx::fail);
    });
    router.get("/api/v1/screens/:id/commands").handler(ctx -> commands.list(ctx.pathParam("id"))
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
