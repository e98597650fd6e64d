package io.gatecast.controller.calendar.api;

import io.gatecast.controller.calendar.CalendarService;
import io.gatecast.controller.calendar.PublishChecks;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.QueryParams;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The scheduling views of the console: {@code GET /api/v1/calendar} (what plays when on a cluster,
 * group or screen, in blocks) and {@code GET /api/v1/publish/checks} (the engine's findings for
 * what the next publish would send), both answered by {@link CalendarService}.
 */
public final class CalendarRoutes {
  private static final String DATE_EXAMPLE = "an ISO date such as 2026-03-02";

  private final CalendarService calendars;

  public CalendarRoutes(CalendarService calendars) {
    this.calendars = calendars;
  }

  public void mount(Router router) {
    router.get("/api/v1/calendar").handler(this::calendar);
    router.get("/api/v1/publish/checks").handler(this::checks);
  }

  private void calendar(RoutingContext ctx) {
    String[] target = target(ctx);
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    calendars.calendar(CalendarService.TargetKind.valueOf(target[0].toUpperCase(Locale.ROOT)), target[1], from, to)
        .onSuccess(view -> Json.send(ctx, 200, view))
        .onFailure(ctx::fail);
  }

  private void checks(RoutingContext ctx) {
    String daysText = QueryParams.optional(ctx, "days");
    int days;
    try {
      days = daysText == null ? 7 : Integer.parseInt(daysText);
    } catch (NumberFormatException e) {
      throw Refusal.of(Kind.BAD_INPUT, "days must be a whole number of days from 1 to "
          + PublishChecks.MAX_WINDOW.toDays() + ", got '" + QueryParams.shortened(daysText) + "'");
    }
    calendars.checks(days)
        .onSuccess(view -> Json.send(ctx, 200, view))
        .onFailure(ctx::fail);
  }

  /** [kind, id] from exactly one of cluster, group, screen. */
  private static String[] target(RoutingContext ctx) {
    String[] found = null;
    for (String kind : List.of("cluster", "group", "screen")) {
      String id = QueryParams.optional(ctx, kind);
      if (id != null) {
        if (found != null) {
          throw Refusal.of(Kind.BAD_INPUT,
              "name only one of cluster, group or screen; got " + found[0] + " and " + kind);
        }
        found = new String[] {kind, id};
      }
    }
    if (found == null) {
      throw Refusal.of(Kind.BAD_INPUT, "name what to show: one of cluster=<id>, group=<id> or screen=<id>");
    }
    return found;
  }

  private static LocalDate date(RoutingContext ctx, String name) {
    String value = QueryParams.required(ctx, name, DATE_EXAMPLE + ", a day in the target's time zone");
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw Refusal.of(Kind.BAD_INPUT,
          name + " must be " + DATE_EXAMPLE + ", got '" + QueryParams.shortened(value) + "'");
    }
  }
}
