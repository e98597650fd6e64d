package io.gatecast.controller.fleet;

import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.OperatingHoursRepository;
import io.gatecast.controller.publish.DeliveryRepository;
import io.gatecast.controller.screens.ScreenRepository;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.Sql;
import io.gatecast.controller.store.WriteBehind;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.proofofplay.PlayIngest;
import io.gatecast.controller.proofofplay.PlayRepository;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats, last-wills, acks and plays stored in batches against a real SQLite file keep every truth the one-by-one path kept. */
class FleetIngestTest {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  @TempDir Path dir;
  private Vertx vertx;
  private Database db;
  private WriteBehind<FleetIngest.Incoming> queue;
  /** The SQL each write prepared, in order (the writer's connection is wrapped to see it). */
  private final List<String> prepared = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** The play batches told as stored once their batch committed ("screen:added"). */
  private final List<String> playsTold = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** While set, every batch fails after the ingest wrote it, as a full disk would fail its commit. */
  private volatile boolean failWrites;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("gatecast.db"));
    db.transaction(c -> {
      Sql.update(c, "INSERT INTO screens (id, name, created_at, cluster_id, published_version) VALUES (?, ?, ?, 'default', 1)",
          "hall-1", "Hall 1", T0.minusSeconds(3600).toString());
      Sql.update(c, "INSERT INTO deliveries (screen_id, version, sent_at, publish_id) VALUES ('hall-1', 1, ?, NULL)",
          T0.minusSeconds(60).toString());
      return null;
    }).await();
    StoredClusters clusters = new StoredClusters(new ClusterRepository(), new OperatingHoursRepository());
    FleetIngest ingest = new FleetIngest(new FleetHealth(clusters, new ScreenRepository(), new HealthRepository(),
        new ScreenClockRepository()), new Metrics(), new DeliveryRepository(),
        new PlayIngest(clusters, new DomainEvents(), new ScreenRepository(), new PlayRepository(),
            new ScreenClockRepository(), null /* no receipts: the test reads what was stored, never calls stored() */));
    // Written only when drained: everything offered before lands in one batch.
    queue = new WriteBehind<>(vertx, db, "test", (c, batch) -> {
      ingest.write(seeingStatements(c), batch);
      if (failWrites) {
        throw new java.sql.SQLException("disk full");
      }
    }, Duration.ofHours(1), 10_000, 10_000, item -> true);
    queue.onStored(batch -> { // as the fleet monitor does
      ingest.committed();
      ingest.playBatchesStoredWritten().forEach(p -> playsTold.add(p.batch().screenId() + ":" + p.added()));
    });
  }

  @AfterEach
  void close() {
    queue.close();
    db.close();
    vertx.close().await();
  }

  @Test
  void aScreenThatWentOfflineAndCameBackWithinOneBatchHasBothChangesInItsHistory() throws Exception {
    queue.offer(status(ScreenState.ONLINE, 0, null, "a"));
    queue.offer(status(ScreenState.OFFLINE, 1, null, null));
    queue.offer(status(ScreenState.ONLINE, 2, null, "b"));
    queue.offer(status(ScreenState.ONLINE, 3, null, "c"));
    queue.drain().await(30, TimeUnit.SECONDS);

    assertThat(agentHistory()).containsExactly("ONLINE@0", "OFFLINE@1", "ONLINE@2");
    assertThat(db.transaction(c -> Sql.one(c, "SELECT state || ' ' || current_content_id || ' ' || last_seen_at FROM screens",
        row -> row.getString(1))).await()).contains("ONLINE c " + T0.plusSeconds(3));
  }

  @Test
  void heartbeatsThatChangeNothingAreSkippedOnlyWhenANewerOneFollows() {
    List<FleetIngest.Incoming> batch = List.of(status(ScreenState.ONLINE, 0, null, "a"),
        status(ScreenState.ONLINE, 1, null, "b"), status(ScreenState.ONLINE, 2, 1L, "c"),
        status(ScreenState.ONLINE, 3, 1L, "d"), status(ScreenState.ONLINE, 4, 1L, "e"));
    assertThat(FleetIngest.superseded(batch)).containsExactly(false, true, false, true, false);
  }

  @Test
  void aLostAckIsHealedByTheAppliedVersionOfTheNextHeartbeat() throws Exception {
    queue.offer(status(ScreenState.ONLINE, 0, 1L, "a"));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).isEqualTo("APPLIED");
  }

  @Test
  void anAckAndAHeartbeatInOneBatchAreStoredInTheOrderTheyCame() throws Exception {
    queue.offer(new FleetIngest.Answer(new ScheduleAck(Header.now(T0), "hall-1", 1L, ScheduleAck.Outcome.FAILED,
        "media missing"), T0));
    queue.offer(status(ScreenState.ONLINE, 1, null, "a"));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).as("a heartbeat without an applied version leaves the answer alone").isEqualTo("FAILED");
  }

  @Test
  void aHeartbeatNamingTheVersionItsStoredAckAppliedHasNothingLeftToSettle() throws Exception {
    queue.offer(new FleetIngest.Answer(new ScheduleAck(Header.now(T0), "hall-1", 1L, ScheduleAck.Outcome.APPLIED, null),
        T0));
    queue.drain().await(30, TimeUnit.SECONDS);
    prepared.clear();
    queue.offer(status(ScreenState.ONLINE, 1, 1L, "a"));
    queue.drain().await(30, TimeUnit.SECONDS);

    assertThat(outcome()).isEqualTo("APPLIED");
    assertThat(prepared).as("no statement settles a delivery the ack answered").noneMatch(FleetIngestTest::settles);
  }

  @Test
  void anAckWhoseBatchNeverCommittedLeavesTheNextHeartbeatToSettleItsDelivery() throws Exception {
    failWrites = true;
    queue.offer(new FleetIngest.Answer(new ScheduleAck(Header.now(T0), "hall-1", 1L, ScheduleAck.Outcome.APPLIED, null),
        T0));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).as("the ack was not stored").isEqualTo("PENDING");

    failWrites = false;
    queue.offer(status(ScreenState.ONLINE, 1, 1L, "a"));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).isEqualTo("APPLIED");
    assertThat(prepared).anyMatch(FleetIngestTest::settles);
  }

  /**
   * A placed screen answers each new gate schedule about the same placement (version 1 here): the first
   * answer settles the placement's delivery, the next ones record only the gate's version they play.
   */
  @Test
  void answersAboutAPlacementAlreadySettledRecordOnlyTheGatesVersion() throws Exception {
    queue.offer(clusterAnswer(1, 7L));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).isEqualTo("APPLIED");
    prepared.clear();

    queue.offer(clusterAnswer(2, 8L));
    queue.offer(clusterAnswer(3, 9L));
    queue.drain().await(30, TimeUnit.SECONDS);

    assertThat(prepared).as("the placement's delivery is not answered again")
        .noneMatch(sql -> sql.startsWith("UPDATE deliveries"));
    assertThat(db.transaction(c -> Sql.one(c, "SELECT applied_cluster_version FROM screens WHERE id = 'hall-1'",
        row -> row.getLong(1)).orElseThrow()).await()).isEqualTo(9L);
  }

  /**
   * A placed screen whose first try failed (a download broke off) answers FAILED, retries, and answers
   * APPLIED about the same placement once it plays it: its delivery ends APPLIED, in one batch or two. A
   * gate schedule that fails after that is the gate's failure: the placement stays APPLIED.
   */
  @Test
  void aPlacementThatFailedAndThenPlayedAfterARetryEndsApplied() throws Exception {
    queue.offer(failedClusterAnswer(1, 7L));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).isEqualTo("FAILED");

    queue.offer(clusterAnswer(2, 7L));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).as("the retry played it").isEqualTo("APPLIED");

    queue.offer(failedClusterAnswer(3, 8L));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).as("a later gate schedule's failure is not the placement's").isEqualTo("APPLIED");
    assertThat(db.transaction(c -> Sql.one(c, "SELECT applied_cluster_version || '/' || failed_cluster_version"
        + " FROM screens WHERE id = 'hall-1'", row -> row.getString(1)).orElseThrow()).await()).isEqualTo("7/8");
  }

  /** The same, the retry's APPLIED lost (a broker restarted without persistence): the heartbeat naming the placement settles it. */
  @Test
  void aPlacementThatFailedAndThenPlayedIsSettledByAHeartbeatNamingItWhenTheRetrysAckWasLost() throws Exception {
    queue.offer(failedClusterAnswer(1, 7L));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).isEqualTo("FAILED");

    queue.offer(status(ScreenState.ONLINE, 2, 1L, "a"));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).as("it plays version 1").isEqualTo("APPLIED");
  }

  @Test
  void aFailureAndTheRetrysSuccessInOneBatchEndApplied() throws Exception {
    queue.offer(failedClusterAnswer(1, 7L));
    queue.offer(clusterAnswer(2, 7L));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).isEqualTo("APPLIED");
  }

  /**
   * A send whose confirmation was lost (the controller's connection dropped between send and PUBACK) is
   * recorded FAILED by the controller, yet the message may have reached the screen: the screen's answer
   * about it, or a heartbeat naming it, settles it as APPLIED. A refusal recorded after the agent
   * answered changes nothing.
   */
  @Test
  void aDeliveryFailedByALostConfirmationIsSettledByTheScreensAnswer() throws Exception {
    refuse();
    assertThat(outcome()).isEqualTo("FAILED");
    queue.offer(clusterAnswer(1, 7L));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).isEqualTo("APPLIED");

    assertThat(refuse()).as("the agent answered: the broker took it").isFalse();
    assertThat(outcome()).isEqualTo("APPLIED");
  }

  @Test
  void aDeliveryFailedByALostConfirmationIsSettledByAHeartbeatNamingIt() throws Exception {
    refuse();
    queue.offer(status(ScreenState.ONLINE, 0, 1L, "a"));
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(outcome()).isEqualTo("APPLIED");
  }

  /** Records hall-1's version 1 as not taken by the broker, as the publisher does; whether it was recorded. */
  private boolean refuse() {
    return db.transaction(c -> new DeliveryRepository().recordBrokerRefusal(c, "hall-1", 1, "connection lost",
        T0)).await();
  }

  /**
   * Proof of play rides in the same batch (one transaction) as the heartbeats: each play stored once
   * however often its batch is resent, an unknown screen's plays not stored, and a registered screen's
   * batch told as stored only once committed, one that added nothing too (it still gets a receipt).
   */
  @Test
  void playsAreStoredInTheBatchOfTheHeartbeatsEachOnceAndEveryBatchToldOnceCommitted() throws Exception {
    queue.offer(status(ScreenState.ONLINE, 0, null, "a"));
    queue.offer(plays("hall-1", "p-1", "p-2"));
    queue.offer(plays("nobody", "p-3"));
    queue.offer(plays("hall-1", "p-2"));
    queue.drain().await(30, TimeUnit.SECONDS);

    assertThat(storedPlays()).containsExactly("hall-1/p-1", "hall-1/p-2");
    assertThat(playsTold).containsExactly("hall-1:2", "hall-1:0");

    failWrites = true; // the batch fails, then each item alone: the plays are not stored, nor told
    queue.offer(plays("hall-1", "p-4"));
    queue.drain().await(30, TimeUnit.SECONDS);
    failWrites = false;
    queue.offer(plays("hall-1", "p-2", "p-4"));
    queue.drain().await(30, TimeUnit.SECONDS);

    assertThat(storedPlays()).containsExactly("hall-1/p-1", "hall-1/p-2", "hall-1/p-4");
    assertThat(playsTold).containsExactly("hall-1:2", "hall-1:0", "hall-1:1");
  }

  private static FleetIngest.Plays plays(String screenId, String... playIds) {
    List<PlayBatch.Play> plays = java.util.Arrays.stream(playIds)
        .map(id -> new PlayBatch.Play(id, "item-1", null, "vi", T0, T0.plusSeconds(10))).toList();
    return new FleetIngest.Plays(new PlayBatch(Header.now(T0), screenId, plays), T0);
  }

  private List<String> storedPlays() {
    return db.transaction(c -> Sql.list(c, "SELECT screen_id || '/' || play_id FROM plays ORDER BY screen_id, play_id",
        row -> row.getString(1))).await();
  }

  private static FleetIngest.Answer clusterAnswer(int second, long clusterVersion) {
    Instant at = T0.plusSeconds(second);
    return new FleetIngest.Answer(new ScheduleAck(Header.now(at), "hall-1", 1L, ScheduleAck.Outcome.APPLIED, null,
        clusterVersion), at);
  }

  private static FleetIngest.Answer failedClusterAnswer(int second, long clusterVersion) {
    Instant at = T0.plusSeconds(second);
    return new FleetIngest.Answer(new ScheduleAck(Header.now(at), "hall-1", 1L, ScheduleAck.Outcome.FAILED,
        "download of a.png broke off", clusterVersion), at);
  }

  /** The statement a status uses to settle the delivery of the version it plays. */
  private static boolean settles(String sql) {
    return sql.startsWith("UPDATE deliveries") && sql.contains("outcome <> 'APPLIED'");
  }

  /** {@code c}, noting the SQL of every statement prepared on it. */
  private java.sql.Connection seeingStatements(java.sql.Connection c) {
    return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
            prepared.add(sql);
          }
          try {
            return method.invoke(c, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private String outcome() {
    return db.transaction(c -> Sql.one(c, "SELECT outcome FROM deliveries WHERE screen_id = 'hall-1' AND version = 1",
        row -> row.getString(1)).orElseThrow()).await();
  }

  private List<String> agentHistory() {
    return db.transaction(c -> Sql.list(c, "SELECT value, at_ms FROM screen_history WHERE aspect = 'AGENT' ORDER BY at_ms, id",
        row -> row.getString(1) + "@" + (row.getLong(2) - T0.toEpochMilli()) / 1000)).await();
  }

  private static FleetIngest.Status status(ScreenState state, int second, Long applied, String content) {
    Instant at = T0.plusSeconds(second);
    return new FleetIngest.Status(new StatusMessage(Header.now(at), "hall-1", state, applied, content,
        state == ScreenState.ONLINE ? 30L : null), at);
  }
}
