package io.gatecast.controller.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The controller's SQLite file. One connection and one worker thread: SQLite has a single writer
 * anyway, and running every unit of work on that thread keeps blocking JDBC off the event loop and
 * makes each unit a transaction that either commits whole or leaves nothing behind.
 */
public final class Database implements AutoCloseable {
  /** A unit of work run inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Prepared statements kept for reuse (see {@link StatementCache}); the controller has about 200 statements in its code. */
  private static final int KEPT_STATEMENTS = 512;
  private final Connection connection;
  private final WorkerExecutor worker;

  private Database(Connection connection, WorkerExecutor worker) {
    this.connection = connection;
    this.worker = worker;
  }

  /** Opens (creating if absent) {@code file} and brings its schema up to date. Blocking. */
  public static Database open(Vertx vertx, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // No generated keys: the driver would otherwise compile and run "SELECT last_insert_rowid()"
      // after every INSERT (each play, history entry...); the one place that needs an id asks itself.
      String url = "jdbc:sqlite:" + file.toAbsolutePath()
          + "?foreign_keys=on&busy_timeout=5000&jdbc.get_generated_keys=false";
      migrate(url);
      Connection connection = DriverManager.getConnection(url);
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=NORMAL");
      }
      connection.setAutoCommit(false);
      return new Database(StatementCache.keeping(connection, KEPT_STATEMENTS),
          vertx.createSharedWorkerExecutor("gatecast-db-" + file.toAbsolutePath(), 1));
    } catch (Exception e) {
      throw new IllegalStateException("cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  private static void migrate(String url) {
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  /** Runs {@code work} in one transaction on the database thread. */
  public <T> Future<T> transaction(Work<T> work) {
    return worker.executeBlocking(() -> {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
    }, true);
  }

  @Override
  public void close() {
    worker.close();
    try {
      connection.close();
    } catch (SQLException e) {
      // closing on shutdown; nothing left to protect
    }
  }
}
