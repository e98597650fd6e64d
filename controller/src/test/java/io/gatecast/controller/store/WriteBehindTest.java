package io.gatecast.controller.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write-behind against a real SQLite file: order kept, nothing lost in a burst, everything written on drain. */
class WriteBehindTest {
  @TempDir Path dir;
  private Vertx vertx;
  private Database db;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("gatecast.db"));
    db.transaction(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE arrivals (seq INTEGER PRIMARY KEY AUTOINCREMENT, item INTEGER NOT NULL)");
      }
      return null;
    }).await();
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  @Test
  void aBurstFromManyThreadsIsStoredWholeAndInTheOrderEachSenderSentIt() throws Exception {
    // A long flush interval: only the batch size and the drain make it write.
    WriteBehind<Integer> queue = new WriteBehind<>(vertx, db, "test", WriteBehindTest::insert, Duration.ofHours(1), 100,
        1_000_000, item -> true);
    Thread[] senders = new Thread[4];
    for (int t = 0; t < senders.length; t++) {
      int sender = t;
      senders[t] = new Thread(() -> IntStream.range(0, 5_000).forEach(i -> queue.offer(sender * 1_000_000 + i)));
      senders[t].start();
    }
    for (Thread sender : senders) {
      sender.join();
    }
    queue.drain().await(30, TimeUnit.SECONDS);
    List<Integer> stored = db.transaction(c -> Sql.list(c, "SELECT item FROM arrivals ORDER BY seq", row -> row.getInt(1)))
        .await();
    assertThat(stored).hasSize(20_000);
    for (int sender = 0; sender < senders.length; sender++) {
      int from = sender * 1_000_000;
      assertThat(stored.stream().filter(i -> i >= from && i < from + 1_000_000).toList())
          .as("sender %d's items, in its order", sender).isEqualTo(IntStream.range(from, from + 5_000).boxed().toList());
    }
    assertThat(queue.dropped()).isZero();
    queue.close();
  }

  @Test
  void pastItsCapacityTheOldestDroppableItemsGoAndTheNewestAndTheUndroppableStay() throws Exception {
    // Capacity 10, nothing written until drained: odd items may be dropped, even ones never.
    WriteBehind<Integer> queue = new WriteBehind<>(vertx, db, "test", WriteBehindTest::insert, Duration.ofHours(1),
        1_000, 10, item -> item % 2 == 1);
    IntStream.range(0, 40).forEach(queue::offer);
    queue.drain().await(30, TimeUnit.SECONDS);
    List<Integer> stored = db.transaction(c -> Sql.list(c, "SELECT item FROM arrivals ORDER BY seq", row -> row.getInt(1)))
        .await();
    assertThat(stored).as("every even item, in order").containsSubsequence(IntStream.range(0, 40).filter(i -> i % 2 == 0)
        .boxed().toList());
    assertThat(stored).as("the newest odd item is kept").contains(39).isSorted().doesNotHaveDuplicates();
    assertThat(stored.size() + queue.dropped()).as("each item stored or counted as dropped").isEqualTo(40);
    assertThat(queue.dropped()).isPositive();
    queue.close();
  }

  @Test
  void aBadItemCostsOnlyItselfAndTheRestOfItsBatchIsStored() throws Exception {
    WriteBehind<Integer> queue = new WriteBehind<>(vertx, db, "test", (c, batch) -> {
      for (int item : batch) {
        if (item == 3) {
          throw new SQLException("item 3 is bad");
        }
      }
      insert(c, batch);
    }, Duration.ofHours(1), 100, 1_000, item -> true);
    IntStream.range(0, 6).forEach(queue::offer);
    queue.drain().await(30, TimeUnit.SECONDS);
    assertThat(db.transaction(c -> Sql.list(c, "SELECT item FROM arrivals ORDER BY seq", row -> row.getInt(1))).await())
        .containsExactly(0, 1, 2, 4, 5);
    queue.close();
  }

  private static void insert(Connection c, List<Integer> batch) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO arrivals (item) VALUES (?)")) {
      for (int item : batch) {
        insert.setInt(1, item);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
