package io.gatecast.controller.reports;

import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.proofofplay.PlayRepository.Filter;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Proof-of-play reports: plays over a period grouped by one {@link Dimension}, and a gate's year-end
 * summary. The rules: the cluster and screen named exist, a zone is a real time zone (by default
 * the cluster's), a year is a four-digit year from 2000. Read beside the database thread ({@link Database#read}):
 * counting a gate's year of plays row by row took over a minute at 13.6 million plays (ReportBench), which an
 * urgent alert or a heartbeat must not wait for.
 */
public final class ReportService {
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 9999;

  private final Database db;
  private final Clock clock;
  private final PlayReports reports;
  private final ClusterDirectory clusters;
  private final ScreenRepository screens;

  public ReportService(Database db, Clock clock, PlayReports reports, ClusterDirectory clusters,
      ScreenRepository screens) {
    this.db = db;
    this.clock = clock;
    this.reports = reports;
    this.clusters = clusters;
    this.screens = screens;
  }

  /**
   * Plays in {@code [from, to)}, optionally of one cluster or screen.
   *
   * @param zoneName the zone days and months are counted in; null: the cluster's (or the default cluster's)
   */
  public Future<PlayReports.PlayReport> plays(Dimension groupBy, Instant from, Instant to, String clusterId,
      String screenId, String zoneName) {
    return db.read(c -> {
      if (clusterId != null && !clusters.exists(c, clusterId)) {
        throw Refusal.of(Kind.NOT_FOUND, "no cluster " + clusterId);
      }
      if (screenId != null && !screens.exists(c, screenId)) {
        throw Refusal.of(Kind.NOT_FOUND, "no screen " + screenId);
      }
      ZoneId zone = zoneName != null ? zone(zoneName)
          : clusters.zoneOf(c, clusterId != null ? clusterId : ClusterDirectory.DEFAULT_CLUSTER);
      return reports.plays(c, groupBy, new Filter(from, to, clusterId, screenId), zone);
    });
  }

  /** A gate's year in the gate's time zone: plays, airtime, uptime, by item, campaign, language and month. */
  public Future<PlayReports.YearEnd> yearEnd(String clusterId, int year) {
    return db.read(c -> {
      requireYear(year);
      if (!clusters.exists(c, clusterId)) {
        throw Refusal.of(Kind.NOT_FOUND, "no cluster " + clusterId);
      }
      return reports.yearEnd(c, clusterId, year, clock.instant());
    });
  }

  /** Every gate's year, each in its own time zone, in gate order: the province's report in one answer. */
  public Future<List<PlayReports.YearEnd>> yearEnds(int year) {
    return db.read(c -> {
      requireYear(year);
      return reports.yearEnds(c, year, clock.instant());
    });
  }

  private static void requireYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw Refusal.of(Kind.BAD_INPUT, "year must be between " + FIRST_YEAR + " and " + LAST_YEAR + ", got " + year);
    }
  }

  private static ZoneId zone(String name) {
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw Refusal.of(Kind.BAD_INPUT, "zone must be a time zone such as Asia/Ho_Chi_Minh, got '"
          + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
    }
  }
}
