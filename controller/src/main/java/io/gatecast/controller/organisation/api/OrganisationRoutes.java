package io.gatecast.controller.organisation.api;

import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.PortableIds;
import io.gatecast.controller.organisation.OperatingHours;
import io.gatecast.controller.organisation.OrganisationService;
import io.gatecast.controller.organisation.api.OrganisationRequests.ClusterBody;
import io.gatecast.controller.organisation.api.OrganisationRequests.GroupBody;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Clusters (border gates) and screen groups; the rules are {@link OrganisationService}'s. Screens
 * themselves are in {@code screens.api.ScreenRoutes}.
 */
public final class OrganisationRoutes {
  private final OrganisationService service;

  /** {@code {"opens":"06:00","closes":"22:00"}}, local times of the gate; closes before opens spans midnight. */
  public record HoursBody(String opens, String closes) {
    OperatingHours toHours() {
      LocalTime open = time(opens, "opens");
      LocalTime close = time(closes, "closes");
      try {
        return new OperatingHours(open, close);
      } catch (IllegalArgumentException e) {
        throw Refusal.of(Kind.BAD_INPUT, e.getMessage());
      }
    }

    private static LocalTime time(String value, String field) {
      if (value == null || !value.matches("\\d{2}:\\d{2}")) {
        throw Refusal.of(Kind.BAD_INPUT, field + " must be a local time HH:MM such as 06:00, got "
            + (value == null ? "nothing" : "'" + value + "'"));
      }
      try {
        return LocalTime.parse(value);
      } catch (DateTimeParseException e) {
        throw Refusal.of(Kind.BAD_INPUT, field + " is not a time of day: '" + value + "'");
      }
    }
  }

  public OrganisationRoutes(OrganisationService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.get("/api/v1/clusters").handler(ctx -> answer(ctx, 200, service.clusters()));
    router.get("/api/v1/clusters/:id").handler(ctx -> answer(ctx, 200, service.cluster(ctx.pathParam("id"))));
    router.post("/api/v1/clusters").handler(ctx -> {
      ClusterBody body = Json.read(ctx, ClusterBody.class);
      requireNewId(body.id());
      answer(ctx, 201, service.createCluster(actor(ctx), body.toCluster(body.id())));
    });
    router.put("/api/v1/clusters/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      ClusterBody body = Json.read(ctx, ClusterBody.class);
      sameId(body.id(), id);
      answer(ctx, 200, service.updateCluster(actor(ctx), body.toCluster(id)));
    });
    router.delete("/api/v1/clusters/:id").handler(ctx ->
        answer(ctx, 200, service.deleteCluster(actor(ctx), ctx.pathParam("id"))));

    // When the gate is open, in its own zone: technicians are notified only then. No hours: never closes.
    router.get("/api/v1/clusters/:id/operating-hours").handler(ctx ->
        answer(ctx, 200, service.hoursOf(ctx.pathParam("id"))));
    router.put("/api/v1/clusters/:id/operating-hours").handler(ctx -> {
      String id = ctx.pathParam("id");
      OperatingHours set = Json.read(ctx, HoursBody.class).toHours();
      answer(ctx, 200, service.setHours(actor(ctx), id, set));
    });
    router.delete("/api/v1/clusters/:id/operating-hours").handler(ctx ->
        answer(ctx, 200, service.clearHours(actor(ctx), ctx.pathParam("id"))));

    router.get("/api/v1/groups").handler(ctx -> answer(ctx, 200, service.groups()));
    router.get("/api/v1/groups/:id").handler(ctx -> answer(ctx, 200, service.group(ctx.pathParam("id"))));
    router.post("/api/v1/groups").handler(ctx -> {
      GroupBody body = Json.read(ctx, GroupBody.class);
      requireNewId(body.id());
      answer(ctx, 201, service.createGroup(actor(ctx), body.id(), body.name(), body.screenIds()));
    });
    router.put("/api/v1/groups/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      GroupBody body = Json.read(ctx, GroupBody.class);
      sameId(body.id(), id);
      answer(ctx, 200, service.updateGroup(actor(ctx), id, body.name(), body.screenIds()));
    });
    router.delete("/api/v1/groups/:id").handler(ctx ->
        answer(ctx, 200, service.deleteGroup(actor(ctx), ctx.pathParam("id"))));
  }

  /** A body that creates something names it, with an id that travels (see {@link PortableIds}). */
  private static void requireNewId(String id) {
    if (id == null) {
      throw Refusal.of(Kind.BAD_INPUT, "id is required");
    }
    PortableIds.require(id, "id");
  }

  /** A body may repeat the path's id, but not name another. */
  public static void sameId(String bodyId, String pathId) {
    if (bodyId != null && !bodyId.equals(pathId)) {
      throw Refusal.of(Kind.BAD_INPUT,
          "id " + bodyId + " differs from the id in the path (" + pathId + "); ids cannot be changed");
    }
  }

  private static String actor(RoutingContext ctx) {
    return AuthHandler.user(ctx).username();
  }

  private static <T> void answer(RoutingContext ctx, int status, Future<T> result) {
    result.onSuccess(body -> Json.send(ctx, status, body)).onFailure(ctx::fail);
  }
}
