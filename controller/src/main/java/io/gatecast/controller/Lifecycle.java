package io.gatecast.controller;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the controller has opened, closed in reverse order. A part is pushed as soon as it holds
 * something to release (a file, a port, a thread, a timer), so it is closed before every part it was
 * built on, and a start that fails half-way closes exactly what it had opened. A part that fails to
 * close is logged and the others are still closed: one stuck timer must not keep the database open.
 * (The agent has its own: the two modules do not see each other.)
 */
final class Lifecycle implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private record Part(String name, AutoCloseable closer) {}

  private final Deque<Part> parts = new ArrayDeque<>();
  private boolean closed;

  /**
   * Closes {@code part} on {@link #close}, before everything pushed earlier.
   *
   * @return {@code part}, so a part can be built and pushed in one expression
   * @throws IllegalStateException after {@link #close} (the part is closed at once, not leaked)
   */
  synchronized <T extends AutoCloseable> T push(String name, T part) {
    if (closed) {
      closeQuietly(new Part(name, part));
      throw new IllegalStateException(name + " was opened after the controller closed");
    }
    parts.push(new Part(name, part));
    return part;
  }

  /** Closes every part, the last pushed first; a second call does nothing. */
  @Override
  public synchronized void close() {
    closed = true;
    while (!parts.isEmpty()) {
      closeQuietly(parts.pop());
    }
  }

  private static void closeQuietly(Part part) {
    try {
      part.closer().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while closing {}; closing the rest", part.name());
    } catch (Exception e) {
      LOG.warn("closing {} failed; closing the rest", part.name(), e);
    }
  }
}
