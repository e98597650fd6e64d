package io.gatecast.controller.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept statement behaves, for whoever prepares it, as a fresh one would: on a real SQLite file in WAL mode. */
class StatementCacheTest {
  private static final String BY_GROUP = "SELECT id FROM t WHERE grp = ? ORDER BY id";
  @TempDir Path dir;
  private Connection real;
  private Connection kept;

  @BeforeEach
  void open() throws SQLException {
    real = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
    try (Statement s = real.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, grp TEXT)");
    }
    real.setAutoCommit(false);
    kept = StatementCache.keeping(real, 2);
    for (int i = 1; i <= 6; i++) {
      Sql.update(kept, "INSERT INTO t (id, grp) VALUES (?, ?)", i, i % 2 == 0 ? "even" : "odd");
    }
    kept.commit();
  }

  @AfterEach
  void close() throws SQLException {
    kept.close();
  }

  @Test
  void theSameSqlPreparedAgainIsTheSameStatementWithNothingLeftFromItsLastUse() throws SQLException {
    PreparedStatement first = kept.prepareStatement(BY_GROUP);
    first.setString(1, "even");
    assertThat(ids(first)).containsExactly(2, 4, 6);
    first.close();
    assertThat(first.isClosed()).isTrue();

    PreparedStatement second = kept.prepareStatement(BY_GROUP);
    assertThat(second).isSameAs(first);
    assertThat(second.isClosed()).isFalse();
    // Its parameter was cleared on close: unset, it matches nothing rather than the last use's "even".
    assertThat(ids(second)).isEmpty();
    second.setString(1, "odd");
    assertThat(ids(second)).containsExactly(1, 3, 5);
    second.close();
    assertThatThrownBy(second::executeQuery).isInstanceOf(SQLException.class);
  }

  @Test
  void aQueryRunInsideTheLoopOverItsOwnRowsGetsAStatementOfItsOwn() throws SQLException {
    List<String> pairs = new ArrayList<>();
    try (PreparedStatement outer = kept.prepareStatement(BY_GROUP)) {
      outer.setString(1, "odd");
      try (ResultSet rows = outer.executeQuery()) {
        while (rows.next()) {
          try (PreparedStatement inner = kept.prepareStatement(BY_GROUP)) {
            assertThat(inner).isNotSameAs(outer);
            inner.setString(1, "even");
            pairs.add(rows.getInt(1) + "-" + ids(inner));
          }
        }
      }
    }
    assertThat(pairs).containsExactly("1-[2, 4, 6]", "3-[2, 4, 6]", "5-[2, 4, 6]");
  }

  @Test
  void rowsLeftOpenAtCloseDoNotHoldTheWriteAheadLogAfterTheCommit() throws SQLException {
    PreparedStatement query = kept.prepareStatement(BY_GROUP);
    query.setString(1, "even");
    ResultSet rows = query.executeQuery();
    assertThat(rows.next()).isTrue(); // read one row of three, never close the rows
    query.close();
    Sql.update(kept, "INSERT INTO t (id, grp) VALUES (7, 'odd')");
    kept.commit();

    // A reader still open would keep the log from being emptied: busy = 1.
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        Statement s = other.createStatement();
        ResultSet checkpoint = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      assertThat(checkpoint.next()).isTrue();
      assertThat(checkpoint.getInt(1)).as("busy").isZero();
    }
  }

  @Test
  void aStatementPushedOutWhileInUseWorksUntilItsUserClosesIt() throws SQLException {
    PreparedStatement held = kept.prepareStatement(BY_GROUP);
    held.setString(1, "odd");
    // Capacity 2: two more SQLs push the held one out of the cache.
    Sql.list(kept, "SELECT count(*) FROM t", row -> row.getInt(1));
    Sql.list(kept, "SELECT max(id) FROM t", row -> row.getInt(1));
    assertThat(ids(held)).containsExactly(1, 3, 5);
    held.close();
    assertThat(held.isClosed()).isTrue();

    PreparedStatement again = kept.prepareStatement(BY_GROUP);
    assertThat(again).isNotSameAs(held);
    again.setString(1, "even");
    assertThat(ids(again)).containsExactly(2, 4, 6);
    again.close();
  }

  @Test
  void aBatchNotExecutedIsNotCarriedIntoTheNextUse() throws SQLException {
    String insert = "INSERT INTO t (id, grp) VALUES (?, 'batch')";
    try (PreparedStatement first = kept.prepareStatement(insert)) {
      first.setInt(1, 100);
      first.addBatch(); // closed without executeBatch: an error path gave up
    }
    try (PreparedStatement second = kept.prepareStatement(insert)) {
      second.setInt(1, 101);
      second.addBatch();
      second.executeBatch();
    }
    assertThat(Sql.list(kept, "SELECT id FROM t WHERE grp = 'batch'", row -> row.getInt(1))).containsExactly(101);
  }

  private static List<Integer> ids(PreparedStatement statement) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getInt(1));
      }
    }
    return ids;
  }
}
