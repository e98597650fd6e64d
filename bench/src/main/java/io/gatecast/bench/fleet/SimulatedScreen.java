package io.gatecast.bench.fleet;

import io.gatecast.agent.link.Backoff;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.ClusterSchedule;
import io.gatecast.protocol.Placement;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.PlayReceipt;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.Verifier;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One screen as the broker and the controller see it, without a display: the agent's MQTT
 * behaviour on a Vert.x MQTT client (non-blocking, so thousands share a few event loops). It logs
 * in with its screen id and MQTT password, subscribes to its schedule, commands and cluster alert,
 * opens every message with the protocol's {@link Verifier} (pinned controller key), refuses
 * anything not newer than what it plays, acks each applied schedule with a {@link ScheduleAck},
 * sends retained heartbeats and proof-of-play batches, has an OFFLINE last-will, and reconnects
 * with the agent's own {@link Backoff} (1 s doubling to 30 s, jittered) when its link drops.
 *
 * <p>With {@code placements} it plays as today's agent does (issue 21): its heartbeats say so, it
 * also follows its gate's schedule topic, and it plays its placement's profile in the newest cluster
 * schedule, acking both versions; each such application counts one more in {@link #progress}.
 *
 * <p>What it does not do: download media (the schedule is acked once verified) or render. Every
 * field below is touched only on this screen's event-loop context.
 */
public final class SimulatedScreen {
  /** CPU the simulator spends opening signed messages (all screens): in the field each screen pays its own share. */
  static final java.util.concurrent.atomic.LongAdder VERIFY_NANOS = new java.util.concurrent.atomic.LongAdder();
  static final java.util.concurrent.atomic.LongAdder VERIFIED = new java.util.concurrent.atomic.LongAdder();
  private final Vertx vertx;
  private final ScreenLogin login;
  private final String clusterId;
  private final Verifier verifier;
  private final WorkerExecutor verifyPool;
  private final FleetListener listener;
  private final Backoff backoff;
  private final Random random;
  private volatile String host;
  private volatile int port;
  /** The nodes of a clustered broker, tried in turn after a lost or failed connection (one: no turn). */
  private volatile int[] ports = new int[0];
  private volatile long heartbeatMillis;
  private final long playBatchMillis;

  private Context context;
  private MqttClient client;
  private volatile boolean connected;
  private volatile boolean stopped;
  /** Disconnected on purpose until {@link #moveTo} points it at a broker again: no reconnect meanwhile. */
  private volatile boolean parked;
  private volatile Long appliedVersion;
  private volatile ScheduleMessage lastSchedule;
  private Long alertVersion;
  private volatile long heartbeatsSent;
  private volatile String lastMarker;
  private String markerPrefix = "hb";
  private long heartbeatTimer = -1;
  private long playTimer = -1;
  private long playSequence;
  private volatile long connects;
  private volatile long refusedSubscriptions;
  private volatile long failedConnects;
  private final boolean placements;
  private final boolean receipts;
  /** Receipts verified, over every screen of the JVM (proof that the controller sent them). */
  private static final java.util.concurrent.atomic.LongAdder RECEIPTS = new java.util.concurrent.atomic.LongAdder();
  private Placement placement;
  private ClusterSchedule gate;
  private volatile Long appliedClusterVersion;
  /** What it played so far, one a whole schedule or a new (placement, cluster schedule) pair. */
  private volatile long applications;

  SimulatedScreen(Vertx vertx, ScreenLogin login, String clusterId, Verifier verifier, WorkerExecutor verifyPool,
      FleetListener listener, Duration heartbeat, Duration playBatch, Random random, boolean placements,
      boolean receipts) {
    this.placements = placements;
    this.receipts = receipts;
    this.verifyPool = verifyPool;
    this.vertx = vertx;
    this.login = login;
    this.clusterId = clusterId;
    this.verifier = verifier;
    this.listener = listener;
    this.heartbeatMillis = heartbeat.toMillis();
    this.playBatchMillis = playBatch.toMillis();
    this.random = random;
    this.backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), random);
  }

  public String id() {
    return login.screenId();
  }

  public boolean isConnected() {
    return connected;
  }

  public Long appliedVersion() {
    return appliedVersion;
  }

  /**
   * How far it got through the controller, as its listener is told ({@link FleetListener#scheduleApplied}'s
   * {@code version}): the schedule version it plays, or with placements the number of schedules it played
   * (a content change for placed screens sends a new cluster schedule, not a new version of the screen's
   * own). A whole schedule is always reported by its version (the floors send whole schedules).
   */
  public Long progress() {
    return placements ? Long.valueOf(applications) : appliedVersion;
  }

  /** The schedule it plays (null before the first), for a benchmark that re-sends the same rules. */
  public ScheduleMessage lastSchedule() {
    return lastSchedule;
  }

  /** The {@code currentContentId} of the last heartbeat sent: each heartbeat carries a fresh one. */
  public String lastMarker() {
    return lastMarker;
  }

  public long heartbeatsSent() {
    return heartbeatsSent;
  }

  /** Subscriptions the broker refused (SUBACK 0x80), each followed by a reconnect. */
  public long refusedSubscriptions() {
    return refusedSubscriptions;
  }

  public long connects() {
    return connects;
  }

  /** Connection attempts that failed (refused, broker down, login or subscription not answered). */
  public long failedConnects() {
    return failedConnects;
  }

  /** Connects to {@code host:port}; on a drop it keeps knocking until {@link #stop}. */
  void start(String host, int port) {
    this.host = host;
    this.port = port;
    this.stopped = false;
    if (context == null) {
      context = vertx.getOrCreateContext();
    }
    context.runOnContext(v -> connect());
  }

  /**
   * Connects to the first of {@code ports} (nodes of one clustered broker on {@code host}); after a
   * lost or failed connection the next one is tried, as the agent does with several addresses.
   */
  void start(String host, int[] ports) {
    this.ports = ports.clone();
    start(host, ports[0]);
  }

  /** The port of the broker node the screen is pointed at now. */
  int port() {
    return port;
  }

  /** Points the screen at another broker: drops the link and reconnects there at once. */
  void moveTo(String host, int port) {
    context.runOnContext(v -> {
      parked = false;
      this.host = host;
      this.port = port;
      dropLink().onComplete(done -> connect());
    });
  }

  /**
   * Sets the heartbeat period and the marker heartbeats carry. {@code sendNow}: one heartbeat at
   * once, then every period; otherwise the first comes at a random point of the period, so a fleet
   * spreads its heartbeats evenly instead of sending them in bursts.
   */
  void heartbeatEvery(Duration period, String markerPrefix, boolean sendNow) {
    context.runOnContext(v -> {
      this.heartbeatMillis = period.toMillis();
      this.markerPrefix = markerPrefix;
      if (!connected) {
        return;
      }
      if (sendNow) {
        restartHeartbeats();
      } else {
        cancelHeartbeats();
        heartbeatTimer = vertx.setTimer(1 + (long) (random.nextDouble() * heartbeatMillis), t -> restartHeartbeats());
      }
    });
  }

  /** Drops the link cleanly and comes back after {@code away}. */
  void dropFor(Duration away) {
    context.runOnContext(v -> {
      dropLink();
      vertx.setTimer(Math.max(1, away.toMillis()), id -> {
        if (!stopped) {
          connect();
        }
      });
    });
  }

  /**
   * Drops the link cleanly (no last-will) and stays away until {@link #moveTo}: a fleet whose broker
   * is about to stop is parked first, instead of every screen retrying it until the next broker is up.
   */
  void park() {
    parked = true;
    context.runOnContext(v -> dropLink());
  }

  /**
   * Disconnects cleanly, on the screen's context: no last-will, and no reconnect from the close.
   * Completes once the broker was told (at once when there was no link).
   */
  private Future<Void> dropLink() {
    MqttClient old = client;
    client = null;
    cancelTimers();
    connected = false;
    if (old == null) {
      return Future.succeededFuture();
    }
    old.closeHandler(null);
    return old.disconnect();
  }

  void stop() {
    stopped = true;
    if (context == null) {
      return;
    }
    context.runOnContext(v -> {
      cancelTimers();
      connected = false;
      if (client != null) {
        client.closeHandler(null);
        client.disconnect();
        client = null;
      }
    });
  }

  private void connect() {
    if (stopped || parked) {
      return;
    }
    connects++;
    MqttClientOptions options = new MqttClientOptions()
        .setClientId(login.screenId())
        .setUsername(login.screenId())
        .setPassword(login.password())
        .setCleanSession(true)
        .setKeepAliveInterval(30)
        .setAutoKeepAlive(true)
        .setMaxMessageSize(Limits.MAX_MESSAGE_BYTES + 1024)
        .setMaxInflightQueue(100)
        .setWillFlag(true)
        .setWillTopic(Topics.status(login.screenId()))
        .setWillMessageBytes(Buffer.buffer(Codec.encode(new StatusMessage(Header.now(Instant.now()), login.screenId(),
            ScreenState.OFFLINE, null, null, null))))
        .setWillQoS(1)
        .setWillRetain(true);
    MqttClient attempt = MqttClient.create(vertx, options);
    client = attempt;
    attempt.publishHandler(this::onMessage);
    attempt.closeHandler(v -> lost(attempt));
    attempt.exceptionHandler(e -> { }); // a refused or reset connection ends in closeHandler or a failed connect
    // As the agent: a refused subscription (0x80; NATS while JetStream elects leaders) means a deaf
    // session, so drop it and reconnect after the back-off.
    attempt.subscribeCompletionHandler(ack -> {
      if (ack.grantedQoSLevels().contains(0x80)) {
        refusedSubscriptions++;
        lost(attempt);
      }
    });
    Map<String, Integer> topics = new java.util.HashMap<>(Map.of(
        Topics.schedule(login.screenId()), 1,
        Topics.commands(login.screenId()), 1,
        Topics.alert(clusterId), 1));
    if (placements) {
      topics.put(Topics.clusterSchedule(clusterId), 1);
    }
    attempt.connect(port, host)
        .compose(ack -> attempt.subscribe(topics))
        .onSuccess(id -> {
          if (client != attempt) {
            return;
          }
          connected = true;
          backoff.reset();
          listener.connected(login.screenId(), System.nanoTime());
          restartHeartbeats();
          if (playBatchMillis > 0) {
            // An agent sends its plays on a clock of its own, from when it started, not from when it
            // connected: a fleet's batches come spread over the period. Timed from the connect, the
            // fleet's CONNECT storm made them one burst a minute (10,000 batches in a few seconds),
            // which landed on one publish round in four and tripled the controller's CPU for it.
            playTimer = vertx.setTimer(1 + (long) (random.nextDouble() * playBatchMillis), first -> {
              sendPlays();
              playTimer = vertx.setPeriodic(playBatchMillis, t -> sendPlays());
            });
          }
        })
        .onFailure(e -> {
          failedConnects++;
          lost(attempt);
        });
  }

  private void lost(MqttClient which) {
    if (client != which) {
      return;
    }
    client = null;
    connected = false;
    cancelTimers();
    if (which.isConnected()) {
      which.closeHandler(null);
      which.disconnect();
    }
    if (ports.length > 1) {
      port = ports[(indexOf(ports, port) + 1) % ports.length];
    }
    if (!stopped) {
      vertx.setTimer(backoff.next().toMillis(), t -> {
        if (client == null && !stopped) {
          connect();
        }
      });
    }
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private void restartHeartbeats() {
    cancelHeartbeats();
    sendHeartbeat();
    heartbeatTimer = vertx.setPeriodic(heartbeatMillis, t -> sendHeartbeat());
  }

  private void cancelHeartbeats() {
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }

  private void cancelTimers() {
    cancelHeartbeats();
    if (playTimer >= 0) {
      vertx.cancelTimer(playTimer);
      playTimer = -1;
    }
  }

  /**
   * Stamps the arrival on the event loop, verifies on the fleet's verification pool (ordered per
   * screen), then applies on the screen's context. Verification is the simulator's heaviest work
   * (an Ed25519 check per message); kept off the event loops, it does not hold up the arrival of
   * other screens' messages, so "received" measures delivery and "acked" adds the verification.
   */
  private void onMessage(MqttPublishMessage message) {
    long received = System.nanoTime();
    String topic = message.topicName();
    byte[] payload = message.payload().getBytes();
    Topics.Kind kind = Topics.parse(topic).map(Topics.Topic::kind).orElse(null);
    verifyPool.executeBlocking(() -> open(kind, payload), true)
        .onSuccess(opened -> {
          try {
            if (opened instanceof ScheduleMessage schedule) {
              applySchedule(schedule, received);
            } else if (opened instanceof Placement next) {
              applyPlacement(next, received);
            } else if (opened instanceof ClusterSchedule next) {
              applyGate(next, received);
            } else if (opened instanceof AlertMessage alert) {
              showAlert(alert, received);
            } else if (opened instanceof PlayReceipt receipt) {
              Freshness.requireScreen(login.screenId(), receipt.screenId());
              RECEIPTS.increment();
            }
          } catch (RejectedException e) {
            listener.rejected(login.screenId(), topic, e.reason().name());
          }
        })
        .onFailure(e -> listener.rejected(login.screenId(), topic,
            e instanceof RejectedException r ? r.reason().name() : e.toString()));
  }

  /** Verifies and decodes on the verification pool; touches no screen state. */
  private Object open(Topics.Kind kind, byte[] payload) {
    long start = System.nanoTime();
    try {
      if (kind == Topics.Kind.COMMANDS && receipts && Signed.PLAY_RECEIPT.equals(Signed.typeOf(payload))) {
        return verifier.open(payload, Signed.PLAY_RECEIPT, PlayReceipt.class).message();
      } else if (kind == Topics.Kind.SCHEDULE && placements && Signed.PLACEMENT.equals(Signed.typeOf(payload))) {
        return verifier.open(payload, Signed.PLACEMENT, Placement.class).message();
      } else if (kind == Topics.Kind.SCHEDULE) {
        return verifier.open(payload, Signed.SCHEDULE, ScheduleMessage.class).message();
      } else if (kind == Topics.Kind.CLUSTER_SCHEDULE) {
        return verifier.open(payload, Signed.CLUSTER_SCHEDULE, ClusterSchedule.class).message();
      } else if (kind == Topics.Kind.ALERT) {
        return verifier.open(payload, Signed.ALERT, AlertMessage.class).message();
      } else if (kind == Topics.Kind.COMMANDS) {
        return verifier.open(payload, Signed.COMMAND, com.fasterxml.jackson.databind.JsonNode.class).message();
      }
      return null;
    } finally {
      VERIFY_NANOS.add(System.nanoTime() - start);
      VERIFIED.increment();
    }
  }

  private void applySchedule(ScheduleMessage schedule, long received) {
    Freshness.requireScreen(login.screenId(), schedule.screenId());
    if (appliedVersion != null && schedule.version() == appliedVersion.longValue()) {
      return; // the retained copy of what plays already, met again after a reconnect
    }
    Freshness.requireNewer(appliedVersion, schedule.version());
    appliedVersion = schedule.version();
    appliedClusterVersion = null;
    placement = null;
    lastSchedule = schedule;
    applications++;
    publish(Topics.events(login.screenId()), new ScheduleAck(Header.now(Instant.now()), login.screenId(),
        schedule.version(), ScheduleAck.Outcome.APPLIED, null), false);
    listener.scheduleApplied(login.screenId(), schedule.version(), received, System.nanoTime());
  }

  /** A placement: newer than what its schedule topic carried before (one sequence with whole schedules). */
  private void applyPlacement(Placement next, long received) {
    Freshness.requireScreen(login.screenId(), next.screenId());
    if (placement != null && placement.version().equals(next.version())) {
      return; // the retained copy again, after a reconnect
    }
    Freshness.requireNewer(appliedVersion, next.version());
    placement = next;
    play(received);
  }

  /** Its gate's cluster schedule: newer than the one held. */
  private void applyGate(ClusterSchedule next, long received) {
    if (!next.clusterId().equals(clusterId)) {
      throw new RejectedException(io.gatecast.protocol.Rejection.WRONG_SCREEN, "cluster schedule of " + next.clusterId());
    }
    if (gate != null && gate.version().equals(next.version())) {
      return;
    }
    Freshness.requireNewer(gate == null ? null : gate.version(), next.version());
    gate = next;
    play(received);
  }

  /** Plays the placement in the gate's schedule once both are held and the profile is there; acks both versions. */
  private void play(long received) {
    if (placement == null || gate == null || !gate.profiles().containsKey(placement.profileId())
        || (placement.version().equals(appliedVersion) && gate.version().equals(appliedClusterVersion))) {
      return;
    }
    lastSchedule = new ScheduleMessage(placement.header(), login.screenId(), placement.version(), placement.rulesIn(gate));
    appliedVersion = placement.version();
    appliedClusterVersion = gate.version();
    applications++;
    publish(Topics.events(login.screenId()), new ScheduleAck(Header.now(Instant.now()), login.screenId(),
        placement.version(), ScheduleAck.Outcome.APPLIED, null, gate.version()), false);
    listener.scheduleApplied(login.screenId(), applications, received, System.nanoTime());
  }

  /** Receipts verified so far by every simulated screen in this JVM. */
  public static long receiptsVerified() {
    return RECEIPTS.sum();
  }

  /**
   * Forgets the last alert version it showed, as an agent that lost its state: the next alert of any
   * version is shown. Lets a benchmark alternate the controller's versions (1, 2, ...) with floor alerts
   * versioned by the clock.
   */
  Future<Void> forgetAlert() {
    Promise<Void> forgotten = Promise.promise();
    context.runOnContext(v -> {
      alertVersion = null;
      forgotten.complete();
    });
    return forgotten.future();
  }

  private void showAlert(AlertMessage alert, long received) {
    if (!alert.clusterId().equals(clusterId)) {
      throw new RejectedException(io.gatecast.protocol.Rejection.WRONG_SCREEN, "alert for cluster " + alert.clusterId());
    }
    if (alertVersion != null && alert.version() == alertVersion.longValue()) {
      return;
    }
    Freshness.requireNewer(alertVersion, alert.version());
    alertVersion = alert.version();
    listener.alertShown(login.screenId(), alert.version(), received, System.nanoTime());
  }

  private void sendHeartbeat() {
    long sequence = heartbeatsSent + 1;
    String marker = markerPrefix + "-" + sequence;
    boolean sent = publish(Topics.status(login.screenId()), new StatusMessage(Header.now(Instant.now()),
        login.screenId(), ScreenState.ONLINE, appliedVersion, marker, Math.max(1, heartbeatMillis / 1000), null,
        appliedClusterVersion, placements ? Boolean.TRUE : null), true);
    if (sent) {
      heartbeatsSent = sequence;
      lastMarker = marker;
    }
  }

  /** Proof of play: the items of the last period, as an agent's journal would send them. */
  private void sendPlays() {
    Instant now = Instant.now();
    List<PlayBatch.Play> plays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Instant start = now.minusSeconds(10L * (6 - i));
      plays.add(new PlayBatch.Play(login.screenId() + "-" + (++playSequence), "bench-item", null, "vi", start,
          start.plusSeconds(10)));
    }
    publish(Topics.events(login.screenId()), new PlayBatch(Header.now(now), login.screenId(), plays, receipts), false);
  }

  private boolean publish(String topic, Object message, boolean retained) {
    MqttClient current = client;
    if (current == null || !current.isConnected()) {
      return false;
    }
    current.publish(topic, Buffer.buffer(Codec.encode(message)), MqttQoS.AT_LEAST_ONCE, false, retained);
    return true;
  }

  @Override
  public String toString() {
    return "screen " + login.screenId() + (connected ? " (connected)" : " (not connected)") + " applied "
        + appliedVersion;
  }
}
