package io.gatecast.controller.reports.api;

import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.reports.Dimension;
import io.gatecast.controller.reports.PlayReports;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.proofofplay.PlayRepository.Filter;
import io.gatecast.controller.screens.ScreenRepository;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.QueryParams;

/**
 * Proof-of-play reports: {@code GET /api/v1/reports/plays} and {@code GET /api/v1/reports/year-end},
 * as JSON or, with {@code format=csv}, as RFC 4180 CSV.
 */
public final class ReportRoutes {
  private final Database db;
  private final Clock clock;
  private final PlayReports reports;
  private final ClusterDirectory clusters;
  private final ScreenRepository screens = new ScreenRepository();

  public ReportRoutes(Database db, Clock clock, PlayReports reports, ClusterDirectory clusters) {
    this.db = db;
    this.clock = clock;
    this.reports = reports;
    this.clusters = clusters;
  }

  public void mount(Router router) {
    router.get("/api/v1/reports/plays").handler(this::plays);
    router.get("/api/v1/reports/year-end").handler(this::yearEnd);
  }

  private void plays(RoutingContext ctx) {
    var period = QueryParams.period(ctx);
    String groupByName = QueryParams.required(ctx, "groupBy", allDimensions());
    Dimension groupBy = Dimension.of(groupByName);
    if (groupBy == null) {
      throw Refusal.of(Kind.BAD_INPUT, "groupBy must be one of " + allDimensions() + ", got '"
          + QueryParams.shortened(groupByName) + "'");
    }
    boolean csv = csv(ctx);
    String clusterId = QueryParams.optional(ctx, "clusterId");
    String screenId = QueryParams.optional(ctx, "screenId");
    String zoneName = QueryParams.optional(ctx, "zone");
    db.transaction(c -> {
      if (clusterId != null && !clusters.exists(c, clusterId)) {
        throw Refusal.of(Kind.NOT_FOUND, "no cluster " + clusterId);
      }
      if (screenId != null && !screens.exists(c, screenId)) {
        throw Refusal.of(Kind.NOT_FOUND, "no screen " + screenId);
      }
      ZoneId zone = zoneName != null ? zone(zoneName)
          : clusters.zoneOf(c, clusterId != null ? clusterId : ClusterDirectory.DEFAULT_CLUSTER);
      return reports.plays(c, groupBy, new Filter(period[0], period[1], clusterId, screenId), zone);
    }).onSuccess(report -> {
      if (csv) {
        sendCsv(ctx, "plays-by-" + report.groupBy() + ".csv", PlayReports.csv(report));
      } else {
        Json.send(ctx, 200, report);
      }
    }).onFailure(ctx::fail);
  }

  private void yearEnd(RoutingContext ctx) {
    String yearText = QueryParams.required(ctx, "year", "a year such as 2026");
    int year;
    try {
      year = Integer.parseInt(yearText);
    } catch (NumberFormatException e) {
      throw Refusal.of(Kind.BAD_INPUT,
          "year must be a year such as 2026, got '" + QueryParams.shortened(yearText) + "'");
    }
    if (year < 2000 || year > 9999) {
      throw Refusal.of(Kind.BAD_INPUT, "year must be between 2000 and 9999, got " + year);
    }
    String clusterId = QueryParams.required(ctx, "clusterId", "the id of the cluster (border gate) to summarise");
    boolean csv = csv(ctx);
    db.transaction(c -> {
      if (!clusters.exists(c, clusterId)) {
        throw Refusal.of(Kind.NOT_FOUND, "no cluster " + clusterId);
      }
      return reports.yearEnd(c, clusterId, year, clock.instant());
    }).onSuccess(summary -> {
      if (csv) {
        sendCsv(ctx, "year-end-" + clusterId + "-" + year + ".csv", PlayReports.csv(summary));
      } else {
        Json.send(ctx, 200, summary);
      }
    }).onFailure(ctx::fail);
  }

  private static boolean csv(RoutingContext ctx) {
    String format = QueryParams.optional(ctx, "format");
    if (format == null || format.equals("json")) {
      return false;
    }
    if (format.equals("csv")) {
      return true;
    }
    throw Refusal.of(Kind.BAD_INPUT, "format must be json or csv, got '" + QueryParams.shortened(format) + "'");
  }

  private static ZoneId zone(String name) {
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw Refusal.of(Kind.BAD_INPUT,
          "zone must be a time zone such as Asia/Ho_Chi_Minh, got '" + QueryParams.shortened(name) + "'");
    }
  }

  private static void sendCsv(RoutingContext ctx, String fileName, String text) {
    ctx.response().setStatusCode(200)
        .putHeader("content-type", "text/csv; charset=utf-8; header=present")
        .putHeader("content-disposition", "attachment; filename=\"" + fileName + "\"")
        .end(io.vertx.core.buffer.Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String allDimensions() {
    return Arrays.stream(Dimension.values()).map(Dimension::wireName).collect(Collectors.joining("|"));
  }
}
