package io.gatecast.controller.calendar;

import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.playlists.ScreenPlaylistRepository;
import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.calendar.CalendarService.TargetKind;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.publish.OrganisationDirectory;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calendar and the publish checks on a real SQLite file, without a controller: who is shown
 * and in which zone, and what is refused (by code).
 */
class CalendarServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final LocalDate FROM = LocalDate.parse("2026-12-01");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private final ClusterRepository clusters = new ClusterRepository();
  private final GroupRepository groups = new GroupRepository();
  private CalendarService service;
  private String defaultZone;

  @BeforeEach
  void open() {
    ScreenRepository screens = new ScreenRepository();
    ScreenSetupRepository setups = new ScreenSetupRepository();
    service = new CalendarService(database.vertx(), database.db(), Clock.fixed(NOW, ZoneOffset.UTC),
        new RulesBuilder(new OrganisationDirectory(new ScreenSetupRepository(), new ClusterRepository(),
            new GroupRepository()), io.gatecast.controller.Repositories.create().rulesStores()), clusters, groups, screens, setups, new CampaignRepository());
    await(database.db().transaction(c -> {
      screens.insert(c, "gate-1", "Gate 1", NOW);
      setups.update(c, "gate-1", ScreenSetup.inCluster(Cluster.DEFAULT_ID), NOW);
      groups.insert(c, "arrivals", "Arrivals", NOW);
      groups.setGroupsOf(c, "gate-1", List.of("arrivals"));
      return null;
    }));
    defaultZone = await(database.db().transaction(c -> clusters.find(c, Cluster.DEFAULT_ID))).orElseThrow().zone();
  }

  @Test
  void aClusterAGroupOrAScreenIsShownWithItsScreensInItsGatesZone() {
    CalendarView.View gate = await(service.calendar(TargetKind.CLUSTER, Cluster.DEFAULT_ID, FROM, FROM.plusDays(7)));
    assertEquals(new CalendarView.Target("cluster", Cluster.DEFAULT_ID,
        await(database.db().transaction(c -> clusters.find(c, Cluster.DEFAULT_ID))).orElseThrow().name()),
        gate.target());
    assertEquals(defaultZone, gate.zone());
    assertEquals(1, gate.screenCount());

    CalendarView.View group = await(service.calendar(TargetKind.GROUP, "arrivals", FROM, FROM.plusDays(1)));
    assertEquals(new CalendarView.Target("group", "arrivals", "Arrivals"), group.target());
    assertEquals(1, group.screenCount());
    CalendarView.View screen = await(service.calendar(TargetKind.SCREEN, "gate-1", FROM, FROM.plusDays(1)));
    assertEquals(new CalendarView.Target("screen", "gate-1", "Gate 1"), screen.target());

    assertEquals(1, await(service.checks(7)).screenCount());
  }

  @Test
  void unknownTargetsBackwardsOrLongWindowsAndBadDaysAreRefused() {
    for (TargetKind kind : TargetKind.values()) {
      Refusal unknown = refused(service.calendar(kind, "nowhere", FROM, FROM.plusDays(1)));
      assertEquals(Refusal.Kind.NOT_FOUND, unknown.kind(), kind.name());
    }
    assertEquals("BAD_INPUT", refused(service.calendar(TargetKind.CLUSTER, Cluster.DEFAULT_ID, FROM, FROM)).code());
    long longest = CalendarView.MAX_WINDOW.toDays();
    await(service.calendar(TargetKind.CLUSTER, Cluster.DEFAULT_ID, FROM, FROM.plusDays(longest)));
    assertEquals("BAD_INPUT",
        refused(service.calendar(TargetKind.CLUSTER, Cluster.DEFAULT_ID, FROM, FROM.plusDays(longest + 1))).code());

    assertEquals("BAD_INPUT", refused(service.checks(0)).code());
    assertEquals("BAD_INPUT", refused(service.checks((int) PublishChecks.MAX_WINDOW.toDays() + 1)).code());
  }
}
