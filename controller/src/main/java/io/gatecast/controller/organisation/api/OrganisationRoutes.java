package io.gatecast.controller.organisation.api;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.organisation.OperatingHours;
import io.gatecast.controller.organisation.OperatingHoursRepository;
import io.gatecast.controller.organisation.api.OrganisationRequests.ClusterBody;
import io.gatecast.controller.organisation.api.OrganisationRequests.GroupBody;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.http.ApiException;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.PortableIds;

/**
 * Clusters (border gates) and screen groups. Screens themselves are in {@link ScreenRoutes}. Every
 * change is one transaction; a refused one stores nothing. A change that alters screens' profiles
 * (a cluster's zone or languages, a group's members) reaches them with the next publish.
 */
public final class OrganisationRoutes {
  private final Database db;
  private final Clock clock;
  private final ClusterRepository clusters = new ClusterRepository();
  private final io.gatecast.controller.playlists.NamedPlaylistRepository playlists =
      new io.gatecast.controller.playlists.NamedPlaylistRepository();
  private final GroupRepository groups = new GroupRepository();
  private final OperatingHoursRepository hours = new OperatingHoursRepository();

  /** A gate's hours as the API shows them; {@code alwaysOpen} when none are set. */
  public record HoursView(String clusterId, String opens, String closes, boolean alwaysOpen) {
    static HoursView of(String clusterId, OperatingHours hours) {
      return hours == null ? new HoursView(clusterId, null, null, true)
          : new HoursView(clusterId, hours.opens().toString(), hours.closes().toString(), false);
    }
  }

  /** {@code {"opens":"06:00","closes":"22:00"}}, local times of the gate; closes before opens spans midnight. */
  public record HoursBody(String opens, String closes) {
    OperatingHours toHours() {
      java.time.LocalTime open = time(opens, "opens");
      java.time.LocalTime close = time(closes, "closes");
      try {
        return new OperatingHours(open, close);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
    }

    private static java.time.LocalTime time(String value, String field) {
      if (value == null || !value.matches("\\d{2}:\\d{2}")) {
        throw ApiException.badRequest(field + " must be a local time HH:MM such as 06:00, got "
            + (value == null ? "nothing" : "'" + value + "'"));
      }
      try {
        return java.time.LocalTime.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        throw ApiException.badRequest(field + " is not a time of day: '" + value + "'");
      }
    }
  }
  private final ScreenRepository screens = new ScreenRepository();

  private final AuditLog audit;

  public OrganisationRoutes(Database db, Clock clock, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
  }

  private static String actor(io.vertx.ext.web.RoutingContext ctx) {
    return AuthHandler.user(ctx).username();
  }

  /** A gate's default playlist must be a stored playlist (its approved items are what the gate's screens fill with). */
  private void defaultPlaylistExists(java.sql.Connection c, String playlistId) throws java.sql.SQLException {
    if (playlistId != null && !playlists.exists(c, playlistId)) {
      throw Refusal.badInput("UNKNOWN_PLAYLIST", "defaultPlaylistId names playlist " + playlistId
          + " that does not exist", java.util.Map.of("field", "defaultPlaylistId", "value", playlistId));
    }
  }

