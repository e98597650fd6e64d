package io.gatecast.agent.journal;

import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the agent tells the controller on its events topic (schedule acks, rejections,
 * proof-of-play batches, command results) goes through here: {@link #send} writes the event to a
 * {@link Journal} on disk before anything else, and one sender thread publishes the journal
 * strictly in order, one event at a time, removing each only after the broker confirmed it
 * (QoS 1 PUBACK). So an event survives a dead link, a kill -9 and a power cut, and arrives in
 * the order it was sent. Delivery is at least once: an event whose PUBACK was lost with the
 * connection is sent again; every event carries ids the controller de-duplicates by
 * ({@code header.messageId}, a play's {@code playId}).
 */
public final class Outbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private static final long IDLE_WAIT_MILLIS = 1000;

  /** The way out: publish one event at QoS 1 and return once the broker acknowledged it. */
  public interface Link {
    boolean isConnected();

    /** @throws Exception when it was not confirmed (not connected, timed out, refused) */
    void publishConfirmed(byte[] payload) throws Exception;
  }

  private final Journal journal;
  private final Link link;
  private final Object signal = new Object();
  private final Thread sender;
  private volatile boolean closed;
  private boolean woken;

  private Outbox(Journal journal, Link link) {
    this.journal = journal;
    this.link = link;
    this.sender = new Thread(this::run, "gatecast-outbox");
    this.sender.setDaemon(true);
  }

  /** Opens the journal at {@code file} (sending what an earlier run left) and starts sending. */
  public static Outbox open(Path file, Link link) throws IOException {
    return open(file, link, null);
  }

  /** {@link #open(Path, Link)}, journaling into the room {@code reserve} holds when the disk is full. */
  public static Outbox open(Path file, Link link, DiskReserve reserve) throws IOException {
    Outbox outbox = new Outbox(Journal.open(file, reserve), link);
    outbox.sender.start();
    return outbox;
  }

  /**
   * Queues {@code event} (a protocol event record: {@code ScheduleAck}, {@code RejectionEvent},
   * {@code PlayBatch}, {@code CommandResult}) durably and returns; it is sent when the link allows.
   * A full disk does not stop this: the journal writes into the {@link DiskReserve}. Only when even
   * that is used up is the event published directly, without a safety net (logged), rather than lost.
   */
  public void send(Object event) {
    byte[] payload = Codec.encode(event);
    try {
      journal.append(payload);
    } catch (IOException e) {
      // The agent is stopping: the journal closed, or this thread was interrupted (the journal refuses it).
      if (closed || e instanceof ClosedChannelException || e instanceof InterruptedIOException) {
        stopping(event);
        return;
      }
      LOG.error("cannot journal an event ({}); sending it without a safety net", e.toString());
      try {
        link.publishConfirmed(payload);
      } catch (Exception failed) {
        LOG.error("event lost: not journaled and not sent: {}", failed.toString());
      }
      return;
    }
    wake();
  }

  /**
   * An event made while the agent stops, not journaled. Each is made good after the next start:
   * plays stay in their journal until a receipt names them, the controller sends a command again until it
   * has its result, a schedule's outcome is in every heartbeat. A rejection report is not: it is diagnostic.
   */
  private static void stopping(Object event) {
    LOG.info("stopping: {} not sent", event.getClass().getSimpleName());
  }

  /** Call when the link comes up: sends at once instead of at the next idle check. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /** Events not yet confirmed by the broker. */
  public int pending() {
    return journal.size();
  }

  private void run() {
    try {
      while (!closed) {
        if (!sendHead()) {
          idle();
        }
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  /** Sends the oldest unconfirmed event; false when there is none, no link, or it failed. */
  private boolean sendHead() {
    Journal.Entry entry;
    try {
      List<Journal.Entry> head = link.isConnected() ? journal.pending(1) : List.of();
      if (head.isEmpty()) {
        return false;
      }
      entry = head.get(0);
    } catch (IOException e) {
      LOG.error("outbox journal {}: {}", journal.file(), e.toString());
      return false;
    }
    try {
      link.publishConfirmed(entry.payload());
    } catch (Exception e) {
      if (!closed) {
        LOG.debug("event {} not confirmed ({}); trying again when the link allows", entry.seq(), e.toString());
      }
      return false;
    }
    try {
      journal.ack(entry.seq());
    } catch (IOException e) {
      LOG.error("outbox journal {}: cannot mark event {} sent ({}); it may be sent again", journal.file(),
          entry.seq(), e.toString());
      return false;
    }
    return true;
  }

  private void idle() throws InterruptedException {
    synchronized (signal) {
      if (!woken && !closed) {
        signal.wait(IDLE_WAIT_MILLIS);
      }
      woken = false;
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
    try {
      sender.join(3000);
      if (sender.isAlive()) { // stuck waiting for a PUBACK: the event stays journaled for the next run
        sender.interrupt();
        sender.join(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    journal.close();
  }
}
