package io.gatecast.controller;

import io.gatecast.controller.auth.SignInService;
import io.gatecast.controller.auth.UserService;
import io.gatecast.controller.calendar.CalendarService;
import io.gatecast.controller.enrollment.EnrollmentService;
import io.gatecast.controller.media.MediaLibrary;
import io.gatecast.controller.preview.PreviewService;
import io.gatecast.controller.reports.ReportService;
import io.gatecast.controller.screenshots.ScreenshotService;

import io.gatecast.controller.alerts.AlertService;
import io.gatecast.controller.audit.AuditService;
import io.gatecast.controller.campaign.CampaignService;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.fleet.FleetService;
import io.gatecast.controller.health.ControllerHealth;
import io.gatecast.controller.keyrotation.KeyRotations;
import io.gatecast.controller.layouts.LayoutPreviews;
import io.gatecast.controller.layouts.LayoutService;
import io.gatecast.controller.live.ChangeFeed;
import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.organisation.OrganisationService;
import io.gatecast.controller.playlists.PlaylistService;
import io.gatecast.controller.playlists.ScreenPlaylistService;
import io.gatecast.controller.publish.PublishService;
import io.gatecast.controller.reports.PlayReports;
import io.gatecast.controller.screens.ScreenService;
import io.gatecast.controller.screens.api.ScreenViews.ScreenView;
import io.gatecast.controller.store.Database;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * What the composition root built that the HTTP routes call: {@link HttpApi#router} takes this one
 * value and only wraps each part in its routes. Route tests that never call a service build it with
 * nulls in their places.
 *
 * @param maxUploadBytes the largest media upload accepted
 * @param clusters the gates as the fleet sees them (the fleet monitor and proof of play read them)
 * @param health the fleet's health (the fleet monitor writes it)
 */
public record Services(Vertx vertx, Clock clock, Database db, MediaStore media, long maxUploadBytes,
    Repositories repositories, Metrics metrics, ControllerHealth controllerHealth,
    ClusterDirectory clusters, FleetHealth health, AlertService alerts,
    KeyRotations keyRotations, ContentService content,
    PlaylistService playlists, CampaignService campaigns, ScreenPlaylistService screenPlaylists,
    OrganisationService organisation, ChangeFeed feed, SignInService signIn, UserService users,
    EnrollmentService enrollments, MediaLibrary library, ScreenshotService screenshotService,
    ReportService reportService, PreviewService previews, CalendarService calendars, LayoutService layouts,
    ScreenService<ScreenView> screens, FleetService<PlayReports.UptimeReport> fleet, PublishService publishes,
    AuditService auditTrail, LayoutPreviews layoutPreviews) {}
