package io.gatecast.controller.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.Delivery;
import io.gatecast.controller.store.DeliveryRepository;
import io.gatecast.controller.store.PlaylistRepository;
import io.gatecast.controller.store.RejectionRecord;
import io.gatecast.controller.store.RejectionRepository;
import io.gatecast.controller.store.Screen;
import io.gatecast.controller.store.ScreenRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.ScreenState;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Screens: registration, MQTT passwords, and their health. */
final class ScreenRoutes {
  /**
   * A screen as the API shows it: registration, health, where its schedule stands, and the last
   * messages it refused (newest first; their detail is untrusted text a console must escape).
   */
  record ScreenView(String id, String name, ScreenState state, Instant lastSeenAt, Long appliedVersion,
      String currentContentId, long publishedVersion, Delivery latestDelivery, List<String> playlist,
      List<RejectionRecord> recentRejections) {}

  /** Enough to see an attack or a stale broker at a glance; older ones stay in the store. */
  private static final int RECENT_REJECTIONS = 10;

  private final Database db;
  private final Clock clock;
  private final ScreenRepository screens = new ScreenRepository();
  private final PlaylistRepository playlists = new PlaylistRepository();
  private final DeliveryRepository deliveries = new DeliveryRepository();
  private final RejectionRepository rejections = new RejectionRepository();

  private final AuditLog audit;

  ScreenRoutes(Database db, Clock clock, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
  }

  void mount(Router router) {
    router.post("/api/v1/screens").handler(ctx -> {
      Requests.RegisterScreen request = Json.read(ctx, Requests.RegisterScreen.class);
      db.transaction(c -> {
        if (screens.exists(c, request.id())) {
          throw new ApiException(409, "a screen with id " + request.id() + " is already registered");
        }
        if (request.id().equals(ControllerCredentials.USERNAME)) {
          throw ApiException.badRequest("the id " + request.id() + " is the controller's MQTT username; choose another");
        }
        screens.insert(c, request.id(), request.name(), clock.instant());
        String password = newMqttPassword(c, request.id());
        ScreenView registered = view(c, screens.find(c, request.id()).orElseThrow());
        audit.record(c, AuthHandler.user(ctx).username(), "register", "screen", request.id(), null, registered);
        return withPassword(registered, password);
      }).onSuccess(body -> Json.send(ctx, 201, body)).onFailure(ctx::fail);
    });
    // Rotation: the old password stops working for new logins at once; the new one is shown only here.
    router.post("/api/v1/screens/:id/mqtt-password").handler(ctx -> {
      String id = ctx.pathParam("id");
      db.transaction(c -> {
        if (!screens.exists(c, id)) {
          throw ApiException.notFound("no screen " + id);
        }
        String password = newMqttPassword(c, id);
        audit.record(c, AuthHandler.user(ctx).username(), "rotate-mqtt-password", "screen", id, null, null);
        return Map.of("id", id, "mqttPassword", password);
      }).onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail);
    });
    router.get("/api/v1/screens").handler(ctx -> db.transaction(c -> {
      List<ScreenView> views = new ArrayList<>();
      for (Screen screen : screens.all(c)) {
        views.add(view(c, screen));
      }
      return views;
    }).onSuccess(views -> Json.send(ctx, 200, views)).onFailure(ctx::fail));
    router.get("/api/v1/screens/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      db.transaction(c -> {
        Screen screen = screens.find(c, id).orElseThrow(() -> ApiException.notFound("no screen " + id));
        return view(c, screen);
      }).onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail);
    });
  }

  /** Makes and stores (hashed) a new MQTT password for the screen; the plain one exists only in the answer. */
  private String newMqttPassword(Connection c, String screenId) throws SQLException {
    String password = PasswordHash.newPassword();
    screens.setPasswordHash(c, screenId, PasswordHash.hash(password));
    return password;
  }

  /** The registration answer: the screen as shown everywhere, plus its MQTT password, this once. */
  private static ObjectNode withPassword(ScreenView view, String password) {
    ObjectNode body = Codec.mapper().valueToTree(view);
    body.put("mqttPassword", password);
    return body;
  }

  private ScreenView view(Connection c, Screen screen) throws SQLException {
    List<String> playlist = playlists.of(c, screen.id());
    return new ScreenView(screen.id(), screen.name(), screen.state(), screen.lastSeenAt(), screen.appliedVersion(),
        screen.currentContentId(), screen.publishedVersion(), deliveries.latest(c, screen.id()).orElse(null), playlist,
        rejections.recent(c, screen.id(), RECENT_REJECTIONS));
  }
}
