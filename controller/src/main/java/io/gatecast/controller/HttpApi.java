package io.gatecast.controller;

import io.gatecast.controller.store.Database;
import io.gatecast.controller.refusal.Refusal;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.gatecast.controller.alerts.api.AlertRoutes;
import io.gatecast.controller.audit.api.AuditRoutes;
import io.gatecast.controller.auth.api.AuthRoutes;
import io.gatecast.controller.auth.api.UserRoutes;
import io.gatecast.controller.calendar.api.CalendarRoutes;
import io.gatecast.controller.campaign.api.CampaignRoutes;
import io.gatecast.controller.content.api.ContentRoutes;
import io.gatecast.controller.enrollment.api.EnrollmentRoutes;
import io.gatecast.controller.fleet.api.FleetRoutes;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.ConsoleRoutes;
import io.gatecast.controller.http.HealthRoute;
import io.gatecast.controller.http.HttpMetricsHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.MalformedUrls;
import io.gatecast.controller.http.MetricsRoute;
import io.gatecast.controller.http.RefusalStatus;
import io.gatecast.controller.http.SecurityHeaders;
import io.gatecast.controller.keyrotation.api.SigningKeyRoutes;
import io.gatecast.controller.layouts.api.LayoutRoutes;
import io.gatecast.controller.live.api.EventRoutes;
import io.gatecast.controller.media.api.MediaRoutes;
import io.gatecast.controller.organisation.api.OrganisationRoutes;
import io.gatecast.controller.playlists.api.PlaylistRoutes;
import io.gatecast.controller.playlists.api.ScreenPlaylistRoutes;
import io.gatecast.controller.preview.api.PreviewRoutes;
import io.gatecast.controller.publish.api.PublishRoutes;
import io.gatecast.controller.reports.api.ReportRoutes;
import io.gatecast.controller.screens.api.ScreenRoutes;
import io.gatecast.controller.screenshots.api.ScreenshotRoutes;

/** The controller's HTTP surface: the JSON API under /api/v1 and media downloads under /media. */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final long MAX_JSON_BYTES = 1024 * 1024;

  private HttpApi() {}

  /**
   * Every route, each wrapped around the services the composition root built ({@link Composition});
   * nothing here builds a service or a repository of its own.
   */
  public static Router router(Services s) {
    Vertx vertx = s.vertx();
    Database db = s.db();
    Clock clock = s.clock();
    Repositories r = s.repositories();
    Router router = Router.router(vertx);
    router.route().handler(new HttpMetricsHandler(router, s.metrics()));
    router.route().handler(SecurityHeaders::add);
    // Before any route matches a path: a path that does not decode would fail there with a stack trace.
    router.route().handler(MalformedUrls::refuse);
    new HealthRoute(s.controllerHealth()).mount(router);
    new MetricsRoute(db, s.metrics(), r.health()).mount(router);
    // First on every API call, before any body is read: who is calling, and may they (AccessPolicy).
    router.route("/api/*").handler(new AuthHandler(db, clock, r.sessions(), r.users()));
    new MediaRoutes(vertx, s.media(), s.library(), s.maxUploadBytes()).mount(router);
    new ScreenshotRoutes(s.screenshotService()).mount(router);
    // Uploads stream their own body; every other API call is a small JSON document.
    router.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(MAX_JSON_BYTES));
    new AuthRoutes(s.signIn()).mount(router);
    new UserRoutes(s.users()).mount(router);
    new ContentRoutes(s.content()).mount(router);
    new PlaylistRoutes(s.playlists()).mount(router);
    new CampaignRoutes(s.campaigns()).mount(router);
    new LayoutRoutes(s.layouts(), s.layoutPreviews()).mount(router);
    new ScreenRoutes(s.screens()).mount(router);
    new ScreenPlaylistRoutes(s.screenPlaylists()).mount(router);
    new OrganisationRoutes(s.organisation()).mount(router);
    new EnrollmentRoutes(s.enrollments()).mount(router);
    new FleetRoutes(s.fleet()).mount(router);
    new ReportRoutes(s.reportService()).mount(router);
    new PreviewRoutes(s.previews()).mount(router);
    new CalendarRoutes(s.calendars()).mount(router);
    new SigningKeyRoutes(s.keyRotations()).mount(router);
    new AlertRoutes(s.alerts()).mount(router);
    new PublishRoutes(s.publishes()).mount(router);
    new AuditRoutes(s.auditTrail()).mount(router);
    new EventRoutes(s.feed()).mount(router);
    new ConsoleRoutes().mount(router);
    router.route("/api/*").last().handler(ctx ->
        Json.error(ctx, 404, "no such API: " + ctx.request().method() + " " + ctx.request().path()));
    router.route().failureHandler(HttpApi::fail);
    return router;
  }

  /** Every failure as JSON: a refusal with its code, anything else as an internal error with a reference. */
  static void fail(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    int status = failure instanceof Refusal refused ? RefusalStatus.of(refused.kind()) : ctx.statusCode();
    if (status == 413) {
      // The rest of a refused body is never read, so the connection cannot carry another request.
      response.putHeader("connection", "close").endHandler(v -> ctx.request().connection().close());
    }
    if (failure instanceof Refusal refused) {
      if (refused.details().get("retryAfterSeconds") instanceof Number seconds) {
        response.putHeader("retry-after", Long.toString(seconds.longValue()));
      }
      Json.refusal(ctx, status, refused);
    } else if (failure == null) {
      Json.error(ctx, status, status == 413 ? "the request body is too large" : "request failed with status " + status);
    } else {
      // The cause stays in the log, under a reference the user can quote: an exception's words (a class
      // name, a path) are neither for a console reader nor for anyone outside.
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("{} {} failed (reference {})", ctx.request().method(), ctx.request().path(), reference, failure);
      Json.refusal(ctx, 500, new Refusal(Refusal.Kind.UNAVAILABLE, "INTERNAL_ERROR",
          "internal error (reference " + reference + "); the controller's log has its cause", Map.of("reference", reference)));
    }
  }
}
