package io.gatecast.controller.reports.api;

import io.gatecast.controller.reports.Dimension;
import io.gatecast.controller.reports.PlayReports;
import io.gatecast.controller.reports.ReportService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
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
  private final ReportService reports;

  public ReportRoutes(ReportService reports) {
    this.reports = reports;
  }

  public void mount(Router router) {
    router.get("/api/v1/reports/plays").handler(this::plays);
    router.get("/api/v1/reports/year-end").handler(this::yearEnd);
    router.get("/api/v1/reports/year-end/gates").handler(this::yearEnds);
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
    reports.plays(groupBy, period[0], period[1], clusterId, screenId, zoneName).onSuccess(report -> {
      if (csv) {
        sendCsv(ctx, "plays-by-" + report.groupBy() + ".csv", PlayReports.csv(report));
      } else {
        Json.send(ctx, 200, report);
      }
    }).onFailure(ctx::fail);
  }

  private void yearEnd(RoutingContext ctx) {
    int year = year(ctx);
    String clusterId = QueryParams.required(ctx, "clusterId", "the id of the cluster (border gate) to summarise");
    boolean csv = csv(ctx);
    reports.yearEnd(clusterId, year).onSuccess(summary -> {
      if (csv) {
        sendCsv(ctx, "year-end-" + clusterId + "-" + year + ".csv", PlayReports.csv(summary));
      } else {
        Json.send(ctx, 200, summary);
      }
    }).onFailure(ctx::fail);
  }

  /** Every gate's year-end summary: a JSON array in gate order, or one CSV led by a gate column. */
  private void yearEnds(RoutingContext ctx) {
    int year = year(ctx);
    boolean csv = csv(ctx);
    reports.yearEnds(year).onSuccess(summaries -> {
      if (csv) {
        sendCsv(ctx, "year-end-all-gates-" + year + ".csv", PlayReports.csv(summaries));
      } else {
        Json.send(ctx, 200, summaries);
      }
    }).onFailure(ctx::fail);
  }

  private static int year(RoutingContext ctx) {
    String yearText = QueryParams.required(ctx, "year", "a year such as 2026");
    try {
      return Integer.parseInt(yearText);
    } catch (NumberFormatException e) {
      throw Refusal.of(Kind.BAD_INPUT,
          "year must be a year such as 2026, got '" + QueryParams.shortened(yearText) + "'");
    }
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
