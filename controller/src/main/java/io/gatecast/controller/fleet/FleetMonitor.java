package io.gatecast.controller.fleet;

import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.commands.CommandService;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.FleetLoaded;
import io.gatecast.controller.events.FleetSwept;
import io.gatecast.controller.events.ScreenUpChanged;
import io.gatecast.controller.events.ScreenChanged;
import io.gatecast.controller.events.ScreenStatusStored;
import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.fleet.RejectionRecord;
import io.gatecast.controller.fleet.RejectionRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.store.WriteBehind;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.EventKind;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.Topics.Kind;
import io.gatecast.protocol.Topics.Topic;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.gatecast.controller.publish.ScheduleWatch;

/**
 * Keeps each screen's health current: heartbeats and last-wills from the status topics, schedule
 * answers and refusals (messages the agent would not play) from the events topics, and a periodic sweep that marks screens silent for longer than
 * the heartbeat timeout offline (an agent whose network vanished sends no last-will at once; its
 * broker only notices after the keep-alive runs out). Each change of a screen's truths goes to its
 * history ({@link FleetHealth}); a screen going down or up is told on the event bus once stored
 * ({@code ScreenUpChanged}, and {@code FleetSwept} after each sweep: technicians' notices subscribe); command results
 * are handed to their service.
 *
 * <p>Heartbeats, last-wills, schedule answers and proof of play are not written one transaction
 * each: they are queued and stored by {@link FleetIngest} in one transaction per batch
 * ({@link WriteBehind}, every {@code INGEST_EVERY} or {@code INGEST_BATCH} items). A crash loses at
 * most what was queued — one window of heartbeats (each screen's next heartbeat, retained on the
 * broker, brings it back), the answers in it (a screen's next heartbeat names the version it
 * applied, which settles the delivery) and the plays in it (as before batching: the broker's
 * acknowledgement is sent once the message is handed over, not once it is stored). Past
 * {@code INGEST_CAPACITY} queued, the oldest queued ONLINE heartbeats are dropped and counted
 * ({@code gatecast_heartbeats_dropped_total}); last-wills, answers and plays are always queued.
 */
