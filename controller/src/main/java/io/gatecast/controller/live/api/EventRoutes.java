package io.gatecast.controller.live.api;

import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.live.ChangeFeed;
import io.vertx.ext.web.Router;

/**
 * {@code GET /api/v1/events}: the live event stream ({@code text/event-stream}) the console's
 * fleet board, screen page and rollout view update from. Authenticated like every API call (bearer
 * token in the {@code Authorization} header, never in the URL: a browser reads it with fetch, not
 * EventSource). What it carries and how it is bounded, and when it is closed: {@link ChangeFeed}.
 */
public final class EventRoutes {
  private final ChangeFeed feed;

  public EventRoutes(ChangeFeed feed) {
    this.feed = feed;
  }

  public void mount(Router router) {
    router.get("/api/v1/events").handler(ctx -> {
      ctx.response()
          .setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          // No proxy or browser cache may hold or buffer a live stream.
          .putHeader("Cache-Control", "no-store")
          .putHeader("X-Accel-Buffering", "no");
      feed.subscribe(ctx.response(), AuthHandler.user(ctx).username(), AuthHandler.tokenHash(ctx));
    });
  }
}
