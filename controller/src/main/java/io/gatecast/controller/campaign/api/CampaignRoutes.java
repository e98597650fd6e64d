package io.gatecast.controller.campaign.api;

import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.campaign.CampaignService;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.vertx.ext.web.Router;

/** Campaigns: a playlist aimed at screens for a window; the rules are {@link CampaignService}'s. */
public final class CampaignRoutes {
  private final CampaignService service;

  public CampaignRoutes(CampaignService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/api/v1/campaigns").handler(ctx -> {
      CampaignDefinition request = Json.read(ctx, CampaignDefinition.class);
      service.create(AuthHandler.user(ctx).username(), request)
          .onSuccess(created -> Json.send(ctx, 201, created)).onFailure(ctx::fail);
    });
    router.put("/api/v1/campaigns/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      CampaignDefinition request = Json.read(ctx, CampaignDefinition.class);
      if (!request.id().equals(id)) {
        throw Refusal.of(Kind.BAD_INPUT, "id " + request.id() + " in the body differs from " + id + " in the path");
      }
      service.edit(AuthHandler.user(ctx).username(), request)
          .onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    router.delete("/api/v1/campaigns/:id").handler(ctx ->
        service.delete(AuthHandler.user(ctx).username(), ctx.pathParam("id"))
            .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
    router.get("/api/v1/campaigns").handler(ctx ->
        service.all().onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail));
    router.get("/api/v1/campaigns/:id").handler(ctx ->
        service.find(ctx.pathParam("id")).onSuccess(found -> Json.send(ctx, 200, found)).onFailure(ctx::fail));
  }
}
