package io.gatecast.controller;

import io.gatecast.controller.enrollment.EnrollmentRepository;
import io.gatecast.controller.layouts.LayoutRepository;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.screenshots.ScreenshotRepository;

import io.gatecast.controller.alerts.AlertPublicationRepository;
import io.gatecast.controller.alerts.AlertRepository;
import io.gatecast.controller.auth.SessionRepository;
import io.gatecast.controller.auth.UserRepository;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.commands.CommandRepository;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.fleet.HealthRepository;
import io.gatecast.controller.fleet.RejectionRepository;
import io.gatecast.controller.fleet.ScreenClockRepository;
import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.organisation.OperatingHoursRepository;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.playlists.ScreenPlaylistRepository;
import io.gatecast.controller.proofofplay.PlayRepository;
import io.gatecast.controller.publish.ClusterScheduleRepository;
import io.gatecast.controller.publish.DeliveryRepository;
import io.gatecast.controller.publish.PublishRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetupRepository;

/**
 * Every repository the services use, built once by the composition root and handed to each service
 * through its constructor. A repository holds no state (SQL on the connection it is given), so one of
 * each is enough; building them here, not inside the services, lets a test hand a service its own.
 */
public record Repositories(ScreenRepository screens, ScreenSetupRepository setups, ClusterRepository clusters,
    GroupRepository groups, OperatingHoursRepository hours, NamedPlaylistRepository namedPlaylists,
    ScreenPlaylistRepository screenPlaylists, CampaignRepository campaigns, ContentRepository content,
    MediaRepository media, DeliveryRepository deliveries, PublishRepository publishes, RejectionRepository rejections,
    HealthRepository health, ScreenClockRepository clocks, PlayRepository plays, CommandRepository commands,
    AlertRepository alerts, AlertPublicationRepository alertPublications, UserRepository users,
    SessionRepository sessions, EnrollmentRepository enrollments, ScreenshotRepository screenshots,
    LayoutRepository layouts, ClusterScheduleRepository clusterSchedules) {

  public static Repositories create() {
    return new Repositories(new ScreenRepository(), new ScreenSetupRepository(), new ClusterRepository(),
        new GroupRepository(), new OperatingHoursRepository(), new NamedPlaylistRepository(),
        new ScreenPlaylistRepository(), new CampaignRepository(), new ContentRepository(), new MediaRepository(),
        new DeliveryRepository(), new PublishRepository(), new RejectionRepository(), new HealthRepository(),
        new ScreenClockRepository(), new PlayRepository(), new CommandRepository(), new AlertRepository(),
        new AlertPublicationRepository(), new UserRepository(), new SessionRepository(), new EnrollmentRepository(),
        new ScreenshotRepository(), new LayoutRepository(), new ClusterScheduleRepository());
  }

  /** The repositories the rules builder reads a screen's rules from. */
  public RulesBuilder.Stores rulesStores() {
    return new RulesBuilder.Stores(screenPlaylists, namedPlaylists, campaigns, clusters, content, media, layouts);
  }
}
