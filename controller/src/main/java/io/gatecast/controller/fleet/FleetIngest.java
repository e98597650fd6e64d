package io.gatecast.controller.fleet;

import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.publish.DeliveryRepository;
import io.gatecast.controller.fleet.HistoryEntry;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a batch of what screens report — heartbeats, last-wills, schedule answers and proof of
 * play ({@link PlaySink}) — in arrival order inside one transaction (the
 * {@link io.gatecast.controller.store.WriteBehind} batch writer of the {@link FleetMonitor}). Each
 * status goes through {@link FleetHealth#recordStatus} as it would alone, so every change of a
 * screen's truths is in its history, in order, with its own time — an OFFLINE then ONLINE in one
 * batch records both.
 *
 * <p>One shortcut: a heartbeat that changes none of its screen's truths (same state, display and
 * applied version as the one before it in the batch) and is followed by a newer one from the same
 * screen in the batch is skipped — the newer one overwrites everything it would have stored.
 *
 * <p>A status that names an applied version also settles that version's delivery as APPLIED if no
 * agent answered it yet (pending, or failed by a send whose confirmation was lost): an ack lost (a
 * controller stopped with it queued, or a broker that dropped it) heals with the screen's next
 * heartbeat after a restart, or with the one that brings its content up to date.
 *
 * <p>Under load the batches grow (up to {@code INGEST_BATCH}), so more of a screen's heartbeats meet
 * in one batch and more are skipped: the less the database keeps up, the less each heartbeat costs.
 */
public final class FleetIngest {
  private static final Logger LOG = LoggerFactory.getLogger(FleetIngest.class);

  /** What arrived from a screen, with the time it arrived. */
  public sealed interface Incoming permits Status, Answer, Plays {}

  public record Status(StatusMessage status, Instant at) implements Incoming {}

  public record Answer(ScheduleAck ack, Instant at) implements Incoming {}

  public record Plays(PlayBatch batch, Instant at) implements Incoming {}

  /** A screen's batch of plays, stored with {@code added} new plays in it (0 when it was sent again). */
  public record PlayBatchStored(PlayBatch batch, int added) {}

  private final FleetHealth health;
  private final Metrics metrics;
  private final DeliveryRepository deliveries;
  private final PlaySink plays;
  /** The applied version each screen last reported since start (touched on the database thread only). */
  private final Map<String, Long> reportedApplied = new HashMap<>();
  /**
   * The version of each screen whose delivery an APPLIED ack settled, in a batch this controller
   * committed. A status naming that version has nothing to settle: a delivery answered never goes
   * back to PENDING, so its statement is skipped (one a screen a publish). Concurrent maps: a batch
   * is written on the database thread, {@link #committed} is called where its commit is heard.
   */
  private final Map<String, Long> settledByAck = new java.util.concurrent.ConcurrentHashMap<>();
  /** What the batch being written settled by ack: kept once its transaction committed ({@link #committed}). */
  private final Map<String, Long> settlingByAck = new java.util.concurrent.ConcurrentHashMap<>();
  /**
   * The screens that went up or down in the batch last written, in order. Each write starts it anew
   * (a batch whose transaction failed is written again item by item), so once a write committed it
   * holds what that write stored; the monitor tells it on the event bus then.
   */
  private volatile List<FleetHealth.Recorded> upChanges = List.of();
  /** The gates a placed screen of the batch last written reported playing an older schedule of (as {@link #upChanges}). */
  private volatile java.util.Set<String> gatesBehind = java.util.Set.of();
  /**
   * The play batches of registered screens in the batch last written (as {@link #upChanges}), those
   * that added nothing too: a batch sent again still gets its receipt.
   */
  private volatile List<PlayBatchStored> playBatchesStored = List.of();

  public FleetIngest(FleetHealth health, Metrics metrics, DeliveryRepository deliveries, PlaySink plays) {
    this.deliveries = deliveries;
    this.plays = plays;
    this.health = health;
    this.metrics = metrics;
  }

