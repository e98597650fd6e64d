package io.gatecast.controller.publish;

import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.SchedulesReasserted;
import io.gatecast.controller.publish.ScheduleWatch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store is the truth, the broker a cache: each screen's last signed schedule (and each
 * cluster's alert message) is sent again exactly as published — same bytes, same version, retained,
 * QoS 1 — whenever the broker may have lost it:
 * <ul>
 *   <li>{@link #all} at start and after every reconnection of the MQTT link (a broker restarted
 *       without, or with stale, persistence);
 *   <li>a screen that reports (ONLINE) an applied version below the one it was sent, or none at
 *       all, or that refuses its schedule as REPLAYED_OR_OLDER (the broker handed it an older one); one
 *       that says it never received the version the broker took ({@code receivedVersion} below it) is
 *       sent it again {@link #LOST} after the broker took it, not {@link #QUIET}: the broker lost it
 *       (a NATS node electing leaders), no agent is fetching it (once per version, then as above);
 *   <li>a gate's newest cluster schedule, when a screen placed in it reports (ONLINE) playing an
 *       older one or none, and its agent did not answer it could not play the newest, or when a screen
 *       refuses the gate's schedule as REPLAYED_OR_OLDER ({@link ScheduleWatch#gateBehind}): a screen
 *       that starts with an empty disk would otherwise play the older one a rolled-back broker holds
 *       until the sweep's round ends;
 *   <li>a screen whose schedule the broker did not confirm within the send deadline
 *       ({@link Publisher#onUnconfirmed}), at the next tick: sent again until the broker confirms
 *       (each try waits the deadline when it does not, so the tries are that far apart); the same
 *       for a gate's cluster schedule ({@link Publisher#onGateUnconfirmed}: the gates' unsent ones);
 *   <li>a slow background sweep of {@value #SWEEP_PER_TICK} screens a second (10,000 screens in
 *       about 17 minutes), a round starting at most every {@link #ROUND} (a small fleet is not sent
 *       its schedules every few seconds), so no loss stays unnoticed and no fleet ever gets a burst;
 *       each round ends with the gates' schedules and the clusters' alert messages.
 * </ul>
 * Agents ignore a version they already play (no ack, no download), so a repeat costs them nothing.
 * A screen (a gate) is sent again on its reports at most once every {@link #QUIET}, counted on the
 * controller's clock from the last time the broker took its schedule: an agent still fetching a new
 * version is not pushed, and one that keeps refusing is not sent a storm.
 */
public final class Reassertion implements ScheduleWatch, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reassertion.class);
  static final Duration TICK = Duration.ofSeconds(1);
  static final int SWEEP_PER_TICK = 10;
  /** Most screens sent again on their own reports in one tick; more wait for the next. */
  static final int REPORTED_PER_TICK = 500;
  static final Duration QUIET = Duration.ofMinutes(2);
  /**
   * How long after the broker took a screen's schedule the screen may still not have received it: the
   * fan-out of a whole fleet's publish takes seconds; past this, a screen that says it never received it
   * is sent it again, once per version.
   */
  static final Duration LOST = Duration.ofSeconds(15);
  static final Duration ROUND = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final Publisher publisher;
  private final Supplier<Future<Integer>> alerts;
  private final DomainEvents events;
  private final java.time.Clock clock;
  /** What the broker last took for each screen: version and when. */
  private final Map<String, Sent> sent = new ConcurrentHashMap<>();
  private final Set<String> wanted = ConcurrentHashMap.newKeySet();
  /** The version each screen was last sent again because it said it never received it. */
  private final Map<String, Long> resentAsLost = new ConcurrentHashMap<>();
  /** When the broker last took each gate's cluster schedule, and the gates whose screens' reports asked for it again. */
  private final Map<String, java.time.Instant> gatesSent = new ConcurrentHashMap<>();
  private final Set<String> gatesBehind = ConcurrentHashMap.newKeySet();
  /** A gate's cluster schedule the broker did not take or confirm: the next tick sends the unsent ones again. */
  private final java.util.concurrent.atomic.AtomicBoolean gatesWanted = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile String cursor;
  private volatile long nextRoundNanos = System.nanoTime() + ROUND.toNanos();
  /** The step under way, or the last one (complete): one step at a time. */
  private Future<Void> step = Future.succeededFuture();
  private long timer = -1;

  private record Sent(long version, java.time.Instant at) {}

  /**
   * @param alerts sends every cluster's last alert message again
   * @param events told how many schedules the broker took again ({@link SchedulesReasserted})
   */
  public Reassertion(Vertx vertx, Publisher publisher, Supplier<Future<Integer>> alerts, DomainEvents events,
      java.time.Clock clock) {
    this.vertx = vertx;
    this.publisher = publisher;
    this.alerts = alerts;
    this.events = events;
    this.clock = clock;
    publisher.onHanded((screenId, version) -> sent.put(screenId, new Sent(version, clock.instant())));
    publisher.onGateHanded(clusterId -> gatesSent.put(clusterId, clock.instant()));
    publisher.onUnconfirmed(wanted::add); // never confirmed: not held to QUIET, which counts from a confirmation
    publisher.onGateUnconfirmed(() -> gatesWanted.set(true));
  }

  /** Starts the background sweep. */
  public void start() {
    timer = vertx.setPeriodic(TICK.toMillis(), id -> tick());
  }

  /** Sends every screen's last schedule and every cluster's alerts again; {@code why} is logged. Never fails. */
  public Future<Integer> all(String why) {
    return publisher.reassertAll()
        .onSuccess(n -> {
          events.publish(new SchedulesReasserted(n));
          LOG.info("{}: sent {} screen schedule(s) again as last published", why, n);
        })
        .compose(n -> alerts.get().map(n))
        .onFailure(e -> LOG.error("{}: cannot send the schedules again", why, e))
        .otherwise(0);
  }

  @Override
  public void applied(String screenId, Long appliedVersion, Long receivedVersion) {
    Sent last = sent.get(screenId);
    if (last == null || (appliedVersion != null && appliedVersion >= last.version())) {
      return; // nothing sent in this run yet (the start's re-send comes), or it plays what it was sent
    }
    // Never reached it: nothing is being fetched that a re-send would push. Once per version: a screen
    // that still says so after that (one that refuses it unread) is sent it again at QUIET's pace.
    if (receivedVersion != null && receivedVersion < last.version()
        && !Long.valueOf(last.version()).equals(resentAsLost.get(screenId))) {
      if (since(last.at()).compareTo(LOST) >= 0) {
        resentAsLost.put(screenId, last.version());
        wanted.add(screenId);
      }
      return;
    }
    want(screenId, last);
  }

  @Override
  public void refusedAsOlder(String screenId) {
    Sent last = sent.get(screenId);
    if (last != null) {
      want(screenId, last);
    }
  }

  @Override
  public void gateBehind(String clusterId) {
    java.time.Instant last = gatesSent.get(clusterId);
    if (last != null && quietSince(last)) { // none sent in this run yet: the start's re-send comes
      gatesBehind.add(clusterId);
    }
  }

  private void want(String screenId, Sent last) {
    if (quietSince(last.at())) {
      wanted.add(screenId);
    }
  }

  /** Whether {@link #QUIET} has passed since {@code at} (or the clock went back past it). */
  private boolean quietSince(java.time.Instant at) {
    return since(at).compareTo(QUIET) >= 0;
  }

  /** How long ago {@code at} was; as long as {@link #QUIET} if the clock went back past it. */
  private Duration since(java.time.Instant at) {
    Duration since = Duration.between(at, clock.instant());
    return since.isNegative() ? QUIET : since;
  }

  /**
   * One step now, once the step under way (if any) is over: what screens' reports asked for before this call has
   * been sent again when it completes. For tests, which cannot wait for the timer on a clock they move.
   */
  public Future<Void> stepNow() {
    Future<Void> underWay;
    synchronized (this) {
      underWay = step;
    }
    return underWay.transform(done -> tick());
  }

  /**
   * One step: the screens whose reports asked for it, then the next few of the sweep. Returns the step, which
   * never fails; while one is under way (the broker is slow), a new one is not started and that one is returned.
   */
  synchronized Future<Void> tick() {
    if (!step.isComplete()) {
      return step;
    }
    List<String> reported = new ArrayList<>();
    for (Iterator<String> it = wanted.iterator(); it.hasNext() && reported.size() < REPORTED_PER_TICK; ) {
      reported.add(it.next());
      it.remove();
    }
    Future<Integer> unsentGates = gatesWanted.getAndSet(false) ? publisher.reassertClusters(true)
        : Future.succeededFuture(0);
    List<String> behind = new ArrayList<>(gatesBehind);
    gatesBehind.removeAll(behind);
    // Still quiet when the re-send's turn comes: a publish queued before it may have just sent the gate.
    Future<Integer> gatesAsked = behind.isEmpty() ? Future.succeededFuture(0)
        : publisher.reassertGates(gate -> behind.contains(gate) && quietSince(gatesSent.get(gate))).onSuccess(n -> {
          if (n > 0) {
            LOG.info("sent {} gate schedule(s) again that placed screens reported behind: {}", n, behind);
          }
        });
    Future<Publisher.Reasserted> first = reported.isEmpty()
        ? Future.succeededFuture(new Publisher.Reasserted(0, 0, null))
        : publisher.reassert(reported, true).onSuccess(r -> {
          if (r.sent() > 0) {
            LOG.info("sent {} schedule(s) again that screens reported missing, older or refused as older", r.sent());
          }
        });
    step = Future.all(unsentGates, gatesAsked, first).map(all -> first.result()).compose(r -> {
      events.publish(new SchedulesReasserted(r.sent()));
      if (cursor == null && System.nanoTime() - nextRoundNanos < 0) {
        return Future.succeededFuture();
      }
      return publisher.reassertPage(cursor, SWEEP_PER_TICK).compose(page -> {
        events.publish(new SchedulesReasserted(page.sent()));
        cursor = page.read() < SWEEP_PER_TICK ? null : page.lastScreenId();
        if (cursor != null) {
          return Future.succeededFuture();
        }
        nextRoundNanos = System.nanoTime() + ROUND.toNanos();
        // The round is over: the gates' schedules and the clusters' alert messages too.
        return publisher.reassertClusters(false).compose(gates -> alerts.get()).mapEmpty();
      });
    }).onFailure(e -> LOG.warn("background re-send failed; trying again: {}", e.toString())).<Void>mapEmpty()
        .otherwiseEmpty();
    return step;
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
