package io.gatecast.controller.publish.api;

import io.gatecast.controller.publish.PublishRepository;
import io.gatecast.controller.publish.Publisher;
import io.gatecast.controller.store.Database;
import io.vertx.ext.web.Router;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/** {@code POST /api/v1/publish} and the rollout view of each publish. */
public final class PublishRoutes {
  private static final int LIST_LIMIT = 100;
  private final Database db;
  private final Publisher publisher;
  private final PublishRepository publishes;

  public PublishRoutes(Database db, Publisher publisher, PublishRepository publishes) {
    this.db = db;
    this.publisher = publisher;
    this.publishes = publishes;
  }

  public void mount(Router router) {
    // Answers at once with the publish id; the screens follow in batches. Progress: the rollout view
    // (GET /api/v1/publishes/{id}: state, planned, counts) and a "publish" event on every step
    // (the publisher tells PublishProgressed and PublishFinished to whoever subscribes).
    router.post("/api/v1/publish").handler(ctx -> publisher.publishAll(AuthHandler.user(ctx).username())
        .onSuccess(started -> Json.send(ctx, 200, java.util.Map.of("publishId", started.publishId())))
        .onFailure(ctx::fail));
    router.get("/api/v1/publishes").handler(ctx -> db.transaction(c -> publishes.recent(c, LIST_LIMIT))
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
      db.transaction(c -> publishes.find(c, id).orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "no publish " + id)))
          .onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail);
    });
  }
}