  /** The screens that went up or down in the last batch written (read once its transaction committed). */
  public List<FleetHealth.Recorded> upChangesWritten() {
    return upChanges;
  }

  /** The gates a placed screen of the last batch written plays an older schedule of (read once its transaction committed). */
  public java.util.Set<String> gatesBehindWritten() {
    return gatesBehind;
  }

  /** The play batches of registered screens in the last batch written (read once its transaction committed). */
  public List<PlayBatchStored> playBatchesStoredWritten() {
    return playBatchesStored;
  }

  /** Stores {@code batch} in order inside the caller's transaction. */
  public void write(Connection c, List<Incoming> batch) throws SQLException {
    List<FleetHealth.Recorded> changed = new ArrayList<>();
    upChanges = changed;
    gatesBehind = new java.util.HashSet<>();
    playBatchesStored = new ArrayList<>();
    settlingByAck.clear();
    boolean[] superseded = superseded(batch);
    for (int i = 0; i < batch.size(); i++) {
      if (superseded[i]) {
        continue;
      }
      if (batch.get(i) instanceof Status s) {
        storeStatus(c, s.status(), s.at());
      } else if (batch.get(i) instanceof Answer a && a.ack().clusterVersion() != null) {
        storeClusterAnswer(c, a.ack(), a.at());
      } else if (batch.get(i) instanceof Answer a) {
        storeAnswer(c, a.ack().screenId(), a.ack().version(), a.ack().outcome(), a.ack().error(), a.at(), true);
      } else if (batch.get(i) instanceof Plays p) {
        storePlays(c, p.batch(), p.at());
      }
    }
  }

  private void storePlays(Connection c, PlayBatch batch, Instant at) throws SQLException {
    int added = plays.store(c, batch, at);
    if (added < 0) {
      LOG.warn("plays from unregistered screen {} not stored", batch.screenId());
    } else {
      playBatchesStored.add(new PlayBatchStored(batch, added));
    }
  }

  /** Where a screen's reported state is stored (one place). */
  private void storeStatus(Connection c, StatusMessage status, Instant at) throws SQLException {
    var recorded = health.recordStatus(c, status, at);
    if (recorded.isEmpty()) {
      LOG.warn("status from unregistered screen {} ignored", status.screenId());
      return;
    }
    if (recorded.get().upChanged()) {
      upChanges.add(recorded.get());
    }
    if (recorded.get().gateBehind() != null) {
      gatesBehind.add(recorded.get().gateBehind());
    }
    // Settling costs a statement, so only when an ack can have been lost unseen: the screen's first
    // status since this controller started (acks lost with a stop), one that names another applied
    // version than its last (an ack lost while the controller moved between broker nodes, or still
    // on its way), or one that just made its content up to date.
    boolean nowUpToDate = recorded.get().changes().stream()
        .anyMatch(h -> HistoryEntry.CONTENT.equals(h.aspect()) && FleetHealth.UP_TO_DATE.equals(h.value()));
    Long applied = status.appliedVersion();
    boolean newVersion = applied != null && !applied.equals(reportedApplied.put(status.screenId(), applied));
    boolean settled = applied != null && (applied.equals(settledByAck.get(status.screenId()))
        || applied.equals(settlingByAck.get(status.screenId())));
    if (applied != null && (newVersion || nowUpToDate) && !settled) {
      storeAnswer(c, status.screenId(), status.appliedVersion(), ScheduleAck.Outcome.APPLIED, null, at, false);
    }
  }

  /**
   * Where a delivery's answer is stored (one place): the agent's ack, or — {@code fromAck} false —
   * the applied version its status reports: a screen plays only what it applied, so that version's
   * delivery is APPLIED, also one its agent answered FAILED before a retry whose ack was lost.
   */
  private void storeAnswer(Connection c, String screenId, long version, ScheduleAck.Outcome outcome, String error,
      Instant at, boolean fromAck) throws SQLException {
    java.util.Optional<Instant> sent = fromAck
        ? deliveries.recordAgentAnswer(c, screenId, version, outcome.name(), error, at)
        : deliveries.recordAppliedUnlessApplied(c, screenId, version, at);
    if (outcome == ScheduleAck.Outcome.APPLIED) {
      sent.ifPresent(sentAt -> metrics.rolledOut(Duration.between(sentAt, at)));
      if (fromAck && sent.isPresent()) {
        settlingByAck.put(screenId, version);
      }
    }
  }

