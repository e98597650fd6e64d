package io.gatecast.controller;

import io.gatecast.controller.alerts.AlertService;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.broker.ScreenAccess;
import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.publish.Publisher;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.keyrotation.KeyRotations;
import io.gatecast.protocol.BrokerUrls;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.gatecast.controller.alerts.api.AlertRoutes;
import io.gatecast.controller.audit.api.AuditRoutes;
import io.gatecast.controller.auth.api.AuthRoutes;
import io.gatecast.controller.auth.api.UserRoutes;
import io.gatecast.controller.calendar.api.CalendarRoutes;
import io.gatecast.controller.campaign.api.CampaignRoutes;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.media.MediaRepository;
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
import io.gatecast.controller.live.api.EventRoutes;
import io.gatecast.controller.media.api.MediaRoutes;
import io.gatecast.controller.organisation.api.OrganisationRoutes;
import io.gatecast.controller.playlists.api.PlaylistRoutes;
import io.gatecast.controller.playlists.api.ScreenPlaylistRoutes;
import io.gatecast.controller.preview.api.PreviewRoutes;
import io.gatecast.controller.publish.api.PublishRoutes;
import io.gatecast.controller.reports.api.ReportRoutes;
import io.gatecast.controller.screens.api.ScreenRoutes;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.organisation.OperatingHoursRepository;
import io.gatecast.controller.organisation.OrganisationService;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.playlists.PlaylistService;
import io.gatecast.controller.playlists.ScreenPlaylistService;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.campaign.CampaignService;
import io.gatecast.controller.playlists.ScreenPlaylistRepository;
import io.gatecast.controller.publish.DeliveryRepository;
import io.gatecast.controller.fleet.RejectionRepository;
import io.gatecast.controller.screenshots.api.ScreenshotRoutes;

/** The controller's HTTP surface: the JSON API under /api/v1 and media downloads under /media. */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final long MAX_JSON_BYTES = 1024 * 1024;

  private HttpApi() {}

  /**
   * @param access tells the broker about revoked and moved screens
   * @param brokerUrl the broker enrolled agents are told to log in to
   */
  public static Router router(Vertx vertx, Database db, MediaStore media, Publisher publisher, RulesBuilder rules,
      KeyRotations keyRotations, Clock clock, long maxUploadBytes, ScreenAccess access, Supplier<String> brokerUrl,
      AlertService alerts, FleetParts fleet) {
    Router router = Router.router(vertx);
    AuditLog audit = new AuditLog(clock);
    // Repositories shared by the services below, built once.
    ScreenRepository screens = new ScreenRepository();
    ScreenSetupRepository setups = new ScreenSetupRepository();
    ClusterRepository clusters = new ClusterRepository();
    GroupRepository groups = new GroupRepository();
    NamedPlaylistRepository namedPlaylists = new NamedPlaylistRepository();
    CampaignRepository campaigns = new CampaignRepository();
    ScreenPlaylistRepository screenPlaylists = new ScreenPlaylistRepository();
    ContentRepository content = new ContentRepository();
    router.route().handler(new HttpMetricsHandler(router, fleet.metrics()));
    router.route().handler(SecurityHeaders::add);
    // Before any route matches a path: a path that does not decode would fail there with a stack trace.
    router.route().handler(MalformedUrls::refuse);
    new HealthRoute(fleet.controllerHealth()).mount(router);
    new MetricsRoute(db, fleet.metrics()).mount(router);
    // First on every API call, before any body is read: who is calling, and may they (AccessPolicy).
    router.route("/api/*").handler(new AuthHandler(db, clock));
    new MediaRoutes(vertx, db, media, clock, maxUploadBytes).mount(router);
    new ScreenshotRoutes(vertx, db, fleet.screenshots(), clock).mount(router);
    // Uploads stream their own body; every other API call is a small JSON document.
    router.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(MAX_JSON_BYTES));
    new AuthRoutes(vertx, db, clock, audit).mount(router);
    new UserRoutes(vertx, db, clock, audit).mount(router);
    new ContentRoutes(new ContentService(db, clock, content, new MediaRepository(), audit,
        actor -> publisher.publishAll(actor).map(Publisher.Started::publishId))).mount(router);
    new PlaylistRoutes(new PlaylistService(db, clock, namedPlaylists, content, campaigns,
        clusters, audit)).mount(router);
    new CampaignRoutes(new CampaignService(db, clock, campaigns, namedPlaylists::exists, audit)).mount(router);
    new io.gatecast.controller.layouts.api.LayoutRoutes(new io.gatecast.controller.layouts.LayoutService(db, clock,
        new io.gatecast.controller.layouts.LayoutRepository(), new io.gatecast.controller.layouts.LayoutService.Lookups(
            content::exists, clusters::exists, (c, id) -> campaigns.find(c, id).isPresent(), screens::exists),
        audit)).mount(router);
    ScreenRoutes.of(db, clock, access, fleet.health(), audit, screens, setups, clusters, groups,
        screenPlaylists, new DeliveryRepository(), new RejectionRepository()).mount(router);
    new ScreenPlaylistRoutes(new ScreenPlaylistService(db, screenPlaylists, content, screens, audit)).mount(router);
    new OrganisationRoutes(new OrganisationService(db, clock, clusters, groups, new OperatingHoursRepository(),
        namedPlaylists::exists, screens::unknown, audit)).mount(router);
    new EnrollmentRoutes(db, clock, () -> keyRotations.currentKey(),
        () -> BrokerUrls.parse(brokerUrl.get(), "broker URL"), audit).mount(router);
    new FleetRoutes(db, clock, fleet.health(), fleet.reports(), fleet.clusters(), fleet.commands()).mount(router);
    new ReportRoutes(db, clock, fleet.reports(), fleet.clusters()).mount(router);
    new PreviewRoutes(vertx, db, rules).mount(router);
    new CalendarRoutes(vertx, db, clock, rules).mount(router);
    new SigningKeyRoutes(keyRotations).mount(router);
    new AlertRoutes(alerts).mount(router);
    new PublishRoutes(db, publisher, fleet.metrics()).mount(router);
    new AuditRoutes(db, audit).mount(router);
    new EventRoutes(new io.gatecast.controller.live.ChangeFeed(vertx)).mount(router);
    new ConsoleRoutes().mount(router);
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
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
      Json.error(ctx, 500, "internal error: " + failure.getMessage());
    }
  }
}
