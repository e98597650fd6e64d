package io.gatecast.controller.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web console: static files from the classpath folder {@code console/} at {@code /console/}, and
 * {@code /} sends a browser there. The files hold no data; everything they show comes from the API
 * with the user's bearer token, so they need no access rule (they are not under {@code /api}).
 */
final class ConsoleRoutes {
  static final String PATH = "/console/";
  private static final String CSP = "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  void mount(Router router) {
    router.get("/").handler(ctx -> ctx.redirect(PATH));
    // Defence in depth behind "never insert data as HTML": no inline script, nothing from elsewhere.
    router.get("/console/*").handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff");
      ctx.next();
    });
    // No caching: an upgraded controller must never leave a browser running last version's modules.
    router.get("/console/*").handler(StaticHandler.create("console").setCachingEnabled(false)
        .setDefaultContentEncoding("UTF-8").setIndexPage("index.html"));
  }
}
