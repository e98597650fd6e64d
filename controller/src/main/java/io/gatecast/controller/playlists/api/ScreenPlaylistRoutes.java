package io.gatecast.controller.playlists.api;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.playlists.ScreenPlaylistRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.http.ApiException;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/**
 * {@code POST /api/v1/schedule}: puts an item on screens' own playlists (what they play when no
 * campaign is on), all or nothing. Items in review may be listed; only approved ones are sent.
 */
public final class ScreenPlaylistRoutes {
  private final Database db;
  private final AuditLog audit;
  private final ScreenRepository screens = new ScreenRepository();
  private final ContentRepository content = new ContentRepository();
  private final ScreenPlaylistRepository playlists = new ScreenPlaylistRepository();

  public ScreenPlaylistRoutes(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.post("/api/v1/schedule").handler(ctx -> {
      ScreenPlaylistRequests.Schedule request = Json.read(ctx, ScreenPlaylistRequests.Schedule.class);
      String actor = AuthHandler.user(ctx).username();
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
          List<String> before = playlists.of(c, screenId);
          playlists.append(c, screenId, request.contentId());
          audit.record(c, actor, "schedule", "screen-playlist", screenId, Map.of("playlist", before),
              Map.of("playlist", playlists.of(c, screenId)));
        }
        return request;
      }).onSuccess(done -> Json.send(ctx, 200, done)).onFailure(ctx::fail);
    });
    // The other half of the screen's own playlist: take an item off it (the next publish sends the change).
    router.delete("/api/v1/screens/:id/playlist/:contentId").handler(ctx -> {
      String screenId = ctx.pathParam("id");
      String contentId = ctx.pathParam("contentId");
      String actor = AuthHandler.user(ctx).username();
      db.transaction(c -> {
        List<String> before = playlists.of(c, screenId);
        if (!playlists.remove(c, screenId, contentId)) {
          throw Refusal.notFound("NOT_ON_PLAYLIST", "content " + contentId + " is not on the playlist of screen "
              + screenId, Map.of("screenId", screenId, "contentId", contentId));
        }
        List<String> after = playlists.of(c, screenId);
        audit.record(c, actor, "unschedule", "screen-playlist", screenId, Map.of("playlist", before),
            Map.of("playlist", after));
        return Map.of("screenId", screenId, "playlist", after);
      }).onSuccess(done -> Json.send(ctx, 200, done)).onFailure(ctx::fail);
    });
  }
}