public final class FleetMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FleetMonitor.class);
  private final Database db;
  private final Clock clock;
  private final Duration heartbeatTimeout;
  private final ScreenRepository screens;
  private final RejectionRepository rejections;
  private final Vertx vertx;
  private final Wiring wiring;
  private final WriteBehind<FleetIngest.Incoming> ingest;
  private long sweepTimer = -1;
  /**
   * Since when the controller has heard the screens' status topics without a break; null while it
   * cannot (its broker connection lost, or the subscription refused). Before {@link #start} it is
   * the epoch: a monitor not fed by a broker judges silence from the stored times alone.
   */
  private volatile Instant hearingSince = Instant.EPOCH;
  private volatile ScheduleWatch scheduleWatch = ScheduleWatch.NONE;
  /** How often queued heartbeats and answers are written, and how many at most in one transaction. */
  static final Duration INGEST_EVERY = Duration.ofMillis(100);
  static final int INGEST_BATCH = 10_000;
  /** Past this many queued, the oldest heartbeats are dropped (counted); 2.5 s of 20,000/s, tens of MB. */
  static final int INGEST_CAPACITY = 50_000;

  /** Where the monitor hands what it learns: plain values, built by the composition root. */
  public record Wiring(FleetHealth health, CommandService commands, PlaySink plays, Metrics metrics,
      DomainEvents events) {}

  public FleetMonitor(Vertx vertx, Database db, Clock clock, Duration heartbeatTimeout, Wiring wiring,
      ScreenRepository screens, RejectionRepository rejections, io.gatecast.controller.publish.DeliveryRepository deliveries) {
    this.screens = screens;
    this.rejections = rejections;
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.heartbeatTimeout = heartbeatTimeout;
    this.wiring = wiring;
    FleetIngest writer = new FleetIngest(wiring.health(), wiring.metrics(), deliveries, wiring.plays());
    // Only ONLINE heartbeats may be dropped when the database falls behind, oldest first: a newer one
    // of the screen replaces it. Last-wills, acks (one per screen per publish or stop) and plays are always queued.
    this.ingest = new WriteBehind<>(vertx, db, "fleet ingest", writer::write, INGEST_EVERY, INGEST_BATCH, INGEST_CAPACITY,
        item -> item instanceof FleetIngest.Status s && s.status().state() == ScreenState.ONLINE);
    wiring.metrics().ingestQueue(ingest::queued, ingest::dropped);
    // The console's live view (and whoever else subscribes) hears of what was stored, once its batch has committed.
    // A screen that went down or came back is told the same way, outside the ingest's transaction
    // (technicians' notices read what else they need, a gate's operating hours, in their own).
    ingest.onStored(batch -> {
      batch.forEach(item -> {
        if (item instanceof FleetIngest.Status s) {
          wiring.events().publish(new ScreenStatusStored(s.status()));
          // Told once stored, not as it arrives: what is done with it (Arrivals) reads the screen's stored
          // word that its agent plays placements, which this heartbeat may be the first to give.
          if (playsNothing(s.status())) {
            scheduleWatch.playsNothing(s.status().screenId());
          }
        } else if (item instanceof FleetIngest.Answer a) {
          wiring.events().publish(new ScreenChanged(a.ack().screenId()));
        }
      });
      writer.committed();
      writer.upChangesWritten().forEach(this::tellUpChange);
      writer.gatesBehindWritten().forEach(scheduleWatch::gateBehind);
      writer.playBatchesStoredWritten().forEach(p -> wiring.plays().stored(p.batch(), p.added()));
    });
  }

  /** Where what screens say of their schedule goes as it arrives (the controller's re-assertion). */
  public void watchSchedules(ScheduleWatch watch) {
    this.scheduleWatch = watch == null ? ScheduleWatch.NONE : watch;
  }

  /** Subscribes to every screen's status and events and starts the silence sweep. Blocking. */
  public void start(MqttLink mqtt, Duration sweepEvery) {
    // Notices start from the fleet as stored: a screen already down is not news after a restart.
    // Not awaited (this runs on a worker whose context the database thread would wait behind);
    // a status handled before it is simply first news, which FleetLoaded does not overwrite.
    db.transaction(wiring.health()::current).onSuccess(this::tellLoaded)
        .onFailure(e -> LOG.error("cannot read the fleet's health at start; notices start empty", e));
    // Heartbeats at QoS 0: not kept for the controller while it is away (each screen's next one, and
    // the retained last one on resubscribing, say more than a queue of stale ones). Events at QoS 1:
    // kept in the controller's session and delivered when it is back (acks, plays, command results).
    hearingSince = null;
    mqtt.onHearing(Topics.everyOne(Kind.STATUS), this::hearing);
    mqtt.subscribe(Topics.everyOne(Kind.STATUS), 0, this::onStatus);
    mqtt.subscribe(Topics.everyOne(Kind.EVENTS), 1, this::onEvent);
    sweepTimer = vertx.setPeriodic(sweepEvery.toMillis(), id -> sweep());
  }

  /** An ONLINE screen whose agent plays placements says it plays nothing at all. */
  private static boolean playsNothing(StatusMessage status) {
    return status.state() == ScreenState.ONLINE && status.appliedVersion() == null
        && Boolean.TRUE.equals(status.placements());
  }

  void onStatus(String topic, byte[] payload) {
    Topic parsed = Topics.parse(topic).orElse(null);
    StatusMessage status = decode(payload, StatusMessage.class, topic);
    if (parsed == null || status == null) {
      return;
    }
    if (!parsed.id().equals(status.screenId())) {
      LOG.warn("ignored a status for screen {} sent on {}", status.screenId(), topic);
      return;
    }
    Instant seenAt = clock.instant();
    if (status.state() == ScreenState.ONLINE) {
      wiring.metrics().heartbeat();
      scheduleWatch.applied(status.screenId(), status.appliedVersion(), status.receivedVersion());
      wiring.commands().screenOnline(status.screenId()); // back: what it may have missed goes out again
    } else {
      wiring.commands().screenAway(status.screenId());
    }
    ingest.offer(new FleetIngest.Status(status, seenAt));
  }

  /** The events topic carries several kinds; {@link EventKind} tells which before decoding. */
  void onEvent(String topic, byte[] payload) {
    JsonNode tree = decode(payload, JsonNode.class, topic);
    if (tree == null) {
      return;
    }
    EventKind kind = EventKind.of(tree).orElse(null);
    if (kind == null) {
      LOG.debug("event of a kind this controller does not know on {} ignored", topic);
      return;
    }
    switch (kind) {
      case SCHEDULE_ACK -> onAck(topic, payload);
      case REJECTION -> onRejection(topic, payload);
      case PLAY_BATCH -> onPlays(topic, payload);
      case COMMAND_RESULT -> onCommandResult(topic, payload);
    }
  }

  private void onPlays(String topic, byte[] payload) {
    Topic parsed = Topics.parse(topic).orElse(null);
    PlayBatch batch = decode(payload, PlayBatch.class, topic);
    if (parsed == null || batch == null || !parsed.id().equals(batch.screenId())) {
      return;
    }
    ingest.offer(new FleetIngest.Plays(batch, clock.instant()));
  }

  private void onCommandResult(String topic, byte[] payload) {
    Topic parsed = Topics.parse(topic).orElse(null);
    CommandResult result = decode(payload, CommandResult.class, topic);
    if (parsed == null || result == null || !parsed.id().equals(result.screenId())) {
      return;
    }
    wiring.commands().onResult(result).onSuccess(v -> wiring.events().publish(new ScreenChanged(result.screenId()))).onFailure(e -> LOG.error("cannot store the command result of {}", result.screenId(), e));
  }

  private void onRejection(String topic, byte[] payload) {
    Topic parsed = Topics.parse(topic).orElse(null);
    RejectionEvent event = decode(payload, RejectionEvent.class, topic);
    if (parsed == null || event == null || !parsed.id().equals(event.screenId())) {
      return;
    }
    RejectionRecord record = new RejectionRecord(clock.instant(), event.topic(), event.reason().name(), event.detail(),
        event.messageId());
    db.transaction(c -> {
      java.util.Optional<io.gatecast.controller.screens.RegisteredScreen> screen = screens.find(c, event.screenId());
      if (screen.isEmpty()) {
        return null;
      }
      return new Refused(rejections.record(c, event.screenId(), record), screen.get().placedClusterId());
    }).onSuccess(refused -> {
      if (refused == null) {
        LOG.warn("rejection from unregistered screen {} not stored", event.screenId());
        return;
      }
      if (refused.isNew()) {
        // Logged loudly (once per refused message): a refusal may be someone publishing what the controller did not sign.
        LOG.warn("screen {} refused a message on {}: {} {}", event.screenId(), event.topic(), event.reason(), event.detail());
      } else {
        LOG.debug("screen {} refused message {} again", event.screenId(), event.messageId());
      }
      switch (sendAgain(event, refused.placedIn())) {
        case OWN_SCHEDULE -> scheduleWatch.refusedAsOlder(event.screenId());
        // It holds a newer one: the broker holds an older one on the gate's topic, which a fresh agent would play.
        case GATE_SCHEDULE -> scheduleWatch.gateBehind(refused.placedIn());
        case NOTHING -> { }
      }
    }).onFailure(e -> LOG.error("cannot record the rejection of {}", event.screenId(), e));
  }

  /** A registered screen's refusal as stored: new or seen before, and the gate the screen is placed in (null: none). */
  private record Refused(boolean isNew, String placedIn) {}

  /** What a refusal asks the controller to send again. */
  enum SendAgain { OWN_SCHEDULE, GATE_SCHEDULE, NOTHING }

  /**
   * A refusal as REPLAYED_OR_OLDER of the screen's own schedule, or of the schedule of the gate it is placed
   * in ({@code placedIn}), asks for the newest again; anything else asks nothing. A screen naming another
   * gate asks nothing: it cannot read that gate's topic, so it can only be lying.
   */
  static SendAgain sendAgain(RejectionEvent event, String placedIn) {
    if (event.reason() != io.gatecast.protocol.Rejection.REPLAYED_OR_OLDER) {
      return SendAgain.NOTHING;
    }
    Topic refused = Topics.parse(event.topic()).orElse(null);
    if (refused != null && refused.kind() == Kind.SCHEDULE && refused.id().equals(event.screenId())) {
      return SendAgain.OWN_SCHEDULE;
    }
    if (refused != null && refused.kind() == Kind.CLUSTER_SCHEDULE && refused.id().equals(placedIn)) {
      return SendAgain.GATE_SCHEDULE;
    }
    return SendAgain.NOTHING;
  }

  private void onAck(String topic, byte[] payload) {
    Topic parsed = Topics.parse(topic).orElse(null);
    ScheduleAck ack = decode(payload, ScheduleAck.class, topic);
    if (parsed == null || ack == null || !parsed.id().equals(ack.screenId())) {
      return;
    }
    ingest.offer(new FleetIngest.Answer(ack, clock.instant()));
  }

  /** Completes once every heartbeat and answer received so far is stored (tests; a clean stop). */
  public Future<Void> flushIngest() {
    return ingest.drain();
  }

  /** The controller hears the screens' status topics again ({@code true}), or no longer does. */
  private void hearing(boolean heard) {
    if (!heard && hearingSince != null) {
      LOG.warn("the controller cannot hear the screens' heartbeats; no screen is judged silent until it has heard"
          + " them again for {}", heartbeatTimeout);
      hearingSince = null;
    } else if (heard && hearingSince == null) {
      hearingSince = clock.instant();
    }
  }

  /**
   * Marks screens silent for longer than the timeout offline, then tells the time pass on the event
   * bus (grace periods, flapping, operating hours: {@code FleetSwept}). Completes with the ids marked offline.
   *
   * <p>Only silence the controller could have heard counts: while it cannot hear the status topics
   * (its broker connection lost, the subscription refused) nothing is swept, and once it hears them
   * again a screen last heard before that is judged after a whole timeout of hearing, time for its
   * next heartbeat (or the retained last one) to arrive; a screen heard since cannot be silent that
   * long before then anyway. A broker outage longer than the timeout thus leaves the fleet as it
   * was, instead of marking every screen offline and back, with a history entry and a technician's
   * notice each.
   */
  public Future<List<String>> sweep() {
    Instant now = clock.instant();
    Instant heard = hearingSince;
    if (heard == null || heard.isAfter(now.minus(heartbeatTimeout))) {
      wiring.events().publish(new FleetSwept(now)); // time passes all the same (grace periods, operating hours)
      return Future.succeededFuture(List.of());
    }
    return db.transaction(c -> wiring.health().recordSilence(c, now, heartbeatTimeout))
        .onSuccess(silent -> {
          silent.stream().filter(FleetHealth.Recorded::upChanged).forEach(this::tellUpChange);
          wiring.events().publish(new FleetSwept(now));
        })
        .map(silent -> silent.stream().map(FleetHealth.Recorded::screenId).toList())
        .onSuccess(this::logSilent)
        .onSuccess(ids -> ids.forEach(wiring.commands()::screenAway))
        .onSuccess(ids -> ids.forEach(id -> wiring.events().publish(new ScreenChanged(id))))
        .onFailure(e -> LOG.error("offline sweep failed", e));
  }

  private void tellUpChange(FleetHealth.Recorded change) {
    wiring.events().publish(new ScreenUpChanged(change.screenId(), change.clusterId(), change.upAfter(), change.reason(),
        change.at()));
  }

  private void tellLoaded(List<FleetHealth.Recorded> screens) {
    wiring.events().publish(new FleetLoaded(screens.stream()
        .map(s -> new FleetLoaded.Screen(s.screenId(), s.clusterId(), s.upAfter(), s.reason(), s.at())).toList()));
  }

  private void logSilent(List<String> ids) {
    if (!ids.isEmpty()) {
      LOG.info("no heartbeat for {}: offline {}", heartbeatTimeout, ids);
    }
  }

  private static <T> T decode(byte[] payload, Class<T> type, String topic) {
    try {
      return Codec.decode(payload, type);
    } catch (ProtocolException e) {
      LOG.warn("ignored a bad message on {}: {}", topic, e.getMessage());
      return null;
    }
  }

  @Override
  public void close() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    // What is queued is written before the database closes; on an event loop (a failed start) it
    // cannot be waited for, and nothing has been queued then anyway.
    if (!io.vertx.core.Context.isOnEventLoopThread()) {
      try {
        ingest.drain().await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("{} heartbeat(s) and answer(s) not written at stop: {}", ingest.queued(), e.toString());
      }
    }
    ingest.close();
  }
}