  /**
   * An answer about a placement played in a gate's schedule version: the gate's version is recorded as
   * applied or failed on the screen. The placement's own delivery becomes APPLIED the first time the
   * screen plays it — also after it answered FAILED (a download failed, and its retry later succeeded);
   * a failure is recorded only while no agent has answered it (a content change sends no placement: a
   * gate schedule that fails long after the placement played is the gate's failure, not the placement's).
   * Once APPLIED, the next answers about the same placement skip that statement: a content change for
   * 10,000 placed screens is then one statement an answer, not two.
   */
  private void storeClusterAnswer(Connection c, ScheduleAck ack, Instant at) throws SQLException {
    boolean applied = ack.outcome() == ScheduleAck.Outcome.APPLIED;
    health.recordClusterAnswer(c, ack.screenId(), ack.clusterVersion(), applied, ack.error());
    Long placement = ack.version();
    if (placement.equals(settledByAck.get(ack.screenId())) || placement.equals(settlingByAck.get(ack.screenId()))) {
      return;
    }
    if (!applied) {
      // Not marked settled: the APPLIED that follows a retry must still reach the delivery.
      deliveries.recordAgentAnswerIfUnanswered(c, ack.screenId(), placement, ack.outcome().name(), ack.error(), at);
      return;
    }
    deliveries.recordAppliedUnlessApplied(c, ack.screenId(), placement, at)
        .ifPresent(sentAt -> metrics.rolledOut(Duration.between(sentAt, at)));
    // Applied now or before: an APPLIED delivery never changes again.
    settlingByAck.put(ack.screenId(), placement);
  }

  /** The last batch written has committed: what its acks settled is known settled from now on. */
  public void committed() {
    settledByAck.putAll(settlingByAck);
    settlingByAck.clear();
  }

  /** The heartbeats of the batch that a newer one of the same screen makes pointless (see the class comment). */
  static boolean[] superseded(List<Incoming> batch) {
    boolean[] skip = new boolean[batch.size()];
    Map<String, Integer> next = new HashMap<>();
    // Walk backwards so each status knows the next status of its screen.
    int[] nextOf = new int[batch.size()];
    for (int i = batch.size() - 1; i >= 0; i--) {
      nextOf[i] = -1;
      if (batch.get(i) instanceof Status s) {
        Integer j = next.put(s.status().screenId(), i);
        nextOf[i] = j == null ? -1 : j;
      }
    }
    Map<String, Truths> before = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      if (!(batch.get(i) instanceof Status s)) {
        continue;
      }
      StatusMessage status = s.status();
      Truths previous = before.get(status.screenId());
      Truths after = Truths.after(previous, status);
      before.put(status.screenId(), after);
      int j = nextOf[i];
      boolean hasFigures = status.health() != null;
      boolean nextHasFigures = j >= 0 && ((Status) batch.get(j)).status().health() != null;
      skip[i] = previous != null && j >= 0 && status.state() == ScreenState.ONLINE && after.equals(previous)
          && (!hasFigures || nextHasFigures);
    }
    return skip;
  }

  /** A screen's truths after a status, as far as the batch knows them (null before the batch). */
  private record Truths(ScreenState state, String display, Long applied) {
    static Truths after(Truths previous, StatusMessage status) {
      String display = status.health() != null && status.health().display() != null
          ? status.health().display().name() : previous == null ? null : previous.display();
      Long applied = status.appliedVersion() != null ? status.appliedVersion() : previous == null ? null : previous.applied();
      return new Truths(status.state(), display, applied);
    }
  }
}
