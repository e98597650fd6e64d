package io.gatecast.controller.publish;

import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.ProfilesPlannedAhead;
import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the fleet's profiles ahead of the next publish once a setup change has settled (issue 21): a publish whose
 * change is a setup change had to read and plan every screen before the gates after its first page could leave
 * (at 10,000 screens 1.8–2.0× the broker's floor; bench/BENCHMARKS.md, thirty-third session). An operator saves a
 * setup change seconds before publishing it; planned in between, the publish starts from {@link FleetProfiles} as
 * from its gates' recorded keys ({@link GatePlanner#fast}).
 *
 * <p>Every {@link #TICK} the fleet's setup generation (V94) is read; one that moved since the controller started
 * and then stayed for a whole tick, that no publish has planned every screen at and that this has not planned yet,
 * is planned while no publish is under way ({@code wanted}), in one read transaction beside the database thread:
 * the generation and every screen's setup from one snapshot. Kept in memory, the newest only; a start plans
 * nothing ahead (its first publish reads every screen, as before). Costs one read of the fleet per settled change.
 */
public final class ProfilesAhead implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProfilesAhead.class);
  static final Duration TICK = Duration.ofSeconds(1);
  /** Screens read in one query, as a publish's page. */
  private static final int PAGE = 500;

  private final Vertx vertx;
  private final Database db;
  private final ScreenRepository screens;
  private final ScreenSetupRepository setups;
  private final RulesBuilder rules;
  private final DomainEvents events;
  /** Whether planning generation {@code g} ahead is wanted now: no publish under way, and none planned every screen at g. */
  private final LongPredicate wanted;
  private volatile FleetProfiles latest;
  /** The generation read at the tick before (-1: none yet) and at the first tick (what a start found). */
  private long before = -1;
  private long atStart = -1;
  private Future<Void> step = Future.succeededFuture();
  private long timer = -1;

  ProfilesAhead(Vertx vertx, Database db, ScreenRepository screens, ScreenSetupRepository setups, RulesBuilder rules,
      DomainEvents events, LongPredicate wanted) {
    this.vertx = vertx;
    this.db = db;
    this.screens = screens;
    this.setups = setups;
    this.rules = rules;
    this.events = events;
    this.wanted = wanted;
  }

  public void start() {
    timer = vertx.setPeriodic(TICK.toMillis(), id -> tick());
  }

  /** The fleet's profiles planned ahead at {@code generation}; null when none were. */
  FleetProfiles at(long generation) {
    FleetProfiles planned = latest;
    return planned != null && planned.generation() == generation ? planned : null;
  }

  /** Reads the generation, and plans the fleet's profiles at it when it settled and is wanted. Never fails. */
  synchronized Future<Void> tick() {
    if (!step.isComplete()) {
      return step;
    }
    step = db.read(SetupGeneration::current).compose(generation -> {
      boolean settled = generation == before;
      before = generation;
      if (atStart < 0) {
        atStart = generation;
      }
      return settled && generation != atStart ? planAt(generation) : Future.succeededFuture(false);
    }).<Void>mapEmpty().otherwiseEmpty();
    return step;
  }

  /**
   * Plans the fleet's profiles at its setup generation now, settled or not, after the step under way: true when
   * they are planned at it (now or before), false when that is not wanted (a publish under way, or one planned
   * every screen at it) or failed. For tests, and a test's way to let a step under way end.
   */
  public synchronized Future<Boolean> now() {
    Future<Boolean> planned = step.transform(done -> db.read(SetupGeneration::current)).compose(this::planAt)
        .otherwise(false);
    step = planned.mapEmpty();
    return planned;
  }

  /** Plans at {@code generation} unless planned at it already or not wanted; whether they are planned at it. */
  private Future<Boolean> planAt(long generation) {
    if (at(generation) != null) {
      return Future.succeededFuture(true);
    }
    if (!wanted.test(generation)) {
      return Future.succeededFuture(false);
    }
    long started = System.nanoTime();
    return db.read(this::plan).map(planned -> {
      latest = planned;
      LOG.info("the profiles of {} screen(s) planned ahead at setup generation {} in {} ms",
          planned.placements().size(), planned.generation(), (System.nanoTime() - started) / 1_000_000);
      events.publish(new ProfilesPlannedAhead(planned.generation(), planned.placements().size()));
      return planned.generation() == generation;
    }).onFailure(e -> LOG.warn("could not plan the fleet's profiles ahead of the next publish; it reads every screen: {}",
        e.toString()));
  }

  /**
   * Every screen that plays placements, in id order as a publish's pages read them: its profile key, the profile
   * it joins (the key's first screen) and the placement it gets, in one read transaction.
   */
  private FleetProfiles plan(Connection c) throws SQLException {
    long generation = SetupGeneration.current(c);
    Map<ProfileKey, String> owners = new HashMap<>();
    Map<String, SortedMap<String, ProfileKey>> gates = new HashMap<>();
    Map<String, String> placements = new HashMap<>();
    String after = null;
    List<RegisteredScreen> page;
    do {
      page = screens.page(c, after, PAGE, false);
      ScreenPlanner.PageSetups read = ScreenPlanner.read(c, rules, page,
          setups.of(c, page.stream().map(RegisteredScreen::id).toList()));
      for (RegisteredScreen screen : read.active()) {
        if (!screen.placements()) {
          continue; // an older agent: sent whole schedules, in no profile
        }
        ProfileKey key = read.keyOf(screen);
        String gate = read.gateOf(screen);
        String profileId = owners.computeIfAbsent(key, k -> screen.id());
        gates.computeIfAbsent(gate, k -> new TreeMap<>()).put(profileId, key);
        placements.put(screen.id(), ScreenPlanner.placementOf(screen, gate, profileId, read.gateNames().get(gate)).json());
      }
      after = page.isEmpty() ? after : page.get(page.size() - 1).id();
    } while (page.size() == PAGE);
    return new FleetProfiles(generation, gates, placements);
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
