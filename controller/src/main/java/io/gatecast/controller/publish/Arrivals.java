package io.gatecast.controller.publish;

import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.ScreenChanged;
import io.gatecast.controller.events.ScreenSetUp;
import io.gatecast.controller.events.ScreenWaits;
import io.gatecast.controller.events.ScreensArrived;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A screen arriving at a gate plays the gate's programme at once instead of nothing (newly paired) or its
 * old gate's (moved) until an operator's next publish: a screen that reports playing nothing, and a screen
 * whose setup was just changed, are handed to {@link Publisher#placeArrivals}, which places each when its
 * gate's schedule on air already holds exactly what a publish would give it, and otherwise leaves it to the
 * next publish. A screen reporting nothing is tried at most once every {@link #RETRY} (one that must wait is
 * not rebuilt at every heartbeat), and again at its next report once its setup changed. Why a screen waits
 * is kept (in memory: a restart learns it again at the screen's next report) for the screen page to say.
 */
public final class Arrivals implements ScheduleWatch, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Arrivals.class);
  static final Duration TICK = Duration.ofSeconds(1);
  /** Most screens tried in one tick; more wait for the next (a whole fleet paired at once, a fresh bench). */
  static final int PER_TICK = 500;
  static final Duration RETRY = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final Publisher publisher;
  private final DomainEvents events;
  private final Clock clock;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  /** When each screen was last tried. */
  private final Map<String, Instant> tried = new ConcurrentHashMap<>();
  /** Why each screen left to wait waits, as of its last try. */
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private Future<Void> step = Future.succeededFuture();
  private long timer = -1;

  public Arrivals(Vertx vertx, Publisher publisher, DomainEvents events, Clock clock) {
    this.vertx = vertx;
    this.publisher = publisher;
    this.events = events;
    this.clock = clock;
    events.subscribe(ScreenChanged.class, e -> tried.remove(e.screenId()));
    events.subscribe(ScreenSetUp.class, e -> reported.add(e.screenId())); // moved: tried at the next tick
  }

  /**
   * Why a screen waits for the next publish: its last try left it waiting, and it has been published nothing
   * since ({@code publishedVersion} is still the version it had then).
   */
  public record Waiting(Publisher.WaitReason reason, long publishedVersion, Instant since) {}

  /** Why the screen, now published {@code publishedVersion}, waits for the next publish; empty: it does not. */
  public Optional<Waiting> waiting(String screenId, long publishedVersion) {
    return Optional.ofNullable(waiting.get(screenId)).filter(w -> w.publishedVersion() == publishedVersion);
  }

  public void start() {
    timer = vertx.setPeriodic(TICK.toMillis(), id -> tick());
  }

  @Override
  public void playsNothing(String screenId) {
    Instant last = tried.get(screenId);
    if (last == null || !Duration.between(last, clock.instant()).abs().minus(RETRY).isNegative()) {
      reported.add(screenId);
    }
  }

  /** Tries the screens reported since the last tick, once the step under way (if any) is over. Never fails. */
  synchronized Future<Void> tick() {
    if (!step.isComplete() || reported.isEmpty()) {
      return step;
    }
    List<String> screens = new ArrayList<>();
    for (Iterator<String> it = reported.iterator(); it.hasNext() && screens.size() < PER_TICK; ) {
      screens.add(it.next());
      it.remove();
    }
    Instant now = clock.instant();
    screens.forEach(id -> tried.put(id, now));
    step = publisher.placeArrivals(screens).onSuccess(arrived -> {
      if (!arrived.placed().isEmpty()) {
        LOG.info("placed {} newly paired or moved screen(s) in their gate's programme on air: {}", arrived.placed().size(),
            arrived.placed());
      }
      arrived.placed().forEach(waiting::remove);
      arrived.placed().forEach(id -> events.publish(new ScreenChanged(id)));
      arrived.waiting().forEach(w -> waits(w, now));
      // Nothing was decided for these: tried again at their next report, not in RETRY.
      arrived.unknownAgents().forEach(tried::remove);
      events.publish(new ScreensArrived(arrived.placed().size(), arrived.waiting().size(),
          arrived.unknownAgents().size()));
    }).onFailure(e -> {
      LOG.warn("could not place newly paired or moved screens {}; tried again at their next report: {}", screens,
          e.toString());
      screens.forEach(tried::remove);
    }).<Void>mapEmpty().otherwiseEmpty();
    return step;
  }

  /** Keeps why {@code w} waits; a new reason (or a first) is told, and the time it began is kept while it stays. */
  private void waits(Publisher.Waiting w, Instant now) {
    Waiting before = waiting.get(w.screenId());
    if (before != null && before.reason() == w.reason() && before.publishedVersion() == w.publishedVersion()) {
      return;
    }
    waiting.put(w.screenId(), new Waiting(w.reason(), w.publishedVersion(), now));
    events.publish(new ScreenWaits(w.screenId()));
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
