package io.gatecast.controller.reports;

import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.fleet.UptimeCalculator.Uptime;
import io.gatecast.controller.content.Content;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.proofofplay.PlayRepository;
import io.gatecast.controller.proofofplay.PlayRepository.Filter;
import io.gatecast.controller.proofofplay.PlayRepository.Group;
import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.GateStays;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetupRepository;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proof-of-play reports: plays and airtime grouped by campaign, item, language, screen, cluster or
 * day; uptime over a period per screen and cluster; and a cluster's year-end summary. A play counts
 * in the period its start falls in. Every method runs inside a database transaction.
 */
public final class PlayReports {
  /** The key of plays of the default playlist when grouping by campaign. */
  public static final String NO_CAMPAIGN = "";

  /**
   * One group.
   *
   * @param title the content item's title when grouping by item; null otherwise
   * @param airtimeSeconds exact to the millisecond
   */
  public record Row(String key, String title, long plays, BigDecimal airtimeSeconds) {}

  public record PlayReport(Instant from, Instant to, String groupBy, String zone, String clusterId, String screenId,
      long totalPlays, BigDecimal totalAirtimeSeconds, List<Row> rows) {}

  /** Uptime of one screen or one cluster over a period; null percent when nothing was measured. */
  public record UptimeRow(String screenId, String screenName, String clusterId, Double uptimePercent, long upSeconds,
      long measuredSeconds) {
    static UptimeRow of(String screenId, String screenName, String clusterId, Uptime uptime) {
      return new UptimeRow(screenId, screenName, clusterId, uptime.percent(), uptime.up().toSeconds(),
          uptime.measured().toSeconds());
    }
  }

  public record UptimeReport(Instant from, Instant to, String clusterId, List<UptimeRow> clusters, List<UptimeRow> screens) {}

  /** What a cluster showed in a year, how often, in which languages, and how much of the time its screens were up. */
  public record YearEnd(String clusterId, int year, String zone, Instant from, Instant to, long totalPlays,
      BigDecimal totalAirtimeSeconds, Double uptimePercent, List<Row> items, List<Row> campaigns, List<Row> languages,
      List<Row> months, List<UptimeRow> screens) {}

  private final PlayRepository plays;
  private final ContentRepository content;
  private final ScreenRepository screens;
  private final ScreenSetupRepository setups;
  private final ClusterDirectory clusters;
  private final FleetHealth health;

  public PlayReports(ClusterDirectory clusters, FleetHealth health, PlayRepository plays, ContentRepository content,
      ScreenRepository screens, ScreenSetupRepository setups) {
    this.plays = plays;
    this.setups = setups;
    this.content = content;
    this.screens = screens;
    this.clusters = clusters;
    this.health = health;
  }

  public PlayReport plays(Connection c, Dimension groupBy, Filter filter, ZoneId zone) throws SQLException {
    List<Row> rows = rows(c, groupBy, filter, zone);
    long total = 0;
    long millis = 0;
    for (Group group : plays.grouped(c, Dimension.CLUSTER.column, filter)) {
      total += group.plays();
      millis += group.airtimeMillis();
    }
    return new PlayReport(filter.from(), filter.to(), groupBy.wireName(), zone.getId(), filter.clusterId(), filter.screenId(),
        total, seconds(millis), rows);
  }

  private List<Row> rows(Connection c, Dimension groupBy, Filter filter, ZoneId zone) throws SQLException {
    List<Group> groups = plays.grouped(c, groupBy.column, filter);
    List<Row> rows = new ArrayList<>();
    if (groupBy == Dimension.DAY) {
      // Quarter hours to local days: every time zone's offset is a whole number of quarter hours.
      Map<LocalDate, long[]> days = new TreeMap<>();
      for (Group group : groups) {
        LocalDate day = Instant.ofEpochMilli(Long.parseLong(group.key()) * 900_000L).atZone(zone).toLocalDate();
        long[] sums = days.computeIfAbsent(day, d -> new long[2]);
        sums[0] += group.plays();
        sums[1] += group.airtimeMillis();
      }
      days.forEach((day, sums) -> rows.add(new Row(day.toString(), null, sums[0], seconds(sums[1]))));
      return rows;
    }
    for (Group group : groups) {
      String key = group.key() == null ? NO_CAMPAIGN : group.key();
      String title = groupBy == Dimension.ITEM ? content.find(c, key).map(Content::title).orElse(null) : null;
      rows.add(new Row(key, title, group.plays(), seconds(group.airtimeMillis())));
    }
    return rows;
  }

