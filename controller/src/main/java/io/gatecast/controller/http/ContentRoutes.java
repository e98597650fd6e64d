package io.gatecast.controller.http;

import io.gatecast.controller.store.Content;
import io.gatecast.controller.store.ContentRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.MediaRepository;
import io.vertx.ext.web.Router;
import java.time.Clock;

/** Content items: a titled media file with its time on screen. */
final class ContentRoutes {
  private final Database db;
  private final Clock clock;
  private final ContentRepository content = new ContentRepository();
  private final MediaRepository media = new MediaRepository();

  ContentRoutes(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  void mount(Router router) {
    router.post("/api/v1/content").handler(ctx -> {
      Requests.CreateContent request = Json.read(ctx, Requests.CreateContent.class);
      db.transaction(c -> {
        if (media.find(c, request.mediaSha256()).isEmpty()) {
          throw ApiException.badRequest("mediaSha256 " + request.mediaSha256()
              + " names no uploaded media; upload the file first with POST /api/v1/media");
        }
        if (content.exists(c, request.id())) {
          throw new ApiException(409, "a content item with id " + request.id() + " already exists");
        }
        Content created = new Content(request.id(), request.title(), request.mediaSha256(),
            request.durationSeconds(), clock.instant());
        content.insert(c, created);
        return created;
      }).onSuccess(created -> Json.send(ctx, 201, created)).onFailure(ctx::fail);
    });
    router.get("/api/v1/content").handler(ctx ->
        db.transaction(content::all).onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail));
    router.get("/api/v1/content/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      db.transaction(c -> content.find(c, id).orElseThrow(() -> ApiException.notFound("no content item " + id)))
          .onSuccess(found -> Json.send(ctx, 200, found))
          .onFailure(ctx::fail);
    });
  }
}
