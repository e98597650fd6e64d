package io.gatecast.controller.reports;

import io.gatecast.controller.Repositories;
import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.fleet.StoredClusters;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.screens.ScreenRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reports on a real SQLite file, without a controller: what they refuse (by code) and the zone a
 * report counts days in. (Fleet health is not needed while no screen is registered.)
 */
class ReportServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private ReportService service;
  private String defaultZone;

  @BeforeEach
  void open() {
    Repositories r = Repositories.create();
    StoredClusters clusters = new StoredClusters(r.clusters(), r.hours());
    service = new ReportService(database.db(), Clock.fixed(NOW, ZoneOffset.UTC),
        new PlayReports(clusters, null, r.plays(), r.content(), r.screens(), r.setups()), clusters, r.screens());
    defaultZone = await(database.db().transaction(c -> new ClusterRepository().find(c, Cluster.DEFAULT_ID)))
        .orElseThrow().zone();
  }

  @Test
  void aReportCountsInTheGatesZoneUnlessAnotherIsNamed() {
    PlayReports.PlayReport byGate = await(service.plays(Dimension.DAY, FROM, NOW, null, null, null));
    assertEquals(defaultZone, byGate.zone());
    assertEquals(0, byGate.totalPlays());
    assertEquals("Europe/Paris", await(service.plays(Dimension.DAY, FROM, NOW, null, null, "Europe/Paris")).zone());

    PlayReports.YearEnd year = await(service.yearEnd(Cluster.DEFAULT_ID, 2026));
    assertEquals(defaultZone, year.zone());
    assertEquals(0, year.totalPlays());
  }

  @Test
  void unknownGatesAndScreensBadZonesAndYearsAreRefused() {
    assertEquals("NOT_FOUND", refused(service.plays(Dimension.DAY, FROM, NOW, "nowhere", null, null)).code());
    assertEquals("NOT_FOUND", refused(service.plays(Dimension.DAY, FROM, NOW, null, "nobody", null)).code());
    Refusal zone = refused(service.plays(Dimension.DAY, FROM, NOW, null, null, "Mars/Olympus"));
    assertEquals(Refusal.Kind.BAD_INPUT, zone.kind());
    assertEquals("zone must be a time zone such as Asia/Ho_Chi_Minh, got 'Mars/Olympus'", zone.getMessage());

    assertEquals("BAD_INPUT", refused(service.yearEnd(Cluster.DEFAULT_ID, ReportService.FIRST_YEAR - 1)).code());
    assertEquals("BAD_INPUT", refused(service.yearEnd(Cluster.DEFAULT_ID, ReportService.LAST_YEAR + 1)).code());
    assertEquals("NOT_FOUND", refused(service.yearEnd("nowhere", 2026)).code());
  }
}
