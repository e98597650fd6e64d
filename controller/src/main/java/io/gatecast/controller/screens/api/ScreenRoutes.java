package io.gatecast.controller.screens.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.controller.broker.ScreenAccess;
import io.gatecast.controller.organisation.api.OrganisationRequests.ScreenBody;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.publish.Delivery;
import io.gatecast.controller.publish.DeliveryRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.playlists.ScreenPlaylistRepository;
import io.gatecast.controller.fleet.RejectionRecord;
import io.gatecast.controller.fleet.RejectionRepository;
import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.ScreenState;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.http.ApiException;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.PortableIds;
import io.gatecast.controller.organisation.api.OrganisationRoutes;

/** Screens: registration and set-up, revocation, MQTT passwords, and their health. */
public final class ScreenRoutes {
  /**
   * A screen as the API shows it: registration, health, where its schedule stands, and the last
   * messages it refused (newest first; their detail is untrusted text a console must escape).
   */
  public record ScreenView(String id, String name, String clusterId, String location, String resolution, String orientation,
      List<String> languages, List<String> tags, List<String> groups, Instant revokedAt, ScreenState state,
      Instant lastSeenAt, Long appliedVersion, String currentContentId, long publishedVersion, Delivery latestDelivery,
      List<String> playlist, List<RejectionRecord> recentRejections, FleetHealth.HealthView health) {}

  /** Enough to see an attack or a stale broker at a glance; older ones stay in the store. */
  private static final int RECENT_REJECTIONS = 10;

  private final Database db;
  private final Clock clock;
  private final ScreenAccess access;
  private final ScreenRepository screens = new ScreenRepository();
  private final ScreenSetupRepository setups = new ScreenSetupRepository();
  private final ClusterRepository clusters = new ClusterRepository();
  private final GroupRepository groups = new GroupRepository();
  private final ScreenPlaylistRepository playlists = new ScreenPlaylistRepository();
  private final DeliveryRepository deliveries = new DeliveryRepository();
  private final RejectionRepository rejections = new RejectionRepository();

  private final FleetHealth health;
  private final AuditLog audit;

