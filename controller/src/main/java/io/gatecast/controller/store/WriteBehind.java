package io.gatecast.controller.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-behind in front of the database thread: what arrives is queued and written in ONE
 * transaction per batch — every {@code flushEvery}, or at once when {@code maxBatch} items wait —
 * instead of one transaction per message. Batches are written one after another, each in arrival
 * order, so the order of what arrived is the order it is stored.
 *
 * <p><b>When the database cannot keep up</b> the queue holds at most {@code capacity} items; past
 * that, items the {@code refusable} test picks (heartbeats, which the screen's next one replaces)
 * are refused and counted ({@link #refused()}, logged at most every 10 s); every other item (acks,
 * last-wills) is always queued, never dropped: their number is bounded by the fleet's size.
 *
 * <p><b>What a crash loses</b>: what was queued and not yet committed, at most one batch window
 * ({@code flushEvery}) plus the batch being written. {@link #close} writes everything queued.
 *
 * <p>A batch whose transaction fails is written again one item per transaction, so one bad item
 * costs only itself (logged), as before batching.
 */
public final class WriteBehind<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);
  private static final long REFUSAL_LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

  /** Writes a batch, in order, inside the caller's transaction. */
  @FunctionalInterface
  public interface BatchWriter<T> {
    void write(Connection c, List<T> batch) throws SQLException;
  }

  private final Vertx vertx;
  private final Database db;
  private final String name;
  private final BatchWriter<T> writer;
  private final int maxBatch;
  private final int capacity;
  private final Predicate<T> refusable;
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final List<Promise<Void>> drained = new ArrayList<>();
  private final long timer;
  private boolean writing;
  private long refused;
  private long refusedSinceLog;
  private long lastRefusalLog = System.nanoTime() - REFUSAL_LOG_EVERY_NANOS;

  public WriteBehind(Vertx vertx, Database db, String name, BatchWriter<T> writer, Duration flushEvery, int maxBatch,
      int capacity, Predicate<T> refusable) {
    this.vertx = vertx;
    this.db = db;
    this.name = name;
    this.writer = writer;
    this.maxBatch = maxBatch;
    this.capacity = capacity;
    this.refusable = refusable;
    this.timer = vertx.setPeriodic(flushEvery.toMillis(), id -> writeNext());
  }

  /** Queues {@code item}; false when it was refused because the queue is full (and only a refusable item is). */
  public boolean offer(T item) {
    boolean full;
    synchronized (this) {
      if (queue.size() >= capacity && refusable.test(item)) {
        refused++;
        refusedSinceLog++;
        logRefusals();
        return false;
      }
      queue.add(item);
      full = queue.size() >= maxBatch;
    }
    if (full) {
      writeNext();
    }
    return true;
  }

  /** Items refused since start because the database could not keep up. */
  public synchronized long refused() {
    return refused;
  }

  /** Items queued and not yet written. */
  public synchronized int queued() {
    return queue.size();
  }

  /** Completes once everything queued before this call (and after, until the queue is first empty) is written. */
  public Future<Void> drain() {
    Promise<Void> done = Promise.promise();
    synchronized (this) {
      if (queue.isEmpty() && !writing) {
        return Future.succeededFuture();
      }
      drained.add(done);
    }
    writeNext();
    return done.future();
  }

  /** Stops the timer and writes everything still queued; completes when it is stored. */
  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }

  private void writeNext() {
    List<T> batch;
    synchronized (this) {
      if (writing) {
        return; // the batch being written starts the next when it is done
      }
      if (queue.isEmpty()) {
        completeDrained();
        return;
      }
      writing = true;
      batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
      while (!queue.isEmpty() && batch.size() < maxBatch) {
        batch.add(queue.poll());
      }
    }
    write(batch).onComplete(done -> {
      boolean more;
      synchronized (this) {
        writing = false;
        // Keep going while a full batch waits, or someone waits for the queue to empty.
        more = queue.size() >= maxBatch || (!drained.isEmpty() && !queue.isEmpty());
        if (queue.isEmpty()) {
          completeDrained();
        }
      }
      if (more) {
        writeNext();
      }
    });
  }

  private Future<Void> write(List<T> batch) {
    return db.<Void>transaction(c -> {
      writer.write(c, batch);
      return null;
    }).recover(failure -> {
      LOG.warn("{}: a batch of {} could not be written ({}); writing them one by one", name, batch.size(),
          failure.toString());
      Future<Void> each = Future.succeededFuture();
      for (T item : batch) {
        each = each.compose(v -> db.<Void>transaction(c -> {
          writer.write(c, List.of(item));
          return null;
        }).recover(e -> {
          LOG.error("{}: cannot store {}", name, item, e);
          return Future.succeededFuture();
        }));
      }
      return each;
    });
  }

  private void completeDrained() {
    List<Promise<Void>> waiting = List.copyOf(drained);
    drained.clear();
    waiting.forEach(Promise::tryComplete);
  }

  private void logRefusals() {
    long now = System.nanoTime();
    if (now - lastRefusalLog >= REFUSAL_LOG_EVERY_NANOS) {
      LOG.warn("{}: the database is not keeping up; {} heartbeat(s) refused in the last {} s ({} in all) with {} queued;"
          + " each screen's next heartbeat brings its state current again", name, refusedSinceLog,
          Duration.ofNanos(now - lastRefusalLog).toSeconds(), refused, queue.size());
      refusedSinceLog = 0;
      lastRefusalLog = now;
    }
  }
}
