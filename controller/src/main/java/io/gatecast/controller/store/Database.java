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
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's SQLite file. One connection and one worker thread: SQLite has a single writer
 * anyway, and running every unit of work on that thread keeps blocking JDBC off the event loop and
 * makes each unit a transaction that either commits whole or leaves nothing behind.
 *
 * <p>Beside it, one read-only connection on a thread of its own ({@link #read}) for the long reads (a
 * gate's year of proof of play): the file is in WAL mode, so a reader and the writer do not wait for
 * each other, and an urgent alert or a heartbeat is not queued behind a year-end report.
 */
public final class Database implements AutoCloseable {
  /** A unit of work run inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Prepared statements kept for reuse (see {@link StatementCache}); the controller has about 200 statements in its code. */
  private static final int KEPT_STATEMENTS = 512;
  /** How long {@link #close} waits for the work queued before it (a publish's page is well under it). */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  /**
   * Work is handed to each thread not "ordered": Vert.x queues the ordered tasks of one event loop in ONE
   * queue whatever the executor, so a write asked from the event loop that had asked for a report, or for a
   * media upload's checks, waited for them (an urgent alert behind a year-end; DatabaseTest). Each of our
   * threads is alone in its pool, whose queue runs its work one at a time in the order asked.
   */
  private static final boolean NOT_ORDERED_BY_CONTEXT = false;
  private final Connection connection;
  private final WorkerExecutor worker;
  private final Connection reader;
  private final WorkerExecutor readWorker;

  private Database(Connection connection, WorkerExecutor worker, Connection reader, WorkerExecutor readWorker) {
    this.connection = connection;
    this.worker = worker;
    this.reader = reader;
    this.readWorker = readWorker;
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
      Connection reader = DriverManager.getConnection(url);
      try (Statement statement = reader.createStatement()) {
        statement.execute("PRAGMA query_only=1"); // a read that tries to write fails instead
      }
      reader.setAutoCommit(false); // each read one transaction: one snapshot
      return new Database(StatementCache.keeping(connection, KEPT_STATEMENTS),
          vertx.createSharedWorkerExecutor("gatecast-db-" + file.toAbsolutePath(), 1),
          StatementCache.keeping(reader, KEPT_STATEMENTS),
          vertx.createSharedWorkerExecutor("gatecast-db-read-" + file.toAbsolutePath(), 1));
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
    }, NOT_ORDERED_BY_CONTEXT);
  }

  /**
   * Runs read-only {@code work} on the reading connection, beside the database thread, in one read
   * transaction: it sees what was committed when it first reads (every transaction completed before this
   * call, and none that commits while it runs). For reads that take long (reports); a read that writes fails.
   */
  public <T> Future<T> read(Work<T> work) {
    return readWorker.executeBlocking(() -> {
      try {
        return work.run(reader);
      } finally {
        reader.rollback(); // ends the read transaction: the next read sees what was committed since
      }
    }, NOT_ORDERED_BY_CONTEXT);
  }

  /**
   * Closes the connections each on its thread, after the work queued before it: closing one from
   * another thread under a running transaction broke the statement cache's bookkeeping and left the
   * SQLite file open (seen at the end of a NATS cluster story). Waits at most {@link #CLOSE_WAIT} for
   * that work; a database thread stuck past it is left with the connection, logged.
   */
  @Override
  public void close() {
    closeOn(readWorker, reader);
    closeOn(worker, connection); // the last connection closed checkpoints the log away
  }

  private static void closeOn(WorkerExecutor worker, Connection connection) {
    CountDownLatch closed = new CountDownLatch(1);
    try {
      worker.executeBlocking(() -> {
        try {
          closeConnection(connection);
        } finally {
          closed.countDown();
        }
        return null;
      }, NOT_ORDERED_BY_CONTEXT);
    } catch (RejectedExecutionException e) {
      closeConnection(connection); // the thread is gone (Vert.x closed first): nothing else uses the connection
      closed.countDown();
    }
    try {
      if (!closed.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("a database thread did not finish its work within {}; its connection is left to it", CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      worker.close();
    }
  }

  private static void closeConnection(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing the database: {}", e.toString());
    }
  }
}
