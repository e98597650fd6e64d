package io.gatecast.controller.calendar;

import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.layouts.LayoutChoice;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.organisation.ScreenGroup;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scheduling views of the console: what plays when on a cluster, group or screen (in blocks,
 * {@link CalendarView}) and the engine's findings for what the next publish would send
 * ({@link PublishChecks}). Both build rules with the publisher's {@link RulesBuilder} inside one
 * transaction, then ask the engine off the event loop and off the database thread.
 */
public final class CalendarService {
  /** What a calendar shows, by kind. */
  public enum TargetKind { CLUSTER, GROUP, SCREEN }

  /**
   * {@code mismatches}: screens whose own layout is not of their shape (only the checks ask);
   * {@code ownLayout}: screens that show a layout of their own (only the calendar asks).
   */
  private record Input(CalendarView.Target target, ZoneId zone, List<ScreenPlan> plans,
      List<CampaignDefinition> definitions, List<LayoutChoice.Mismatch> mismatches, Set<String> ownLayout) {}

  private final Vertx vertx;
  private final Database db;
  private final Clock clock;
  private final RulesBuilder rules;
  private final ClusterRepository clusters;
  private final GroupRepository groups;
  private final ScreenRepository screens;
  private final ScreenSetupRepository setups;
  private final CampaignRepository campaigns;

  public CalendarService(Vertx vertx, Database db, Clock clock, RulesBuilder rules, ClusterRepository clusters,
      GroupRepository groups, ScreenRepository screens, ScreenSetupRepository setups, CampaignRepository campaigns) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.rules = rules;
    this.clusters = clusters;
    this.groups = groups;
    this.screens = screens;
    this.setups = setups;
    this.campaigns = campaigns;
  }

  /** The days {@code [from, to)} (at most {@link CalendarView#MAX_WINDOW}) of one cluster, group or screen. */
  public Future<CalendarView.View> calendar(TargetKind kind, String id, LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT,
          "to (" + to + ") must be after from (" + from + "); to is the first day not shown"));
    }
    if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).compareTo(CalendarView.MAX_WINDOW) > 0) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT, "to is more than " + CalendarView.MAX_WINDOW.toDays()
          + " days after from; ask for at most " + CalendarView.MAX_WINDOW.toDays() + " days at a time"));
    }
    String kindName = kind.name().toLowerCase(java.util.Locale.ROOT);
    return db.transaction(c -> resolve(c, kindName, id))
        .compose(in -> vertx.executeBlocking(
            () -> CalendarView.of(in.target(), in.zone(), from, to, in.plans(), in.definitions(), in.ownLayout()),
            false));
  }

  /** The engine's findings over the next {@code days} days (1 to {@link PublishChecks#MAX_WINDOW}) for every active screen. */
  public Future<PublishChecks.View> checks(int days) {
    if (days < 1 || days > PublishChecks.MAX_WINDOW.toDays()) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT,
          "days must be from 1 to " + PublishChecks.MAX_WINDOW.toDays() + ", got " + days));
    }
    Instant from = clock.instant();
    Instant to = from.plus(Duration.ofDays(days));
    return db.transaction(c -> {
      java.util.Set<String> active = setups.clusterOfActiveScreens(c).keySet();
      List<ScreenPlan> plans = rules.buildAll(c, active);
      var mismatches = rules.session(c).layoutChoice().mismatches(active);
      return new Input(null, null, plans, campaigns.all(c), mismatches, Set.of());
    })
        .compose(in -> vertx.executeBlocking(() -> PublishChecks.of(in.plans(), in.definitions(), in.mismatches(),
            from, to), false));
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
    LayoutChoice layouts = rules.session(c).layoutChoice();
    Set<String> own = members.stream().filter(layouts::hasOwn).collect(java.util.stream.Collectors.toSet());
    return new Input(new CalendarView.Target(kind, id, name == null ? id : name), zone, plans, campaigns.all(c),
        List.of(), own);
  }
}