  /**
   * Uptime over {@code [from, to)} of every screen (or a cluster's), and per cluster: a screen counts at each
   * gate for the time it was there (one row a gate it was at; a screen moved during the period has two).
   */
  public UptimeReport uptime(Connection c, Instant from, Instant to, String clusterId, Instant now) throws SQLException {
    Map<String, Uptime> perCluster = new TreeMap<>();
    List<UptimeRow> screenRows = new ArrayList<>();
    Map<String, List<GateStays.Stay>> history = setups.gateHistory(c);
    for (RegisteredScreen screen : screens.all(c)) {
      Map<String, Uptime> atGates = new LinkedHashMap<>();
      for (GateStays.Span span : GateStays.within(history.getOrDefault(screen.id(), List.of()),
          clusters.clusterOf(c, screen.id()), from, to)) {
        if (clusterId == null || clusterId.equals(span.clusterId())) {
          atGates.merge(span.clusterId(), health.uptime(c, screen, span.from(), span.to(), now), Uptime::plus);
        }
      }
      atGates.forEach((cluster, uptime) -> {
        screenRows.add(UptimeRow.of(screen.id(), screen.name(), cluster, uptime));
        perCluster.merge(cluster, uptime, Uptime::plus);
      });
    }
    if (clusterId != null) {
      perCluster.putIfAbsent(clusterId, Uptime.NONE);
    }
    List<UptimeRow> clusterRows = new ArrayList<>();
    perCluster.forEach((cluster, uptime) -> clusterRows.add(UptimeRow.of(null, null, cluster, uptime)));
    return new UptimeReport(from, to, clusterId, clusterRows, screenRows);
  }

  public YearEnd yearEnd(Connection c, String clusterId, int year, Instant now) throws SQLException {
    ZoneId zone = clusters.zoneOf(c, clusterId);
    Instant[] period = yearIn(year, zone);
    return yearEnd(c, clusterId, year, zone, uptime(c, period[0], period[1], clusterId, now));
  }

  /**
   * Every gate's year-end summary, in gate order: what a province reports before 5 December. The fleet's uptime
   * is worked out once per time zone the gates keep (each gate's year runs in its own zone), not once a gate.
   */
  public List<YearEnd> yearEnds(Connection c, int year, Instant now) throws SQLException {
    Map<ZoneId, UptimeReport> uptimeByZone = new HashMap<>();
    List<YearEnd> all = new ArrayList<>();
    for (String clusterId : clusters.clusterIds(c)) {
      ZoneId zone = clusters.zoneOf(c, clusterId);
      UptimeReport fleet = uptimeByZone.get(zone);
      if (fleet == null) {
        Instant[] period = yearIn(year, zone);
        fleet = uptime(c, period[0], period[1], null, now);
        uptimeByZone.put(zone, fleet);
      }
      UptimeRow gate = fleet.clusters().stream().filter(r -> r.clusterId().equals(clusterId)).findFirst()
          .orElse(UptimeRow.of(null, null, clusterId, Uptime.NONE));
      all.add(yearEnd(c, clusterId, year, zone, new UptimeReport(fleet.from(), fleet.to(), clusterId, List.of(gate),
          fleet.screens().stream().filter(r -> r.clusterId().equals(clusterId)).toList())));
    }
    return all;
  }

