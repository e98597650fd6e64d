package io.gatecast.controller.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web console: static files from the classpath folder {@code console/} at {@code /console/}, and
 * {@code /} sends a browser there; the screens' shared renderer at {@code /console/screen/} for the
 * live preview ({@code /console/preview/screen.html}). The files hold no data; everything they show comes from the API
 * with the user's bearer token, so they need no access rule (they are not under {@code /api}).
 */
public final class ConsoleRoutes {
  static final String PATH = "/console/";
  /**
   * The live preview page is framed by the console itself (same origin), so it may be framed by
   * 'self'; like a screen it takes media from /media/{sha256}, the content-addressed downloads.
   */
  private static final String PREVIEW_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
      + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
  private static final String CSP = "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  public void mount(Router router) {
    router.get("/").handler(ctx -> ctx.redirect(PATH));
    // Defence in depth behind "never insert data as HTML": no inline script, nothing from elsewhere.
    router.get("/console/*").handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff");
      ctx.next();
    });
    router.get("/console/preview/*").handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", PREVIEW_CSP);
      ctx.next();
    });
    // The screens' own renderer (module screen-renderer), for the preview: what the agent's page runs.
    router.get("/console/screen/*").handler(StaticHandler.create("io/gatecast/screen").setCachingEnabled(false)
        .setDefaultContentEncoding("UTF-8"));
    // No caching: an upgraded controller must never leave a browser running last version's modules.
    router.get("/console/*").handler(StaticHandler.create("console").setCachingEnabled(false)
        .setDefaultContentEncoding("UTF-8").setIndexPage("index.html"));
  }
}
