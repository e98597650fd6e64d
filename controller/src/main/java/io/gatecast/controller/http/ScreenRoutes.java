package io.gatecast.controller.http;

import io.gatecast.controller.store.ContentRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.Delivery;
import io.gatecast.controller.store.DeliveryRepository;
import io.gatecast.controller.store.PlaylistRepository;
import io.gatecast.controller.store.Screen;
import io.gatecast.controller.store.ScreenRepository;
import io.gatecast.protocol.ScreenState;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Screens: registration, their health, and putting content on their playlists. */
final class ScreenRoutes {
  /** A screen as the API shows it: registration, health, and where its schedule stands. */
  record ScreenView(String id, String name, ScreenState state, Instant lastSeenAt, Long appliedVersion,
      String currentContentId, long publishedVersion, Delivery latestDelivery, List<String> playlist) {}

  private final Database db;
  private final Clock clock;
  private final ScreenRepository screens = new ScreenRepository();
  private final ContentRepository content = new ContentRepository();
  private final PlaylistRepository playlists = new PlaylistRepository();
  private final DeliveryRepository deliveries = new DeliveryRepository();

  ScreenRoutes(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  void mount(Router router) {
    router.post("/api/v1/screens").handler(ctx -> {
      Requests.RegisterScreen request = Json.read(ctx, Requests.RegisterScreen.class);
      db.transaction(c -> {
        if (screens.exists(c, request.id())) {
          throw new ApiException(409, "a screen with id " + request.id() + " is already registered");
        }
        screens.insert(c, request.id(), request.name(), clock.instant());
        return view(c, screens.find(c, request.id()).orElseThrow());
      }).onSuccess(view -> Json.send(ctx, 201, view)).onFailure(ctx::fail);
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
    router.post("/api/v1/schedule").handler(ctx -> {
      Requests.Schedule request = Json.read(ctx, Requests.Schedule.class);
      db.transaction(c -> {
        if (!content.exists(c, request.contentId())) {
          throw ApiException.badRequest("contentId " + request.contentId() + " names no content item");
        }
        List<String> unknown = screens.unknown(c, request.screenIds());
        if (!unknown.isEmpty()) {
          throw ApiException.badRequest("screenIds name screens that are not registered: " + unknown
              + "; nothing was scheduled");
        }
        for (String screenId : request.screenIds()) {
          playlists.append(c, screenId, request.contentId());
        }
        return request;
      }).onSuccess(done -> Json.send(ctx, 200, done)).onFailure(ctx::fail);
    });
  }

  private ScreenView view(Connection c, Screen screen) throws SQLException {
    List<String> playlist = playlists.of(c, screen.id()).stream().map(item -> item.id()).toList();
    return new ScreenView(screen.id(), screen.name(), screen.state(), screen.lastSeenAt(), screen.appliedVersion(),
        screen.currentContentId(), screen.publishedVersion(), deliveries.latest(c, screen.id()).orElse(null), playlist);
  }
}