  /** The gate's year from its plays and {@code uptime}, the gate's uptime over that year. */
  private YearEnd yearEnd(Connection c, String clusterId, int year, ZoneId zone, UptimeReport uptime)
      throws SQLException {
    Filter filter = new Filter(uptime.from(), uptime.to(), clusterId, null);
    PlayReport totals = plays(c, Dimension.CLUSTER, filter, zone);
    return new YearEnd(clusterId, year, zone.getId(), uptime.from(), uptime.to(), totals.totalPlays(),
        totals.totalAirtimeSeconds(), uptime.clusters().get(0).uptimePercent(), rows(c, Dimension.ITEM, filter, zone),
        rows(c, Dimension.CAMPAIGN, filter, zone), rows(c, Dimension.LANGUAGE, filter, zone), months(c, filter, zone),
        uptime.screens());
  }

  /** 1 January 00:00 to the next 1 January 00:00, in {@code zone}. */
  private static Instant[] yearIn(int year, ZoneId zone) {
    return new Instant[] {ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, zone).toInstant(),
        ZonedDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, zone).toInstant()};
  }

  private List<Row> months(Connection c, Filter filter, ZoneId zone) throws SQLException {
    Map<String, long[]> months = new TreeMap<>();
    for (Row day : rows(c, Dimension.DAY, filter, zone)) {
      long[] sums = months.computeIfAbsent(day.key().substring(0, 7), m -> new long[2]);
      sums[0] += day.plays();
      sums[1] += day.airtimeSeconds().movePointRight(3).longValueExact();
    }
    List<Row> rows = new ArrayList<>();
    months.forEach((month, sums) -> rows.add(new Row(month, null, sums[0], seconds(sums[1]))));
    return rows;
  }

  public static String csv(PlayReport report) {
    Csv csv = new Csv().row(report.groupBy(), "title", "plays", "airtime_seconds");
    for (Row row : report.rows()) {
      csv.row(row.key(), row.title(), row.plays(), row.airtimeSeconds().toPlainString());
    }
    return csv.toString();
  }

  /** One table: {@code section} says what a row is (total, item, campaign, language, month, screen, cluster). */
  public static String csv(YearEnd summary) {
    Csv csv = new Csv().row("section", "key", "title", "plays", "airtime_seconds", "uptime_percent");
    addSummary(csv, null, summary);
    return csv.toString();
  }

  /** Every gate's summary in one table, each row led by its gate's id. */
  public static String csv(List<YearEnd> summaries) {
    Csv csv = new Csv().row("gate", "section", "key", "title", "plays", "airtime_seconds", "uptime_percent");
    for (YearEnd summary : summaries) {
      addSummary(csv, summary.clusterId(), summary);
    }
    return csv.toString();
  }

  /** The summary's rows, each led by {@code gate} unless it is null. */
  private static void addSummary(Csv csv, String gate, YearEnd summary) {
    line(csv, gate, "total", summary.clusterId() + " " + summary.year(), null, summary.totalPlays(),
        summary.totalAirtimeSeconds().toPlainString(), summary.uptimePercent());
    addRows(csv, gate, "item", summary.items());
    addRows(csv, gate, "campaign", summary.campaigns());
    addRows(csv, gate, "language", summary.languages());
    addRows(csv, gate, "month", summary.months());
    for (UptimeRow screen : summary.screens()) {
      line(csv, gate, "screen", screen.screenId(), screen.screenName(), null, null, screen.uptimePercent());
    }
  }

  private static void addRows(Csv csv, String gate, String section, List<Row> rows) {
    for (Row row : rows) {
      line(csv, gate, section, row.key(), row.title(), row.plays(), row.airtimeSeconds().toPlainString(), null);
    }
  }

  /** A row, led by its gate's id in the every-gate table ({@code gate} null: a one-gate table has no such column). */
  private static void line(Csv csv, String gate, Object... cells) {
    List<Object> row = new ArrayList<>();
    if (gate != null) {
      row.add(gate);
    }
    row.addAll(java.util.Arrays.asList(cells));
    csv.row(row);
  }

  private static BigDecimal seconds(long millis) {
    return BigDecimal.valueOf(millis, 3);
  }
}
