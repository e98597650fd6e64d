package io.gatecast.controller.publish.api;

import io.gatecast.controller.publish.PublishService;
import io.vertx.ext.web.Router;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/** {@code POST /api/v1/publish} and the rollout view of each publish. */
public final class PublishRoutes {
  private final PublishService publishes;

  public PublishRoutes(PublishService publishes) {
    this.publishes = publishes;
  }

  public void mount(Router router) {
    // Answers at once with the publish id; the screens follow in batches. Progress: the rollout view
    // (GET /api/v1/publishes/{id}: state, planned, counts) and a "publish" event on every step
    // (the publisher tells PublishProgressed and PublishFinished to whoever subscribes).
    router.post("/api/v1/publish").handler(ctx -> publishes.publishAll(AuthHandler.user(ctx).username())
        .onSuccess(publishId -> Json.send(ctx, 200, java.util.Map.of("publishId", publishId)))
        .onFailure(ctx::fail));
    router.get("/api/v1/publishes").handler(ctx -> publishes.recent()
        .onSuccess(list -> Json.send(ctx, 200, list)).onFailure(ctx::fail));
    router.get("/api/v1/publishes/:id").handler(ctx -> {
      String raw = ctx.pathParam("id");
      long id;
      try {
        id = Long.parseLong(raw);
      } catch (NumberFormatException e) {
        throw Refusal.of(Kind.BAD_INPUT, "the publish id in the path must be a number, got '"
            + (raw.length() > 20 ? raw.substring(0, 20) + "..." : raw) + "'");
      }
      publishes.find(id).onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail);
    });
  }
}
