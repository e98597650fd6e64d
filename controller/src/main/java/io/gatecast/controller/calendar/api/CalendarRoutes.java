package io.gatecast.controller.calendar.api;

import io.gatecast.controller.calendar.CalendarView;
import io.gatecast.controller.calendar.PublishChecks;
import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.organisation.ScreenGroup;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.QueryParams;

/**
 * The scheduling views of the console: {@code GET /api/v1/calendar} (what plays when on a cluster,
 * group or screen, in blocks) and {@code GET /api/v1/publish/checks} (the engine's findings for
 * what the next publish would send). Both build rules with the publisher's {@link RulesBuilder}
 * inside one transaction, then ask the engine off the event loop and off the database thread.
 */
public final class CalendarRoutes {
  private static final String DATE_EXAMPLE = "an ISO date such as 2026-03-02";

  private final Vertx vertx;
  private final Database db;
  private final Clock clock;
  private final RulesBuilder rules;
  private final ClusterRepository clusters = new ClusterRepository();
  private final GroupRepository groups = new GroupRepository();
  private final ScreenRepository screens = new ScreenRepository();
  private final ScreenSetupRepository setups = new ScreenSetupRepository();
  private final CampaignRepository campaigns = new CampaignRepository();

  public CalendarRoutes(Vertx vertx, Database db, Clock clock, RulesBuilder rules) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.rules = rules;
  }

  public void mount(Router router) {
    router.get("/api/v1/calendar").handler(this::calendar);
    router.get("/api/v1/publish/checks").handler(this::checks);
  }

  private record Input(CalendarView.Target target, ZoneId zone, List<ScreenPlan> plans,
      List<CampaignDefinition> definitions) {}

  private void calendar(RoutingContext ctx) {
    String[] target = target(ctx);
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (!to.isAfter(from)) {
      throw Refusal.of(Kind.BAD_INPUT,
          "to (" + to + ") must be after from (" + from + "); to is the first day not shown");
    }
    if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).compareTo(CalendarView.MAX_WINDOW) > 0) {
      throw Refusal.of(Kind.BAD_INPUT, "to is more than " + CalendarView.MAX_WINDOW.toDays()
          + " days after from; ask for at most " + CalendarView.MAX_WINDOW.toDays() + " days at a time");
    }
    db.transaction(c -> resolve(c, target[0], target[1]))
        .compose(in -> vertx.executeBlocking(
            () -> CalendarView.of(in.target(), in.zone(), from, to, in.plans(), in.definitions()), false))
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
    if (days < 1 || days > PublishChecks.MAX_WINDOW.toDays()) {
      throw Refusal.of(Kind.BAD_INPUT, "days must be from 1 to " + PublishChecks.MAX_WINDOW.toDays() + ", got " + days);
    }
    Instant from = clock.instant();
    Instant to = from.plus(Duration.ofDays(days));
    db.transaction(c -> {
      List<ScreenPlan> plans = rules.buildAll(c, setups.clusterOfActiveScreens(c).keySet());
      return new Input(null, null, plans, campaigns.all(c));
    })
        .compose(in -> vertx.executeBlocking(() -> PublishChecks.of(in.plans(), in.definitions(), from, to), false))
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

  private Input resolve(Connection c, String kind, String id) throws SQLException {
    Map<String, String> active = setups.clusterOfActiveScreens(c);
    String name;
    List<String> members;
    String zoneCluster;
    switch (kind) {
      case "cluster" -> {
        Cluster cluster = clusters.find(c, id).orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "no cluster " + id));
        name = cluster.name();
        members = active.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).toList();
        zoneCluster = id;
      }
      case "group" -> {
        ScreenGroup group = groups.find(c, id).orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "no group " + id));
        name = group.name();
        members = group.screenIds().stream().filter(active::containsKey).sorted().toList();
        // A group may span gates; its calendar is drawn in the zone of its first screen's gate.
        zoneCluster = members.isEmpty() ? Cluster.DEFAULT_ID : active.get(members.get(0));
      }
      default -> {
        name = screens.find(c, id).orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "no screen " + id)).name();
        members = active.containsKey(id) ? List.of(id) : List.of();
        zoneCluster = setups.find(c, id).map(s -> s.clusterId()).orElse(Cluster.DEFAULT_ID);
      }
    }
    Cluster home = clusters.find(c, zoneCluster).orElse(null);
    if (home == null) {
      home = clusters.find(c, Cluster.DEFAULT_ID).orElse(null);
    }
    ZoneId zone = ZoneId.of(home == null ? "Asia/Ho_Chi_Minh" : home.zone());
    List<ScreenPlan> plans = rules.buildAll(c, members);
    return new Input(new CalendarView.Target(kind, id, name == null ? id : name), zone, plans, campaigns.all(c));
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
