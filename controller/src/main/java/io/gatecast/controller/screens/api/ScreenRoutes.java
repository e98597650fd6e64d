package io.gatecast.controller.screens.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.PortableIds;
import io.gatecast.controller.organisation.api.OrganisationRequests.ScreenBody;
import io.gatecast.controller.organisation.api.OrganisationRoutes;
import io.gatecast.controller.screens.ScreenService;
import io.gatecast.controller.screens.ScreenService.Change;
import io.gatecast.controller.screens.ScreenService.Registration;
import io.gatecast.controller.screens.api.ScreenViews.ScreenView;
import io.gatecast.protocol.Codec;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Screens: registration and set-up, revocation, MQTT passwords, and their health. Rules: {@link ScreenService}. */
public final class ScreenRoutes {
  private final ScreenService<ScreenView> service;

  public ScreenRoutes(ScreenService<ScreenView> service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/api/v1/screens").handler(ctx -> {
      ScreenBody request = Json.read(ctx, ScreenBody.class);
      if (request.id() == null) {
        throw Refusal.of(Kind.BAD_INPUT, "id is required");
      }
      PortableIds.require(request.id(), "id");
      service.register(actor(ctx), new Registration(request.id(), request.name(), request.toSetup(), request.groups()))
          .onSuccess(registered -> Json.send(ctx, 201, withPassword(registered.screen(), registered.mqttPassword())))
          .onFailure(ctx::fail);
    });
    // Everything an operator sets up: cluster, place, languages, tags, groups. The next publish sends the new profile.
    router.put("/api/v1/screens/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      ScreenBody request = Json.read(ctx, ScreenBody.class);
      OrganisationRoutes.sameId(request.id(), id);
      service.update(actor(ctx), id, new Change(request.name(), request.toSetup(), request.groups()))
          .onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail);
    });
    // Revocation: the login stops working, open sessions are dropped, nothing more is published to it.
    // DELETE does the same: the screen's history (deliveries, refusals) is evidence and stays.
    router.post("/api/v1/screens/:id/revoke").handler(this::revoke);
    router.delete("/api/v1/screens/:id").handler(this::revoke);
    // Rotation: the old password stops working for new logins at once; the new one is shown only here.
    router.post("/api/v1/screens/:id/mqtt-password").handler(ctx -> {
      String id = ctx.pathParam("id");
      service.rotateMqttPassword(actor(ctx), id)
          .onSuccess(password -> Json.send(ctx, 200, Map.of("id", id, "mqttPassword", password)))
          .onFailure(ctx::fail);
    });
    router.get("/api/v1/screens").handler(ctx ->
        service.all().onSuccess(views -> Json.send(ctx, 200, views)).onFailure(ctx::fail));
    router.get("/api/v1/screens/:id").handler(ctx ->
        service.find(ctx.pathParam("id")).onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail));
  }

  private void revoke(RoutingContext ctx) {
    service.revoke(actor(ctx), ctx.pathParam("id")).onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail);
  }

  private static String actor(RoutingContext ctx) {
    return AuthHandler.user(ctx).username();
  }

  /** The registration answer: the screen as shown everywhere, plus its MQTT password, this once. */
  private static ObjectNode withPassword(ScreenView view, String password) {
    ObjectNode body = Codec.mapper().valueToTree(view);
    body.put("mqttPassword", password);
    return body;
  }
}
