package io.gatecast.controller.campaign.api;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.store.Database;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import io.gatecast.controller.http.ApiException;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/** Campaigns: a playlist aimed at screens for a window, with dayparts, recurrences, priority, weight, languages. */
public final class CampaignRoutes {
  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final CampaignRepository campaigns = new CampaignRepository();
  private final NamedPlaylistRepository playlists = new NamedPlaylistRepository();

  public CampaignRoutes(Database db, Clock clock, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.post("/api/v1/campaigns").handler(ctx -> {
      CampaignDefinition request = Json.read(ctx, CampaignDefinition.class);
      String actor = AuthHandler.user(ctx).username();
      db.transaction(c -> {
        requirePlaylist(c, request);
        if (campaigns.find(c, request.id()).isPresent()) {
          throw new ApiException(409, "a campaign with id " + request.id() + " already exists");
        }
        campaigns.insert(c, request, clock.instant());
        audit.record(c, actor, "create", "campaign", request.id(), null, request);
        return request;
      }).onSuccess(created -> Json.send(ctx, 201, created)).onFailure(ctx::fail);
    });
    router.put("/api/v1/campaigns/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      CampaignDefinition request = Json.read(ctx, CampaignDefinition.class);
      if (!request.id().equals(id)) {
        throw ApiException.badRequest("id " + request.id() + " in the body differs from " + id + " in the path");
      }
      String actor = AuthHandler.user(ctx).username();
      db.transaction(c -> {
        CampaignDefinition before = campaigns.find(c, id).orElseThrow(() -> ApiException.notFound("no campaign " + id));
        requirePlaylist(c, request);
        campaigns.replace(c, request, clock.instant());
        audit.record(c, actor, "edit", "campaign", id, before, request);
        return request;
      }).onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    router.delete("/api/v1/campaigns/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      String actor = AuthHandler.user(ctx).username();
      db.transaction(c -> {
        CampaignDefinition before = campaigns.find(c, id).orElseThrow(() -> ApiException.notFound("no campaign " + id));
        campaigns.delete(c, id);
        audit.record(c, actor, "delete", "campaign", id, before, null);
        return null;
      }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    });
    router.get("/api/v1/campaigns").handler(ctx ->
        db.transaction(campaigns::all).onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail));
    router.get("/api/v1/campaigns/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      db.transaction(c -> campaigns.find(c, id).orElseThrow(() -> ApiException.notFound("no campaign " + id)))
          .onSuccess(found -> Json.send(ctx, 200, found)).onFailure(ctx::fail);
    });
  }

  private void requirePlaylist(Connection c, CampaignDefinition campaign) throws SQLException {
    if (!playlists.exists(c, campaign.playlistId())) {
      throw ApiException.badRequest("playlistId " + campaign.playlistId() + " names no playlist; create it first with"
          + " POST /api/v1/playlists");
    }
  }
}