  public ScreenRoutes(Database db, Clock clock, ScreenAccess access, FleetHealth health, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.access = access;
    this.health = health;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.post("/api/v1/screens").handler(ctx -> {
      ScreenBody request = Json.read(ctx, ScreenBody.class);
      if (request.id() == null) {
        throw ApiException.badRequest("id is required");
      }
      PortableIds.require(request.id(), "id");
      db.transaction(c -> {
        if (screens.exists(c, request.id())) {
          throw new ApiException(409, "a screen with id " + request.id() + " is already registered");
        }
        if (request.id().equals(ControllerCredentials.USERNAME)) {
          throw ApiException.badRequest("the id " + request.id() + " is the controller's MQTT username; choose another");
        }
        checkPlacement(c, request);
        screens.insert(c, request.id(), request.name() == null ? request.id() : request.name(), clock.instant());
        setups.update(c, request.id(), request.toSetup());
        groups.setGroupsOf(c, request.id(), request.groups());
        String password = newMqttPassword(c, request.id());
        ScreenView registered = view(c, screens.find(c, request.id()).orElseThrow());
        audit.record(c, AuthHandler.user(ctx).username(), "register", "screen", request.id(), null, registered);
        return withPassword(registered, password);
      }).onSuccess(body -> Json.send(ctx, 201, body)).onFailure(ctx::fail);
    });
    // Everything an operator sets up: cluster, place, languages, tags, groups. The next publish sends the new profile.
    router.put("/api/v1/screens/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      ScreenBody request = Json.read(ctx, ScreenBody.class);
      OrganisationRoutes.sameId(request.id(), id);
      db.transaction(c -> {
        RegisteredScreen screen = screens.find(c, id).orElseThrow(() -> ApiException.notFound("no screen " + id));
        checkPlacement(c, request);
        ScreenView before = view(c, screen);
        if (request.name() != null) {
          screens.rename(c, id, request.name());
        }
        setups.update(c, id, request.toSetup());
        groups.setGroupsOf(c, id, request.groups());
        ScreenView after = view(c, screens.find(c, id).orElse(screen));
        audit.record(c, AuthHandler.user(ctx).username(), "update", "screen", id, before, after);
        return after;
      }).onSuccess(view -> {
        access.moved(id, view.clusterId());
        Json.send(ctx, 200, view);
      }).onFailure(ctx::fail);
    });
    // Revocation: the login stops working, open sessions are dropped, nothing more is published to it.
    // DELETE does the same: the screen's history (deliveries, refusals) is evidence and stays.
    router.post("/api/v1/screens/:id/revoke").handler(this::revoke);
    router.delete("/api/v1/screens/:id").handler(this::revoke);
    // Rotation: the old password stops working for new logins at once; the new one is shown only here.
    router.post("/api/v1/screens/:id/mqtt-password").handler(ctx -> {
      String id = ctx.pathParam("id");
      db.transaction(c -> {
        if (!screens.exists(c, id)) {
          throw ApiException.notFound("no screen " + id);
        }
        if (setups.find(c, id).orElseThrow().revoked()) {
          throw new ApiException(409, "screen " + id + " is revoked; enroll it again to give it a login");
        }
        String password = newMqttPassword(c, id);
        audit.record(c, AuthHandler.user(ctx).username(), "rotate-mqtt-password", "screen", id, null, null);
        return Map.of("id", id, "mqttPassword", password);
      }).onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail);
    });
    router.get("/api/v1/screens").handler(ctx -> db.transaction(c -> {
      List<ScreenView> views = new ArrayList<>();
      for (RegisteredScreen screen : screens.all(c)) {
        views.add(view(c, screen));
      }
      return views;
    }).onSuccess(views -> Json.send(ctx, 200, views)).onFailure(ctx::fail));
    router.get("/api/v1/screens/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      db.transaction(c -> {
        RegisteredScreen screen = screens.find(c, id).orElseThrow(() -> ApiException.notFound("no screen " + id));
        return view(c, screen);
      }).onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail);
    });
  }

  private void revoke(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    db.transaction(c -> {
      if (!setups.revoke(c, id, clock.instant())) {
        throw ApiException.notFound("no screen " + id);
      }
      audit.record(c, AuthHandler.user(ctx).username(), "revoke", "screen", id, null, null);
      return view(c, screens.find(c, id).orElseThrow());
    }).onSuccess(view -> {
      // After the commit: a login attempted from here on already finds no password.
      access.cutOff(id);
      Json.send(ctx, 200, view);
    }).onFailure(ctx::fail);
  }

  /** The cluster and groups a screen body names must exist. */
  private void checkPlacement(Connection c, ScreenBody request) throws SQLException {
    if (!clusters.exists(c, request.clusterId())) {
      throw ApiException.badRequest("clusterId " + request.clusterId() + " names no cluster");
    }
    List<String> unknownGroups = groups.unknown(c, request.groups());
    if (!unknownGroups.isEmpty()) {
      throw ApiException.badRequest("groups name groups that do not exist: " + unknownGroups);
    }
  }

  /** Makes and stores (hashed) a new MQTT password for the screen; the plain one exists only in the answer. */
  private String newMqttPassword(Connection c, String screenId) throws SQLException {
    String password = PasswordHash.newPassword();
    screens.setPassword(c, screenId, password);
    return password;
  }

  /** The registration answer: the screen as shown everywhere, plus its MQTT password, this once. */
  private static ObjectNode withPassword(ScreenView view, String password) {
    ObjectNode body = Codec.mapper().valueToTree(view);
    body.put("mqttPassword", password);
    return body;
  }

  private ScreenView view(Connection c, RegisteredScreen screen) throws SQLException {
    List<String> playlist = playlists.of(c, screen.id());
    ScreenSetup setup = setups.find(c, screen.id()).orElseThrow();
    return new ScreenView(screen.id(), screen.name(), setup.clusterId(), setup.location(), setup.resolution(),
        setup.orientation(), setup.languages(), setup.tags(), groups.groupsOf(c, screen.id()), setup.revokedAt(),
        screen.state(), screen.lastSeenAt(), screen.appliedVersion(),
        screen.currentContentId(), screen.publishedVersion(), deliveries.latest(c, screen.id()).orElse(null), playlist,
        rejections.recent(c, screen.id(), RECENT_REJECTIONS), health.view(c, screen, clock.instant()));
  }
}
