package io.gatecast.controller.publish;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.signing.MessageSigner;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.PublishFinished;
import io.gatecast.controller.events.PublishProgressed;
import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.protocol.ClusterSchedule;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Signer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each screen's rules ({@link RulesBuilder}, then {@link ScreenPlan#toWire}) into its schedule
 * message, signed with the controller's key (a group of screens under one signature), and sends it
 * retained at QoS 1 to the screen's schedule topic.
 *
 * <p>A publish is streamed (issue 21). {@link #publishAll} records the publish row and answers with
 * its id at once; when its turn comes it is planned a page of screens at a time, in id order (what
 * each screen's rules are now, which changed, the page's audit entry): a first page of
 * {@value #FIRST_BATCH} screens, so the first screens receive before the rest of the fleet is even
 * read, then pages of {@value #SEND_WINDOW}. Each page's changed screens are one batch, signed, then
 * <b>recorded</b> in one transaction (each screen's new version and rules, its delivery holding the
 * signed message), and only then handed to the broker and marked handed. The next pages are planned,
 * signed and recorded while two batches are being sent. A controller stopped in the middle
 * resends, when it starts ({@link #resendUnsent}), exactly the recorded messages not marked handed,
 * byte for byte (the agents ignore a version they already play); a screen whose batch was not
 * recorded was sent nothing and keeps its old schedule and version until the next publish. Nothing
 * is ever half a screen's publish — each screen gets its whole new schedule or keeps its old one.
 *
 * <p>Work shared by screens is done once: the rules are built once per distinct profile
 * ({@link ProfileKey}), and their JSON serialised once ({@link SharedRules}); per screen only what
 * the signature covers must be done per screen (its id, names and version are in the signed payload).
 *
 * <p>A screen whose rules did not change is sent nothing: the rules' JSON is compared with what
 * was last sent (records encode in a fixed field order and the wire sorts its sets). Schedules
 * carry no expiry: a retained schedule must keep playing however long a screen was offline, and
 * the agent refuses anything not newer than what it plays. Publishes are streamed one after
 * another, so a newer version can never be overtaken on the broker by an older one.
 *
 * <p>Every send in that queue has a deadline ({@code sendDeadline}): a broker that never confirms a
 * message (Moquette losing a PUBACK) must not hold every later publish and re-assertion. When a
 * window's deadline passes, what the broker confirmed is marked handed, the rest stays recorded as
 * not handed (a confirmation that comes late still marks it), its screens are told to
 * {@link #onUnconfirmed} (the re-assertion sends them again until the broker confirms), a publish
 * stops there as INTERRUPTED with the reason, and the queue moves on.
 *
 * <p>A screen whose agent plays placements ({@link RegisteredScreen#placements}, issue 21,
 * docs/proposals/cluster-schedules.md) is sent a small signed {@link io.gatecast.protocol.Placement}
 * through the same pipeline, only when what places it changes (its gate, its profile, its names): its
 * profile's rules go, with every other profile of its gate, in the gate's one signed
 * {@link ClusterSchedule}. A profile is named after its first placed screen in id order, so the names
 * hold while the screens sharing the rules do, whatever the content. A gate's schedule goes out once
 * the first page is planned (the profiles planned so far over its recorded ones) and once every page
 * is, each time only if its profiles differ from its newest ({@link #sendGates}); it is recorded before
 * it is sent, and sent again by a restart and the re-assertion as a screen's schedule is. A content
 * change for placed screens is then one message a gate. A gate's schedule is one message within the
 * wire's limit: a profile it has no room left for ({@link GateRoom}) has its screens sent whole
 * schedules, as older agents are.
 *
 * <p>Before any page, the fast pass rebuilds each gate's recorded profiles ({@link GatePlanner#fast}). When
 * no setup changed since the last publish that planned every screen ({@link SetupGeneration}) and that pass
 * rebuilt the gate of every placed screen, each placed screen would be planned as then: the planning starts
 * from the rebuilt gates and the pages read only the screens not placed (at 10,000 screens the controller's share of the
 * fan-out's two cores fell by two thirds; bench/BENCHMARKS.md, thirty-second session). The same after a setup change
 * that {@link ProfilesAhead} planned ahead once it settled, when it moves no placed screen: the fast pass rebuilds
 * the gates from the profiles planned then, not from their recorded keys.
 */
public final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
  private final Database db;
  private final ScheduleSender sender;
  private final Clock clock;
  private final MessageSigner signer;
  private final AuditLog audit;
  private final ScreenPlanner screenPlanner;
  private final GatePlanner gatePlanner;
  private final ProfilesAhead profilesAhead;
  private final ArrivalPlanner arrivalPlanner;
  /**
   * The fleet's setup generation ({@link SetupGeneration}) when the last publish planned every screen with no
   * profile left out of its gate's schedule; null: none since the start, or the last publish stopped or was a
   * re-sign. Kept in memory: the first publish after a start reads the whole fleet.
   */
  private volatile Long setupsOfLastFleetPlan;
  private final ScreenRepository screens;
  private final ScreenSetupRepository setups;
  private final DeliveryRepository deliveries;
  private final PublishRepository publishes;
  private final ClusterScheduleRepository clusters;
  private final Vertx vertx;
  /** How long the broker has to confirm a window of sends before the queue moves on without it. */
  private final Duration sendDeadline;
  private Future<?> sending = Future.succeededFuture();
  /** Told of every schedule the broker took (published or sent again): screen id and version. */
  private volatile java.util.function.BiConsumer<String, Long> onHanded = (screenId, version) -> { };
  /** Told when a gate's cluster schedule was not taken or confirmed by the broker (to send it again soon). */
  private volatile Runnable onGateUnconfirmed = () -> { };
  /** Told of every gate whose cluster schedule the broker took (published or sent again): its id. */
  private volatile java.util.function.Consumer<String> onGateHanded = clusterId -> { };
  /** Told of every screen whose recorded schedule the broker did not confirm within the deadline. */
  private volatile java.util.function.Consumer<String> onUnconfirmed = screenId -> { };
  /** Who re-signs after a key switch, in the publish list and the audit log. */
  private static final String RESIGN_ACTOR = "controller";
  /** Who places a newly paired or moved screen in its gate's programme on air, in the audit log. */
  private static final String ARRIVAL_ACTOR = "controller";
  /** Told of every step a publish makes (planned, a batch handed, done): its id, for the event stream. */
  private final DomainEvents events;
  /** Schedules a window hands to the broker at once; {@value #IN_FLIGHT} windows stay within the MQTT link's in-flight limit (2,000). */
  private static final int SEND_WINDOW = 500;
  /**
   * Schedules under one signature: the signer's CPU a schedule falls from 73–84 µs to 33–34 µs
   * (SigningBench). 32 puts 5 sibling hashes (~250 bytes) on each ~2.3 KB schedule and leaves 16
   * groups in a window for the cores.
   */
  private static final int PER_SIGNATURE = 32;
  /**
   * Windows of a publish in flight at once, within the MQTT link's in-flight limit: the broker is not
   * left idle while a window's last confirmations come back and the window is marked handed.
   */
  private static final int IN_FLIGHT = 2;
  /**
   * How many batches planning may run ahead of the last one handed: the {@value #IN_FLIGHT} in flight
   * and two recorded (or being recorded) behind them — what a restart sends again at most. With each
   * page planned only once the one before was recorded, a publish of 10,000 went one page after the
   * other: read, sign, record, 80–110 ms each (bench/BENCHMARKS.md, 2026-12-03 afternoon).
   */
  private static final int RECORDED_AHEAD = IN_FLIGHT + 2;
  /** The most a gate's profiles' rules may weigh in its schedule (JSON bytes): three quarters of the wire's message limit. */
  /** The first batch is small, so the first screens receive while the rest is still being signed. */
  private static final int FIRST_BATCH = 50;
  /** Test hook: called with each batch's number just before it is recorded (a test stops the controller there). */
  private volatile java.util.function.IntConsumer beforeBatch = batch -> { };
  /** Test hook: called with the pass ({@code fast}, {@code early} or {@code final}) just before a publish records gates' schedules. */
  private volatile java.util.function.Consumer<String> beforeGates = pass -> { };

  /** A publish started: its id at once, and its end (every planned screen recorded and handed, or failed). */
  public record Started(long publishId, Future<PublishResult> done) {}

  private record Outgoing(String screenId, long version, byte[] envelope) {}

  /** @param mediaBaseUrl where agents download media, e.g. {@code http://10.0.0.5:8080/media/} */
  public Publisher(Vertx vertx, Database db, ScheduleSender sender, Duration sendDeadline, Clock clock,
      Supplier<String> mediaBaseUrl, MessageSigner signer, RulesBuilder rules, AuditLog audit, DomainEvents events,
      ScreenRepository screens, ScreenSetupRepository setups, DeliveryRepository deliveries, PublishRepository publishes,
      ClusterScheduleRepository clusters) {
    this.clusters = clusters;
    this.vertx = vertx;
    this.sendDeadline = sendDeadline;
    this.screens = screens;
    this.setups = setups;
    this.deliveries = deliveries;
    this.publishes = publishes;
    this.events = events;
    this.db = db;
    this.sender = sender;
    this.clock = clock;
    this.signer = signer;
    this.audit = audit;
    this.screenPlanner = new ScreenPlanner(rules, mediaBaseUrl);
    // Wanted while no publish is under way (it would compete for the cores) and none planned every screen at it.
    this.profilesAhead = new ProfilesAhead(vertx, db, screens, setups, rules, events,
        generation -> idle() && !Long.valueOf(generation).equals(setupsOfLastFleetPlan));
    this.gatePlanner = new GatePlanner(clusters, setups, screens, profilesAhead, rules, mediaBaseUrl);
    this.arrivalPlanner = new ArrivalPlanner(screens, setups, clusters, rules, mediaBaseUrl);
  }

  /**
   * Publishes every screen whose schedule changed since it was last published, as {@code actor}:
   * completes as soon as the publish is recorded (its id), the screens follow in batches (see the
   * class comment); {@link Started#done} completes when the last batch was handed to the broker.
   */
  public Future<Started> publishAll(String actor) {
    return db.transaction(c -> publishes.insert(c, actor, clock.instant())).map(publishId -> {
      Future<PublishResult> done = queued(() -> stream(new Planning(publishId, clock.instant(), actor, "publish",
          screenPlanner::changed)))
          .onSuccess(result -> events.publish(new PublishFinished(publishId,
              (int) result.sent().stream().filter(sent -> sent.error() == null).count(), result.screensRead())));
      // The console's rollout view hears of the publish as soon as it is recorded, then of each step.
      events.publish(new PublishProgressed(publishId));
      return new Started(publishId, done);
    });
  }

  /** Test hook: {@code hook} is called with each batch's number (0, 1, ...) just before the batch is recorded. */
  public void beforeBatch(java.util.function.IntConsumer hook) {
    this.beforeBatch = hook;
  }

  /**
   * Test hook: {@code hook} is called with the pass, {@code early} (before every page is planned) or
   * {@code final} (once every page is), just before a publish records the gates' schedules it signed.
   */
  public void beforeGates(java.util.function.Consumer<String> hook) {
    this.beforeGates = hook;
  }

  /** Where each schedule the broker took is told (the re-assertion's record of what each screen should hold). */
  public void onHanded(java.util.function.BiConsumer<String, Long> listener) {
    this.onHanded = listener;
  }

  /** Where each gate whose cluster schedule the broker took is told (the re-assertion's record of when). */
  public void onGateHanded(java.util.function.Consumer<String> listener) {
    this.onGateHanded = listener;
  }

  /** Where a gate's cluster schedule the broker did not take or confirm in time is told (to send it again). */
  public void onGateUnconfirmed(Runnable listener) {
    this.onGateUnconfirmed = listener;
  }

  /** Where each screen whose schedule the broker did not confirm within the deadline is told (to send it again). */
  public void onUnconfirmed(java.util.function.Consumer<String> listener) {
    this.onUnconfirmed = listener;
  }

  /** Sends what an earlier run recorded but did not hand to the broker. Call once at start, before publishing. */
  public Future<Integer> resendUnsent() {
    return db.transaction(c -> {
      int interrupted = publishes.interruptUnfinished(c, clock.instant());
      if (interrupted > 0) {
        LOG.info("{} publish(es) were not finished when the controller stopped; what they recorded is sent again",
            interrupted);
      }
      deliveries.supersedeUnsent(c, clock.instant());
      return deliveries.unsent(c);
    }).compose(unsent -> {
      if (!unsent.isEmpty()) {
        LOG.info("resending {} schedule(s) recorded before the last stop but not sent", unsent.size());
      }
      List<Outgoing> outgoing = unsent.stream().map(u -> new Outgoing(u.screenId(), u.version(), u.envelope())).toList();
      return queued(() -> sendAll(outgoing)).map(List::size) // not confirmed in time: told to onUnconfirmed
          .compose(screensSent -> reassertClusters(true).map(gatesSent -> screensSent + gatesSent));
    });
  }

  /** What a re-assertion sent: how many messages the broker took, how many screens were read, the last one (a cursor). */
  public record Reasserted(int sent, int read, String lastScreenId) {}

  /** Screens read for a re-assertion and the messages to send them. */
  private record Page(List<DeliveryRepository.Unsent> latest, int read, String lastScreenId) {}

  /**
   * Sends the last signed schedule of each of {@code screenIds} again, exactly as it was published
   * (same bytes, same version, retained): the broker is a cache that may have lost it, or holds an
   * older one. Queued behind every publish before it, so it can never overtake a newer version. A
   * version its agent answered FAILED is left out when {@code skipAgentFailed}.
   */
  public Future<Reasserted> reassert(List<String> screenIds, boolean skipAgentFailed) {
    return enqueueReassert(c -> new Page(deliveries.lastSigned(c, screenIds, skipAgentFailed), screenIds.size(), null));
  }

  /** {@link #reassert} for at most {@code limit} screens in id order after {@code afterScreenId} (null: from the first). */
  public Future<Reasserted> reassertPage(String afterScreenId, int limit) {
    return enqueueReassert(c -> {
      List<String> ids = deliveries.screenIdsAfter(c, afterScreenId, limit);
      return new Page(deliveries.lastSigned(c, ids, false), ids.size(), ids.isEmpty() ? null : ids.get(ids.size() - 1));
    });
  }

  /**
   * {@link #reassert} for every screen, a page of {@value #SEND_WINDOW} at a time, each page queued
   * on its own so a publish waits for one page at most. Completes with how many the broker took.
   */
  public Future<Integer> reassertAll() {
    return reassertFrom(null, 0).compose(screensSent -> reassertClusters(false).map(gates -> screensSent + gates));
  }

  private Future<Integer> reassertFrom(String after, int sentSoFar) {
    return reassertPage(after, SEND_WINDOW).compose(page -> page.read() < SEND_WINDOW
        ? Future.succeededFuture(sentSoFar + page.sent())
        : reassertFrom(page.lastScreenId(), sentSoFar + page.sent()));
  }

  /** Reads what to send when its turn in the queue comes (so it is the newest then), sends, marks handed. */
  private Future<Reasserted> enqueueReassert(Database.Work<Page> read) {
    return queued(() -> db.transaction(read).compose(this::resend));
  }

  private Future<Reasserted> resend(Page page) {
    List<DeliveryRepository.Unsent> latest = page.latest();
    List<Future<Instant>> sends = new ArrayList<>();
    for (DeliveryRepository.Unsent u : latest) {
      sends.add(sender.send(u.screenId(), u.envelope()).map(v -> clock.instant()));
    }
    return withinDeadline(sends).transform(all -> db.transaction(c -> {
      // A message recorded but not yet marked (a stop in between) reached the broker now.
      List<DeliveryRepository.Handed> handed = new ArrayList<>();
      int unconfirmed = 0;
      for (int i = 0; i < latest.size(); i++) {
        if (!sends.get(i).isComplete()) {
          unconfirmed++;
          unconfirmed(latest.get(i).screenId(), latest.get(i).version(), sends.get(i));
        } else if (sends.get(i).succeeded()) {
          handed.add(new DeliveryRepository.Handed(latest.get(i).screenId(), latest.get(i).version(),
              sends.get(i).result()));
          onHanded.accept(latest.get(i).screenId(), latest.get(i).version());
        }
      }
      deliveries.markHanded(c, handed);
      if (handed.size() + unconfirmed < latest.size()) {
        LOG.warn("the broker did not take {} of {} schedule(s) sent again; they are sent again later",
            latest.size() - handed.size() - unconfirmed, latest.size());
      }
      if (unconfirmed > 0) {
        LOG.warn("the broker did not confirm {} of {} schedule(s) sent again within {} s; they are sent again",
            unconfirmed, latest.size(), sendDeadline.toSeconds());
      }
      return new Reasserted(handed.size(), page.read(), page.lastScreenId());
    }));
  }

  /**
   * The passes that send gates' schedules in a publish: {@code fast}, before any screen is read, each gate's
   * recorded profiles rebuilt from their keys; {@code early}, once the first page is planned, the profiles
   * planned so far over the recorded ones; {@code final}, once every screen is planned, each gate's whole set.
   */
  private enum Pass {
    FAST, EARLY, FINAL;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A gate's cluster schedule signed (or the reason it could not be). */
  private record SignedGate(GatePlanner.GatePlan plan, byte[] envelope, String error) {}

  /** A recorded gate schedule on its way to the broker. */
  record GateMessage(String clusterId, long version, byte[] envelope) {}

  /**
   * Reads and plans the next page of screens in the caller's transaction: the screens whose rules
   * changed, to be signed, recorded and sent as one batch. The publish is SENDING from its first page
   * on, {@code planned} counting the screens planned so far, and each page's screens are audited
   * with it (before any of them is recorded); the last page is the one that reads fewer than asked.
   */
  private List<PlannedScreen> planPage(Connection c, Planning planning) throws SQLException {
    int limit = planning.pages == 0 ? FIRST_BATCH : SEND_WINDOW;
    String after = planning.after;
    if (planning.pages == 0 && planning.setupsUnchanged) {
      planning.setupsUnchanged = planning.placedAsRebuilt(screens.placed(c));
    }
    List<RegisteredScreen> read = screens.page(c, after, limit, planning.setupsUnchanged);
    Planning.ScreenPage page = new Planning.ScreenPage(read, setups.of(c, read.stream().map(RegisteredScreen::id).toList()),
        screens.publishedRulesPage(c, after, limit, planning.setupsUnchanged));
    planning.screensRead += read.size();
    planning.pages++;
    planning.lastPage = read.size() < limit;
    planning.after = read.isEmpty() ? after : read.get(read.size() - 1).id();
    List<PlannedScreen> pending = planning.planner.pending(c, planning, page);
    planning.planned += pending.size();
    publishes.planned(c, planning.publishId, planning.planned, planning.withheld);
    if (planning.pages == 1 || !pending.isEmpty()) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("sent", pending.stream()
          .map(p -> Map.of("screenId", p.screen().id(), "version", p.screen().publishedVersion() + 1)).toList());
      summary.put("withheld", pending.stream().filter(p -> planning.withheld.containsKey(p.screen().id()))
          .collect(java.util.stream.Collectors.toMap(p -> p.screen().id(), p -> planning.withheld.get(p.screen().id()),
              (a, b) -> a, LinkedHashMap::new)));
      summary.put("part", planning.pages);
      audit.record(c, planning.actor, planning.action, "publish", Long.toString(planning.publishId), null, summary);
    }
    events.publish(new PublishProgressed(planning.publishId));
    return pending;
  }

  /**
   * Sends every screen the rules it was last sent again, under a new version and signed with the
   * key the controller signs with now: after a signing-key switch nothing retained is left signed
   * only by the retired key. Re-sends exactly what was published, never unpublished changes.
   */
  public Future<PublishResult> republishAll() {
    return db.transaction(c -> publishes.insert(c, RESIGN_ACTOR, clock.instant())).compose(publishId -> queued(() ->
        stream(new Planning(publishId, clock.instant(), RESIGN_ACTOR, "re-sign", ScreenPlanner::republished))));
  }

  /**
   * What {@link #placeArrivals} did: the screens placed (recorded and handed to the broker), those left to wait,
   * and those not known yet to play placements (their agent's first heartbeat not stored, or an older agent's
   * only): nothing was decided for them.
   */
  public record Arrived(List<String> placed, List<Waiting> waiting, List<String> unknownAgents) {}

  /** Why an arrived screen waits for the next publish instead of being placed at once. */
  public enum WaitReason {
    /** Its gate has no programme on air: nothing has been published for the gate yet. */
    NO_PROGRAMME,
    /** What a publish would give it now is not on air at its gate: an approved change is not published yet. */
    PROGRAMME_CHANGED
  }

  /** A screen left to wait, and the version it had been published (0: none) when it was tried. */
  public record Waiting(String screenId, WaitReason reason, long publishedVersion) {}

  /**
   * Screens arriving at a gate — never sent anything (newly paired), or placed and set up anew (moved to
   * another gate, say): each is placed at once in its gate's schedule as it is recorded — the one on air —
   * when that schedule already holds a profile with exactly the rules a publish would give the screen now.
   * So nothing unpublished (an approved change not yet published makes the rules differ) and nothing stale
   * (the gate's newest schedule) reaches it; any other waits for the next publish, as before. A screen already
   * placed where it would be placed is left alone; one sent a whole schedule (an older agent, a gate without
   * room) and one whose only send failed are the next publish's, as always.
   * Queued behind every publish; recorded (under the publish that recorded the gate's schedule, so its rollout
   * counts the screen) and audited before it is sent, as a publish's screens are: a stop in between sends it at
   * the next start.
   */
  public Future<Arrived> placeArrivals(List<String> screenIds) {
    return queued(() -> {
      Instant at = clock.instant();
      return db.transaction(c -> arrivalPlanner.plan(c, screenIds)).compose(plan -> {
        if (plan.pending().isEmpty()) {
          return Future.succeededFuture(new Arrived(List.of(), plan.waiting(), plan.unknownAgents()));
        }
        List<PublishResult.Sent> failed = new ArrayList<>();
        return sign(at, plan.pending()).compose(intents -> db.transaction(c -> {
          List<Outgoing> outgoing = new ArrayList<>();
          for (int i = 0; i < intents.size(); i++) {
            PlannedScreen placed = plan.pending().get(i);
            outgoing.addAll(record(c, plan.publishIds().get(i), at, List.of(placed), List.of(intents.get(i)), failed));
            if (intents.get(i).error() == null) { // one that could not be signed is recorded failed, not placed
              audit.record(c, ARRIVAL_ACTOR, "place", "screen", placed.screen().id(), null, Map.of("gate",
                  placed.placed().clusterId(), "profile", placed.placed().profileId(), "version", intents.get(i).version()));
            }
          }
          return outgoing;
        })).compose(this::sendAll).map(sent -> new Arrived(sent.stream().filter(s -> s.error() == null)
            .map(PublishResult.Sent::screenId).toList(), plan.waiting(), plan.unknownAgents()));
      });
    });
  }

  /**
   * Streams a publish page by page: page {@code n+1} is planned as soon as page {@code n} is, so it
   * is read on the database thread while page {@code n} is signed (off the database thread, on every
   * core), and both while the batches before are being sent. A batch is sent only once it is
   * recorded, and once the batch {@value #IN_FLIGHT} before it was handed ({@value #IN_FLIGHT}
   * windows in flight); planning runs at most {@value #RECORDED_AHEAD} batches ahead of the last one
   * handed. Completes when the last batch was handed; the publish is then DONE.
   */
  private Future<PublishResult> stream(Planning planning) {
    List<PublishResult.Sent> results = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Future<Void>> none = java.util.Collections.nCopies(RECORDED_AHEAD, Future.succeededFuture());
    planning.lastFleetPlan = setupsOfLastFleetPlan;
    setupsOfLastFleetPlan = null; // until this publish has planned every screen
    // The fast pass first (nothing for a re-sign, which signs each gate's recorded schedule once, at the end):
    // its gates recorded before the first page is, their screens' new placements (if any) come after them.
    Future<List<GateMessage>> fast = planning.resign() ? Future.succeededFuture(List.of())
        : recordPass(planning, Pass.FAST, c -> gatePlanner.fast(c, planning)).onFailure(e -> LOG.warn(
            "publish {}: the gates' schedules could not be rebuilt before the fleet is read; they are planned with it",
            planning.publishId, e));
    planning.gatesBeforeFinal = handPass(planning, fast);
    return fast.transform(f -> {
      // No setup changed since the last publish planned every screen, or the fleet's profiles were planned ahead at
      // this setup generation: each placed screen would be planned as its gate was rebuilt by the fast pass, so only
      // the others are read (issue 21; the first page checks that every placed screen's gate was rebuilt).
      planning.setupsUnchanged = f.succeeded() && (planning.profilesAhead
          || planning.lastFleetPlan != null && planning.lastFleetPlan.equals(planning.setupGeneration));
      return streamFrom(planning, 0, Future.succeededFuture(), none, results);
    }).compose(v -> db.transaction(c -> {
          countGatesReached(c, planning);
          publishes.finished(c, planning.publishId, clock.instant());
          return new PublishResult(planning.publishId, List.copyOf(results), new LinkedHashMap<>(planning.withheld),
              planning.screensRead);
        })).onSuccess(done -> {
          if (!planning.resign() && planning.withoutRoom.isEmpty() && !planning.gateUnsigned) {
            setupsOfLastFleetPlan = planning.setupGeneration; // every screen planned, every gate whole and recorded
          }
        }).recover(e -> db.transaction(c -> {
          // Visible in the rollout view; the queue moves on to the next publish either way.
          publishes.stopped(c, planning.publishId, clock.instant(), e instanceof Unconfirmed ? e.getMessage()
              : "stopped by an error: " + e.getMessage());
          return null;
        }).transform(recorded -> Future.<PublishResult>failedFuture(e)))
        .onComplete(done -> events.publish(new PublishProgressed(planning.publishId)))
        .onFailure(e -> {
          if (e instanceof Unconfirmed) {
            LOG.warn("publish {} interrupted: {}", planning.publishId, e.getMessage());
          } else {
            LOG.error("publish {} stopped before every screen was sent; what was recorded is sent again", planning.publishId, e);
          }
        });
  }

  /** A window of a publish the broker did not confirm within the deadline: the publish stops there. */
  static final class Unconfirmed extends RuntimeException {
    Unconfirmed(int unconfirmed, int window, Duration deadline) {
      super("the broker did not confirm " + unconfirmed + " of " + window + " schedule(s) within " + deadline.toSeconds()
          + " s; they stay recorded and are sent again until it does, screens not yet planned wait for the next publish",
          null, false, false);
    }
  }

  /**
   * Plans batch {@code number} once the page before it was planned ({@code plannedBefore}) and the
   * batch {@value #RECORDED_AHEAD} before it was handed; signs and records it; sends it once the
   * batch {@value #IN_FLIGHT} before it was handed. Goes on with the next page as soon as this one is
   * planned. {@code handed} holds the ends of the batches before, the newest first. Completes when
   * the last batch and those still in flight before it were handed.
   */
  private Future<Void> streamFrom(Planning planning, int number, Future<?> plannedBefore, List<Future<Void>> handed,
      List<PublishResult.Sent> results) {
    Future<Void> sent = handed.get(IN_FLIGHT - 1);
    Future<List<PlannedScreen>> planned = Future.all(plannedBefore, handed.get(RECORDED_AHEAD - 1))
        .compose(v -> db.transaction(c -> planPage(c, planning)));
    Future<List<Outgoing>> recorded = planned
        .compose(batch -> batch.isEmpty() ? Future.succeededFuture(List.<Outgoing>of())
            : sign(planning.at, batch).compose(intents -> db.transaction(c -> {
              beforeBatch.accept(number);
              return record(c, planning.publishId, planning.at, batch, intents, results);
            })));
    Future<Void> thisSent = Future.all(sent, recorded).compose(v -> recorded.result().isEmpty()
        ? Future.succeededFuture() : sendWindow(recorded.result()).compose(w -> {
          results.addAll(w.sent());
          events.publish(new PublishProgressed(planning.publishId));
          return w.unconfirmed() == 0 ? Future.<Void>succeededFuture()
              : Future.<Void>failedFuture(new Unconfirmed(w.unconfirmed(), recorded.result().size(), sendDeadline));
        }));
    // A batch before was not confirmed: this one, recorded, is not sent now; the re-assertion sends it.
    thisSent.onFailure(e -> {
      if (sent.failed() && recorded.succeeded()) {
        recorded.result().forEach(o -> onUnconfirmed.accept(o.screenId()));
      }
    });
    List<Future<Void>> next = new ArrayList<>(handed.size());
    next.add(thisSent);
    next.addAll(handed.subList(0, handed.size() - 1));
    // The last page: done once its batch and those still in flight before it were handed, and then the
    // gates' schedules (built now that every screen is planned and recorded) were.
    return planned.compose(v -> {
      // Once the first page is planned, every gate it met (at once: the first screens' change); the rest
      // wait for the end. Sending each gate as soon as its last screen was read did not lower p50 and
      // raised p99 when a gate's screens are read together (bench/BENCHMARKS.md, 2026-12-05).
      // Not when the placed screens were planned as before: every gate then went whole in the fast pass.
      if (number == 0 && !planning.lastPage && !planning.gates.isEmpty() && !planning.setupsUnchanged) {
        Set<String> met = Set.copyOf(planning.gates.keySet());
        planning.gatesBeforeFinal = planning.gatesBeforeFinal.transform(fast -> sendGates(planning, met, Pass.EARLY));
      }
      return planning.lastPage
          ? Future.join(next).transform(screens -> planning.gatesBeforeFinal.transform(early ->
              sendGates(planning, planning.gates.keySet(), Pass.FINAL))
              .compose(gatesDone -> Future.all(next))).<Void>mapEmpty()
          : streamFrom(planning, number + 1, planned, next, results);
    });
  }

  /**
   * Signs each screen's next version, off the database and event-loop threads: in groups of
   * {@value #PER_SIGNATURE} under one signature each (protocol's {@code BatchProof}), the groups on
   * every core. A schedule too large to sign (the wire's limit) is recorded as failed and tried again
   * by the next publish; the rest of its group is signed all the same.
   */
  private Future<List<DeliveryRepository.Intent>> sign(Instant at, List<PlannedScreen> batch) {
    // A group is one kind (whole schedules, or placements): one signature covers messages of one type.
    List<List<PlannedScreen>> groups = new ArrayList<>();
    for (boolean placements : new boolean[] {false, true}) {
      List<PlannedScreen> kind = batch.stream().filter(p -> (p.placed() != null) == placements).toList();
      for (int from = 0; from < kind.size(); from += PER_SIGNATURE) {
        groups.add(kind.subList(from, Math.min(kind.size(), from + PER_SIGNATURE)));
      }
    }
    return Future.fromCompletionStage(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      Map<String, DeliveryRepository.Intent> byScreen = new HashMap<>();
      groups.parallelStream().flatMap(group -> signGroup(at, group).stream()).toList()
          .forEach(intent -> byScreen.put(intent.screenId(), intent));
      return batch.stream().map(p -> byScreen.get(p.screen().id())).toList(); // in the batch's order, as recorded
    }));
  }

  private List<DeliveryRepository.Intent> signGroup(Instant now, List<PlannedScreen> group) {
    boolean placements = group.get(0).placed() != null;
    List<Object> messages = group.stream().map(p -> placements
        ? (Object) p.placed().message(Header.now(now), p.screen().id(), p.screen().publishedVersion() + 1)
        : new ScheduleMessage(Header.now(now), p.screen().id(), p.screen().publishedVersion() + 1, p.rules())).toList();
    List<Signer.BatchItem> signed = signer.signBatch(placements ? Signed.PLACEMENT : Signed.SCHEDULE, messages, null);
    List<DeliveryRepository.Intent> intents = new ArrayList<>(group.size());
    for (int i = 0; i < group.size(); i++) {
      String screenId = group.get(i).screen().id();
      long version = group.get(i).screen().publishedVersion() + 1;
      Signer.BatchItem item = signed.get(i);
      intents.add(item.failure() == null
          ? new DeliveryRepository.Intent(screenId, version, item.envelope(), null)
          : new DeliveryRepository.Intent(screenId, version, null,
              "cannot sign the " + (placements ? "placement" : "schedule") + ": " + item.failure().getMessage()));
    }
    return intents;
  }

  /**
   * Records one signed batch in the caller's transaction — each screen's new version and rules, its
   * delivery holding the signed message (or failed when it could not be signed) — and returns what
   * is to be sent. Nothing of the batch has left yet: a stop now leaves it recorded and unsent.
   */
  private List<Outgoing> record(Connection c, Long publishId, Instant at, List<PlannedScreen> batch,
      List<DeliveryRepository.Intent> intents, List<PublishResult.Sent> results) throws SQLException {
    List<ScreenRepository.Published> versions = new ArrayList<>();
    List<Outgoing> outgoing = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      DeliveryRepository.Intent intent = intents.get(i);
      ScreenPlacement placed = batch.get(i).placed();
      String cluster = placed == null || intent.error() != null ? null : placed.clusterId();
      versions.add(new ScreenRepository.Published(intent.screenId(), intent.version(),
          intent.error() == null ? batch.get(i).rulesJson() : null, cluster, cluster == null ? null : placed.profileId()));
      if (intent.error() == null) {
        outgoing.add(new Outgoing(intent.screenId(), intent.version(), intent.envelope()));
      } else {
        results.add(new PublishResult.Sent(intent.screenId(), intent.version(), intent.error()));
      }
    }
    screens.recordPublished(c, versions);
    deliveries.recordIntents(c, publishId, intents, at);
    return outgoing;
  }

  /**
   * The gates' cluster schedules of a publish: each gate whose profiles changed (a re-sign: each gate's
   * recorded one, as it is) gets a new version, signed off the database thread, recorded and only then
   * sent; marked handed once the broker took it. One not confirmed within the deadline stays recorded
   * and not handed: a restart and the re-assertion send it again.
   *
   * <p>The fast pass, before any screen is read, sends each gate its recorded profiles rebuilt from their
   * keys ({@link GatePlanner#fast}). The early pass, once the first page is planned, sends each of {@code gates}
   * (those that page met) the profiles planned so far over its recorded ones, so the screens of those
   * profiles (in a gate of one profile, all of them) play the change without waiting for the whole fleet
   * to be planned; the screens of profiles not planned yet keep what they play, as screens not yet planned
   * always did. The final pass, once every screen is planned and recorded, sends every gate whose whole
   * set of profiles still differs from its newest.
   */
  private Future<Void> sendGates(Planning planning, Set<String> gates, Pass pass) {
    Set<String> which = Set.copyOf(gates);
    return handPass(planning, recordPass(planning, pass, c -> gatePlanner.plan(c, planning, which, pass == Pass.FINAL)));
  }

  /** Plans a pass's gates' schedules ({@code plan}, in a transaction), signs them off the database thread and records them. */
  private Future<List<GateMessage>> recordPass(Planning planning, Pass pass, Database.Work<List<GatePlanner.GatePlan>> plan) {
    return db.transaction(plan)
        .compose(plans -> plans.isEmpty() ? Future.succeededFuture(List.<SignedGate>of()) : Future.fromCompletionStage(
            java.util.concurrent.CompletableFuture.supplyAsync(() -> signGates(planning.at, plans))))
        .compose(signed -> signed.isEmpty() ? Future.succeededFuture(List.<SignedGate>of())
            : db.transaction(c -> {
              beforeGates.accept(pass.label());
              return recordGates(c, planning, signed, pass);
            }))
        .map(recorded -> recorded.stream()
            .map(g -> new GateMessage(g.plan().clusterId(), g.plan().version(), g.envelope())).toList());
  }

  /**
   * Hands a pass's recorded gates' schedules to the broker; the screens they reached are counted as
   * planned when the publish is done ({@link #countGatesReached}).
   */
  private Future<Void> handPass(Planning planning, Future<List<GateMessage>> recorded) {
    return recorded.compose(this::handGates).onSuccess(planning.gatesHanded::addAll).mapEmpty();
  }

  /**
   * Bookkeeping once every screen is recorded (not what leaves): the placed screens the publish's gates'
   * schedules reached and sent no placement of their own count as planned. Counted at the end, as a pass
   * before the last page was recorded cannot yet tell the screens this publish sends a placement.
   */
  private void countGatesReached(Connection c, Planning planning) throws SQLException {
    if (planning.gatesHanded.isEmpty()) {
      return;
    }
    for (GateMessage gate : planning.gatesHanded) {
      planning.planned += clusters.placedScreensNotSent(c, gate.clusterId(), gate.version(), planning.publishId);
    }
    publishes.planned(c, planning.publishId, planning.planned, planning.withheld);
  }

  /**
   * Signs the gates' schedules under ONE signature (protocol's {@code BatchProof}, as a publish's placements
   * and schedules): 100 gates were 100 Ed25519 signatures between the end of the planning and the first gate
   * leaving. A schedule that cannot be signed (too large for the wire) comes back with why; the others are
   * signed all the same.
   */
  private List<SignedGate> signGates(Instant at, List<GatePlanner.GatePlan> plans) {
    String[] errors = new String[plans.size()];
    byte[][] envelopes = new byte[plans.size()][];
    List<Integer> built = new ArrayList<>(); // the plans whose message could be made, by index
    List<ClusterSchedule> messages = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      GatePlanner.GatePlan plan = plans.get(i);
      try { // the early overlay may hold more profiles than a schedule may (the final set never does)
        messages.add(new ClusterSchedule(Header.now(at), plan.clusterId(), plan.version(), plan.profiles()));
        built.add(i);
      } catch (RuntimeException e) {
        errors[i] = e.getMessage();
      }
    }
    List<Signer.BatchItem> signed = messages.isEmpty() ? List.of()
        : signer.signBatch(Signed.CLUSTER_SCHEDULE, messages, null);
    for (int j = 0; j < signed.size(); j++) {
      int i = built.get(j);
      envelopes[i] = signed.get(j).envelope();
      errors[i] = signed.get(j).failure() == null ? null : signed.get(j).failure().getMessage();
    }
    List<SignedGate> gates = new ArrayList<>(plans.size());
    for (int i = 0; i < plans.size(); i++) {
      gates.add(new SignedGate(plans.get(i), envelopes[i], errors[i]));
    }
    return gates;
  }

  /**
   * Records the signed gates (nothing of them has left yet): each becomes its gate's newest, what its
   * placed screens should play; returns those recorded. A gate that could not be signed (too large for
   * the wire) is not recorded: its screens keep the one before, and the publish says why in the log. Early,
   * that is no fault: the profiles planned so far over the recorded ones can outweigh the new set the
   * final pass sends (which {@link GateRoom} keeps within the limit).
   */
  private List<SignedGate> recordGates(Connection c, Planning planning, List<SignedGate> signed, Pass pass)
      throws SQLException {
    List<SignedGate> outgoing = new ArrayList<>();
    for (SignedGate gate : signed) {
      GatePlanner.GatePlan plan = gate.plan();
      if (gate.envelope() == null) {
        if (pass == Pass.FINAL) {
          planning.gateUnsigned = true;
          LOG.error("publish {}: the schedule of gate {} cannot be signed ({}); its placed screens keep the one before",
              planning.publishId, plan.clusterId(), gate.error());
        } else {
          LOG.info("publish {}: gate {}'s {} schedule cannot be signed ({}); the final pass sends its new set",
              planning.publishId, plan.clusterId(), pass.label(), gate.error());
        }
        continue;
      }
      clusters.record(c, plan.clusterId(), plan.version(), planning.publishId, plan.profilesJson(),
          plan.changedProfiles(), plan.profileKeys(), gate.envelope(), planning.at);
      outgoing.add(gate);
    }
    return outgoing;
  }

  /**
   * Hands recorded gate schedules to the broker and marks each handed once it took it; completes with
   * the ones it took within the deadline. One it refused or did not confirm in time stays not handed and
   * is told to {@link #onGateUnconfirmed} (sent again); a confirmation that comes late still marks it.
   */
  private Future<List<GateMessage>> handGates(List<GateMessage> gates) {
    if (gates.isEmpty()) {
      return Future.succeededFuture(gates);
    }
    List<Future<Instant>> sends = new ArrayList<>();
    for (GateMessage gate : gates) {
      sends.add(sender.sendToCluster(gate.clusterId(), gate.envelope()).map(v -> clock.instant()));
    }
    return withinDeadline(sends).compose(all -> db.transaction(c -> {
      List<GateMessage> taken = new ArrayList<>();
      for (int i = 0; i < gates.size(); i++) {
        GateMessage gate = gates.get(i);
        Future<Instant> send = sends.get(i);
        if (send.succeeded()) {
          clusters.markHanded(c, gate.clusterId(), gate.version(), send.result());
          taken.add(gate);
          onGateHanded.accept(gate.clusterId());
        } else {
          LOG.warn("the broker did not {} the schedule of gate {} version {}; it is sent again",
              send.failed() ? "take" : "confirm in time", gate.clusterId(), gate.version());
          onGateUnconfirmed.run();
          send.onSuccess(at -> db.transaction(late -> {
            clusters.markHanded(late, gate.clusterId(), gate.version(), at);
            return null;
          }));
        }
      }
      return taken;
    }));
  }

  /**
   * Sends each gate's newest cluster schedule again, exactly as recorded; {@code onlyUnsent}: only those
   * the broker never took (a restart). Marks them handed. Completes with how many the broker took.
   */
  public Future<Integer> reassertClusters(boolean onlyUnsent) {
    return reassertGatesWhere(g -> !onlyUnsent || g.handedAt() == null);
  }

  /**
   * Sends the newest cluster schedule of each gate {@code due} (asked when its turn in the queue comes: a
   * publish queued before may have just sent it) again, exactly as recorded; as {@link #reassertClusters}.
   */
  public Future<Integer> reassertGates(java.util.function.Predicate<String> due) {
    return reassertGatesWhere(g -> due.test(g.clusterId()));
  }

  private Future<Integer> reassertGatesWhere(java.util.function.Predicate<ClusterScheduleRepository.Recorded> which) {
    return queued(() -> db.transaction(c -> clusters.latestOfEach(c).stream()
            .filter(g -> g.envelope() != null && which.test(g))
            .map(g -> new GateMessage(g.clusterId(), g.version(), g.envelope())).toList())
        .compose(this::handGates).map(List::size));
  }

  /** No publish, re-assertion or placement under way or queued. */
  private synchronized boolean idle() {
    return sending.isComplete();
  }

  /** Plans the fleet's profiles ahead of the next publish once a setup change settled; start it once started, close it at stop. */
  public ProfilesAhead profilesAhead() {
    return profilesAhead;
  }

  /** Runs {@code work} after everything queued before has been sent (publishes, re-sends, re-assertions). */
  private synchronized <T> Future<T> queued(Supplier<Future<T>> work) {
    Future<T> done = sending.transform(ignored -> work.get());
    sending = done;
    return done;
  }

  /**
   * Sends in windows of {@value #SEND_WINDOW}: the MQTT client refuses more publishes in flight than
   * its window ("too many publishes in progress"), which at 10,000 screens failed most of a publish.
   */
  private Future<List<PublishResult.Sent>> sendAll(List<Outgoing> outgoing) {
    List<PublishResult.Sent> results = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < outgoing.size(); from += SEND_WINDOW) {
      List<Outgoing> window = outgoing.subList(from, Math.min(outgoing.size(), from + SEND_WINDOW));
      chain = chain.compose(v -> sendWindow(window).map(w -> {
        results.addAll(w.sent());
        return null;
      }));
    }
    return chain.map(v -> results);
  }

  /** What became of a window: the screens handed or refused, and how many the broker did not confirm in time. */
  private record WindowOutcome(List<PublishResult.Sent> sent, int unconfirmed) {}

  /**
   * Hands a window to the broker, then records what became of each message in ONE transaction: the
   * ones the broker took are marked handed (at the time it took each), the ones it refused failed,
   * the ones it did not confirm within the deadline are left as they are (recorded, not handed). A
   * stop before that transaction leaves the window unmarked, so the next start resends it whole —
   * byte for byte, which the agents ignore when they already have it.
   */
  private Future<WindowOutcome> sendWindow(List<Outgoing> window) {
    List<Future<Instant>> sends = new ArrayList<>();
    for (Outgoing o : window) {
      sends.add(sender.send(o.screenId(), o.envelope()).map(v -> clock.instant()));
    }
    return withinDeadline(sends).transform(all -> db.transaction(c -> {
      List<DeliveryRepository.Handed> handed = new ArrayList<>();
      List<PublishResult.Sent> results = new ArrayList<>();
      int unconfirmed = 0;
      for (int i = 0; i < window.size(); i++) {
        Outgoing o = window.get(i);
        Future<Instant> send = sends.get(i);
        if (!send.isComplete()) {
          unconfirmed++;
          unconfirmed(o.screenId(), o.version(), send);
        } else if (send.succeeded()) {
          handed.add(new DeliveryRepository.Handed(o.screenId(), o.version(), send.result()));
          onHanded.accept(o.screenId(), o.version());
          results.add(new PublishResult.Sent(o.screenId(), o.version(), null));
        } else {
          results.add(forgetPublished(c, o, send.cause()));
        }
      }
      deliveries.markHanded(c, handed);
      return new WindowOutcome(results, unconfirmed);
    }));
  }

  /** Completes when every send is answered, or when the deadline passes first (the sends not answered then are unconfirmed). */
  private Future<Void> withinDeadline(List<? extends Future<?>> sends) {
    Promise<Void> settled = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, sendDeadline.toMillis()), id -> settled.tryComplete());
    Future.join(sends).onComplete(all -> {
      vertx.cancelTimer(timer);
      settled.tryComplete();
    });
    return settled.future();
  }

  /**
   * A send the broker did not confirm in time: it stays recorded and not handed, so a restart sends it
   * again; the re-assertion is told to send it again now; a confirmation that still comes marks it handed.
   */
  private void unconfirmed(String screenId, long version, Future<Instant> send) {
    onUnconfirmed.accept(screenId);
    send.onSuccess(at -> db.transaction(c -> {
      deliveries.markHanded(c, List.of(new DeliveryRepository.Handed(screenId, version, at)));
      return null;
    }).onSuccess(marked -> onHanded.accept(screenId, version)));
  }

  /**
   * The broker did not take the schedule: mark it failed and make the next publish send this screen
   * again — unless its agent already answered it, which proves the broker took it and only the
   * confirmation was lost (a connection dropped between send and PUBACK).
   */
  private PublishResult.Sent forgetPublished(Connection c, Outgoing o, Throwable failure) throws SQLException {
    String error = Rollout.brokerRefused(failure.getMessage());
    if (!deliveries.recordBrokerRefusal(c, o.screenId(), o.version(), error, clock.instant())) {
      return new PublishResult.Sent(o.screenId(), o.version(), null);
    }
    screens.forgetPublished(c, o.screenId(), o.version());
    return new PublishResult.Sent(o.screenId(), o.version(), error);
  }
}
