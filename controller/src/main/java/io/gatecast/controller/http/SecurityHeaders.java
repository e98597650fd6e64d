package io.gatecast.controller.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every API and media answer carries, so a browser never guesses a type (nosniff), never
 * shows an answer inside another site's frame, and never sends the controller's URLs (which can
 * name screens and media) to another site. The console's pages set their own (ConsoleRoutes).
 */
public final class SecurityHeaders {
  private SecurityHeaders() {}

  public static void add(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null && (path.startsWith("/api/") || path.startsWith("/media/") || path.equals("/health"))) {
      HttpServerResponse response = ctx.response();
      response.putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("X-Frame-Options", "DENY")
          .putHeader("Referrer-Policy", "no-referrer");
    }
    ctx.next();
  }
}
