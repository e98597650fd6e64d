package io.gatecast.controller.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller's SQLite file, on a real file: its reader beside its writer, and closing it while its threads are at work. */
class DatabaseTest {
  @TempDir Path dir;
  private Vertx vertx;
  private Database db;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("gatecast.db"));
    db.transaction(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE arrivals (item INTEGER NOT NULL)");
      }
      return null;
    }).await();
  }

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void closingWaitsForTheTransactionRunningAndThenClosesTheFile() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Void> transaction = db.transaction(c -> {
      running.countDown();
      waitFor(release);
      Sql.update(c, "INSERT INTO arrivals (item) VALUES (?)", 7);
      return null;
    });
    assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

    Thread closer = new Thread(db::close, "closer");
    closer.start();
    // It waits for the transaction (before, it closed the connection under it and returned).
    await().atMost(Duration.ofSeconds(30)).until(() -> closer.getState() == Thread.State.TIMED_WAITING
        || closer.getState() == Thread.State.TERMINATED);
    assertThat(closer.getState()).as("close waits for the running transaction").isEqualTo(Thread.State.TIMED_WAITING);
    release.countDown();
    closer.join();

    assertThat(transaction.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)).isNull();
    assertThat(itemsIn(dir.resolve("gatecast.db"))).containsExactly(7);
    assertThat(dir.resolve("gatecast.db-wal")).as("the last connection closed checkpoints its log away").doesNotExist();
  }

  @Test
  void aLongReadDoesNotHoldBackAWriteAndReadsOneSnapshot() throws Exception {
    db.transaction(c -> Sql.update(c, "INSERT INTO arrivals (item) VALUES (?)", 1)).await();
    CountDownLatch readOnce = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // Both asked from one event loop, as the controller's requests are (a report, then an urgent alert).
    Context eventLoop = vertx.getOrCreateContext();
    CompletableFuture<Future<List<Integer>>> report = new CompletableFuture<>();
    eventLoop.runOnContext(v -> report.complete(db.read(c -> {
      List<Integer> first = Sql.list(c, "SELECT item FROM arrivals", row -> row.getInt(1));
      readOnce.countDown();
      waitFor(release);
      List<Integer> again = Sql.list(c, "SELECT item FROM arrivals", row -> row.getInt(1));
      return first.equals(again) ? again : List.of(-1); // -1: the read saw a write in its middle
    })));
    assertThat(readOnce.await(30, TimeUnit.SECONDS)).isTrue();

    // The write completes while the read is still at work (queued behind it, it waited for the read).
    CompletableFuture<Future<Integer>> write = new CompletableFuture<>();
    eventLoop.runOnContext(v -> write.complete(db.transaction(c -> Sql.update(c, "INSERT INTO arrivals (item) VALUES (?)", 2))));
    assertThat(write.get(30, TimeUnit.SECONDS).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
        .isEqualTo(1);
    assertThat(report.get(30, TimeUnit.SECONDS).isComplete()).isFalse();

    release.countDown();
    assertThat(report.get().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
        .as("one snapshot: what was committed when it first read").containsExactly(1);
    assertThat(db.read(c -> Sql.list(c, "SELECT item FROM arrivals ORDER BY item", row -> row.getInt(1))).await())
        .as("the next read sees what was committed since").containsExactly(1, 2);
  }

  @Test
  void aWriteDoesNotWaitForOtherBlockingWorkAskedOnItsEventLoop() throws Exception {
    // A long blocking task asked on the event loop (a media upload's checks, say), ordered as Vert.x orders by default.
    Context eventLoop = vertx.getOrCreateContext();
    CountDownLatch working = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Future<Integer>> write = new CompletableFuture<>();
    eventLoop.runOnContext(v -> {
      vertx.executeBlocking(() -> {
        working.countDown();
        waitFor(release);
        return null;
      });
      write.complete(db.transaction(c -> Sql.update(c, "INSERT INTO arrivals (item) VALUES (?)", 4)));
    });
    assertThat(working.await(30, TimeUnit.SECONDS)).isTrue();
    try {
      assertThat(write.get(30, TimeUnit.SECONDS).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
          .as("the write, asked after it on the same event loop, did not wait for it").isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aReadThatWritesFailsAndWritesNothing() throws Exception {
    Future<Integer> write = db.read(c -> Sql.update(c, "INSERT INTO arrivals (item) VALUES (?)", 3));
    await().atMost(Duration.ofSeconds(30)).until(write::isComplete);
    assertThat(write.failed()).isTrue();
    assertThat(write.cause()).isInstanceOf(SQLException.class).hasMessageContaining("readonly");
    assertThat(db.transaction(c -> Sql.list(c, "SELECT item FROM arrivals", row -> row.getInt(1))).await()).isEmpty();
  }

  @Test
  void closingAfterVertxClosedStillClosesTheFile() throws Exception {
    vertx.close().await();
    db.close();
    assertThat(dir.resolve("gatecast.db-wal")).as("the last connection closed checkpoints its log away").doesNotExist();
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Integer> itemsIn(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      return Sql.list(c, "SELECT item FROM arrivals", row -> row.getInt(1));
    }
  }
}
