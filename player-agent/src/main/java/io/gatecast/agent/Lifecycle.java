package io.gatecast.agent;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent has opened, closed in reverse order. A part is pushed as soon as it holds
 * something to release (a thread, a socket, a file, a browser), so it is closed after every part
 * built on it, and whatever was opened before a failed start is closed too. A part that fails to
 * close is logged and the others are still closed: one stuck file must not leave the broker
 * without the final OFFLINE status.
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
      throw new IllegalStateException(name + " was opened after the agent closed");
    }
    parts.push(new Part(name, part));
    return part;
  }

  /** Closes every part, the last pushed first; once only. */
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