  public void mount(Router router) {
    router.get("/api/v1/clusters").handler(ctx -> answer(ctx, 200, db.transaction(clusters::all)));
    router.get("/api/v1/clusters/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      answer(ctx, 200, db.transaction(c -> clusters.find(c, id).orElseThrow(() -> noCluster(id))));
    });
    router.post("/api/v1/clusters").handler(ctx -> {
      ClusterBody body = Json.read(ctx, ClusterBody.class);
      if (body.id() == null) {
        throw ApiException.badRequest("id is required");
      }
      PortableIds.require(body.id(), "id");
      answer(ctx, 201, db.transaction(c -> {
        if (clusters.exists(c, body.id())) {
          throw new ApiException(409, "a cluster with id " + body.id() + " already exists");
        }
        defaultPlaylistExists(c, body.defaultPlaylistId());
        clusters.insert(c, body.toCluster(body.id()), clock.instant());
        Cluster made = clusters.find(c, body.id()).orElseThrow();
        audit.record(c, actor(ctx), "create", "cluster", body.id(), null, made);
        return made;
      }));
    });
    router.put("/api/v1/clusters/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      ClusterBody body = Json.read(ctx, ClusterBody.class);
      sameId(body.id(), id);
      answer(ctx, 200, db.transaction(c -> {
        Cluster before = clusters.find(c, id).orElseThrow(() -> noCluster(id));
        defaultPlaylistExists(c, body.defaultPlaylistId());
        clusters.update(c, body.toCluster(id));
        Cluster after = clusters.find(c, id).orElseThrow();
        audit.record(c, actor(ctx), "update", "cluster", id, before, after);
        return after;
      }));
    });
    router.delete("/api/v1/clusters/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      answer(ctx, 200, db.transaction(c -> {
        if (id.equals(Cluster.DEFAULT_ID)) {
          throw new ApiException(409, "the default cluster cannot be deleted");
        }
        if (!clusters.exists(c, id)) {
          throw noCluster(id);
        }
        int count = clusters.screenCount(c, id);
        if (count > 0) {
          throw new ApiException(409, "cluster " + id + " still has " + count + " screen(s); move them first");
        }
        audit.record(c, actor(ctx), "delete", "cluster", id, clusters.find(c, id).orElseThrow(), null);
        clusters.delete(c, id);
        return Map.of("deleted", id);
      }));
    });

    // When the gate is open, in its own zone: technicians are notified only then. No hours: never closes.
    router.get("/api/v1/clusters/:id/operating-hours").handler(ctx -> {
      String id = ctx.pathParam("id");
      answer(ctx, 200, db.transaction(c -> {
        if (!clusters.exists(c, id)) {
          throw noCluster(id);
        }
        return HoursView.of(id, hours.find(c, id).orElse(null));
      }));
    });
    router.put("/api/v1/clusters/:id/operating-hours").handler(ctx -> {
      String id = ctx.pathParam("id");
      OperatingHours set = Json.read(ctx, HoursBody.class).toHours();
      answer(ctx, 200, db.transaction(c -> {
        if (!clusters.exists(c, id)) {
          throw noCluster(id);
        }
        HoursView before = HoursView.of(id, hours.find(c, id).orElse(null));
        hours.set(c, id, set);
        HoursView after = HoursView.of(id, set);
        audit.record(c, actor(ctx), "set-operating-hours", "cluster", id, before, after);
        return after;
      }));
    });
    router.delete("/api/v1/clusters/:id/operating-hours").handler(ctx -> {
      String id = ctx.pathParam("id");
      answer(ctx, 200, db.transaction(c -> {
        if (!clusters.exists(c, id)) {
          throw noCluster(id);
        }
        HoursView before = HoursView.of(id, hours.find(c, id).orElse(null));
        hours.clear(c, id);
        audit.record(c, actor(ctx), "clear-operating-hours", "cluster", id, before, HoursView.of(id, null));
        return HoursView.of(id, null);
      }));
    });

    router.get("/api/v1/groups").handler(ctx -> answer(ctx, 200, db.transaction(groups::all)));
    router.get("/api/v1/groups/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      answer(ctx, 200, db.transaction(c -> groups.find(c, id).orElseThrow(() -> noGroup(id))));
    });
    router.post("/api/v1/groups").handler(ctx -> {
      GroupBody body = Json.read(ctx, GroupBody.class);
      if (body.id() == null) {
        throw ApiException.badRequest("id is required");
      }
      PortableIds.require(body.id(), "id");
      answer(ctx, 201, db.transaction(c -> {
        if (groups.exists(c, body.id())) {
          throw new ApiException(409, "a group with id " + body.id() + " already exists");
        }
        checkScreensExist(c, body.screenIds());
        groups.insert(c, body.id(), body.name(), clock.instant());
        groups.setMembers(c, body.id(), body.screenIds());
        var made = groups.find(c, body.id()).orElseThrow();
        audit.record(c, actor(ctx), "create", "group", body.id(), null, made);
        return made;
      }));
    });
    router.put("/api/v1/groups/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      GroupBody body = Json.read(ctx, GroupBody.class);
      sameId(body.id(), id);
      answer(ctx, 200, db.transaction(c -> {
        var before = groups.find(c, id).orElseThrow(() -> noGroup(id));
        checkScreensExist(c, body.screenIds());
        groups.rename(c, id, body.name());
        groups.setMembers(c, id, body.screenIds());
        var after = groups.find(c, id).orElseThrow();
        audit.record(c, actor(ctx), "update", "group", id, before, after);
        return after;
      }));
    });
    router.delete("/api/v1/groups/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      answer(ctx, 200, db.transaction(c -> {
        var before = groups.find(c, id).orElseThrow(() -> noGroup(id));
        groups.delete(c, id);
        audit.record(c, actor(ctx), "delete", "group", id, before, null);
        return Map.of("deleted", id);
      }));
    });
  }

  private void checkScreensExist(Connection c, List<String> screenIds) throws SQLException {
    List<String> unknown = screens.unknown(c, screenIds);
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("screenIds name screens that are not registered: " + unknown);
    }
  }

  /** A body may repeat the path's id, but not name another. */
  public static void sameId(String bodyId, String pathId) {
    if (bodyId != null && !bodyId.equals(pathId)) {
      throw ApiException.badRequest("id " + bodyId + " differs from the id in the path (" + pathId + "); ids cannot be changed");
    }
  }

  private static ApiException noCluster(String id) {
    return ApiException.notFound("no cluster " + id);
  }

  private static ApiException noGroup(String id) {
    return ApiException.notFound("no group " + id);
  }

  private static <T> void answer(RoutingContext ctx, int status, Future<T> result) {
    result.onSuccess(body -> Json.send(ctx, status, body)).onFailure(ctx::fail);
  }
}
