package io.gatecast.controller.http;

import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.publish.Publisher;
import io.gatecast.controller.signing.KeyRotations;
import io.gatecast.controller.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The controller's HTTP surface: the JSON API under /api/v1 and media downloads under /media. */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final long MAX_JSON_BYTES = 1024 * 1024;

  private HttpApi() {}

  public static Router router(Vertx vertx, Database db, MediaStore media, Publisher publisher, KeyRotations keyRotations,
      Clock clock, long maxUploadBytes) {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> Json.send(ctx, 200, Map.of("status", "UP")));
    new MediaRoutes(vertx, db, media, clock, maxUploadBytes).mount(router);
    // Uploads stream their own body; every other API call is a small JSON document.
    router.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(MAX_JSON_BYTES));
    new ContentRoutes(db, clock).mount(router);
    new ScreenRoutes(db, clock).mount(router);
    new PreviewRoutes(vertx, db).mount(router);
    new SigningKeyRoutes(keyRotations).mount(router);
    router.post("/api/v1/publish").handler(ctx ->
        publisher.publishAll().onSuccess(result -> Json.send(ctx, 200, result)).onFailure(ctx::fail));
    router.route("/api/*").last().handler(ctx ->
        Json.error(ctx, 404, "no such API: " + ctx.request().method() + " " + ctx.request().path()));
    router.route().failureHandler(HttpApi::fail);
    return router;
  }

  private static void fail(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    if (failure instanceof ApiException api) {
      Json.error(ctx, api.status(), api.getMessage());
    } else if (failure == null) {
      int status = ctx.statusCode();
      Json.error(ctx, status, status == 413 ? "the request body is too large" : "request failed with status " + status);
    } else {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
      Json.error(ctx, 500, "internal error: " + failure.getMessage());
    }
  }
}
