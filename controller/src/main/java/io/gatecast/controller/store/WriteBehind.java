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
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-behind in front of the database thread: what arrives is queued and written in ONE
 * transaction per batch — every {@code flushEvery}, or at once when {@code maxBatch} items wait —
 * instead of one transaction per message. Batches are written one after another, each in arrival
 * order, so the order of what arrived is the order it is stored.
 *
 * <p><b>When the database cannot keep up</b> the queue holds at most {@code capacity} droppable
 * items: past that, the OLDEST queued item the {@code droppable} test picks (a heartbeat, which a
 * newer one of its screen replaces) is dropped to make room, and counted ({@link #dropped()},
 * logged at most every 10 s). The newest is kept, because it is the one that makes a screen's
 * stored state current. Every other item (acks, last-wills, play batches) is always queued, never
 * dropped: acks and last-wills are bounded by the fleet's size, play batches by how often screens send them.
 *
 * <p><b>What a crash loses</b>: what was queued and not yet committed, at most one batch window
 * ({@code flushEvery}) plus the batch being written. {@link #close} writes everything queued.
 *
 * <p>A batch whose transaction fails is written again one item per transaction, so one bad item
 * costs only itself (logged), as before batching.
 */
public final class WriteBehind<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);
  private static final long DROP_LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

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
  private final Predicate<T> droppable;
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final List<Promise<Void>> drained = new ArrayList<>();
  private final long timer;
  private boolean writing;
  private volatile Consumer<List<T>> stored = batch -> {};
  private long dropped;
  private long droppedSinceLog;
  private long lastDropLog = System.nanoTime() - DROP_LOG_EVERY_NANOS;

  public WriteBehind(Vertx vertx, Database db, String name, BatchWriter<T> writer, Duration flushEvery, int maxBatch,
      int capacity, Predicate<T> droppable) {
    this.vertx = vertx;
    this.db = db;
    this.name = name;
    this.writer = writer;
    this.maxBatch = maxBatch;
    this.capacity = capacity;
    this.droppable = droppable;
    this.timer = vertx.setPeriodic(flushEvery.toMillis(), id -> writeNext());
  }

  /** Queues {@code item}; when the queue is full, drops the oldest droppable item queued to make room. */
  public void offer(T item) {
    boolean full;
    synchronized (this) {
      if (queue.size() >= capacity && dropOldest()) {
        dropped++;
        droppedSinceLog++;
        logDrops();
      }
      queue.add(item);
      full = queue.size() >= maxBatch;
    }
    if (full) {
      writeNext();
    }
  }

  /** Removes the oldest droppable item; false when none is queued. */
  private boolean dropOldest() {
    for (var it = queue.iterator(); it.hasNext(); ) {
      if (droppable.test(it.next())) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  /** Items dropped since start because the database could not keep up. */
  public synchronized long dropped() {
    return dropped;
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

  /**
   * Calls {@code listener} with each batch (or item, when a batch had to be written one by one) once
   * its transaction has committed — on the database's context, so keep it cheap (e.g. an event-bus publish).
   */
  public void onStored(Consumer<List<T>> listener) {
    this.stored = listener;
  }

  private Future<Void> write(List<T> batch) {
    return db.<Void>transaction(c -> {
      writer.write(c, batch);
      return null;
    }).onSuccess(v -> stored.accept(batch)).recover(failure -> {
      LOG.warn("{}: a batch of {} could not be written ({}); writing them one by one", name, batch.size(),
          failure.toString());
      Future<Void> each = Future.succeededFuture();
      for (T item : batch) {
        each = each.compose(v -> db.<Void>transaction(c -> {
          writer.write(c, List.of(item));
          return null;
        }).onSuccess(ignored -> stored.accept(List.of(item))).recover(e -> {
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

  private void logDrops() {
    long now = System.nanoTime();
    if (now - lastDropLog >= DROP_LOG_EVERY_NANOS) {
      LOG.warn("{}: the database is not keeping up; {} older heartbeat(s) dropped in the last {} s ({} in all) with {}"
          + " queued; the newest of each screen is kept", name, droppedSinceLog,
          Duration.ofNanos(now - lastDropLog).toSeconds(), dropped, queue.size());
      droppedSinceLog = 0;
      lastDropLog = now;
    }
  }
}
