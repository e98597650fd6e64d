package io.gatecast.controller.playlists.api;

import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.playlists.ScreenPlaylistService;
import io.vertx.ext.web.Router;
import java.util.Map;

/**
 * {@code POST /api/v1/schedule}: puts an item on screens' own playlists (what they play when no
 * campaign is on), all or nothing; and takes one off a screen. The rules are {@link ScreenPlaylistService}'s.
 */
public final class ScreenPlaylistRoutes {
  private final ScreenPlaylistService service;

  public ScreenPlaylistRoutes(ScreenPlaylistService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/api/v1/schedule").handler(ctx -> {
      ScreenPlaylistRequests.Schedule request = Json.read(ctx, ScreenPlaylistRequests.Schedule.class);
      service.schedule(AuthHandler.user(ctx).username(), request.contentId(), request.screenIds())
          .onSuccess(done -> Json.send(ctx, 200, request)).onFailure(ctx::fail);
    });
    // The other half of the screen's own playlist: take an item off it (the next publish sends the change).
    router.delete("/api/v1/screens/:id/playlist/:contentId").handler(ctx -> {
      String screenId = ctx.pathParam("id");
      service.unschedule(AuthHandler.user(ctx).username(), screenId, ctx.pathParam("contentId"))
          .onSuccess(after -> Json.send(ctx, 200, Map.of("screenId", screenId, "playlist", after)))
          .onFailure(ctx::fail);
    });
  }
}
