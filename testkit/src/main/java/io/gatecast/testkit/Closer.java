package io.gatecast.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a test opened (agents, browsers, brokers, processes), closed after it newest first. Every one
 * is closed even when closing another fails: the first failure is thrown with the later ones added
 * to it as suppressed, so one broken close cannot leave a browser or a process running into the next test.
 *
 * <pre>{@code
 * private final Closer closer = new Closer();
 * @AfterEach void stop() throws Exception { closer.close(); }
 * ... PlayerAgent agent = closer.add(PlayerAgent.start(config, clock));
 * }</pre>
 */
public final class Closer implements AutoCloseable {
  private final Deque<AutoCloseable> open = new ArrayDeque<>();

  /** {@code resource}, to be closed after the test, before everything added earlier. */
  public synchronized <T extends AutoCloseable> T add(T resource) {
    open.push(resource);
    return resource;
  }

  /** Closes {@code resource} now (added or not) and forgets it. */
  public void closeNow(AutoCloseable resource) throws Exception {
    synchronized (this) {
      open.remove(resource);
    }
    resource.close();
  }

  /** Closes now, newest first, what was added of {@code type} (e.g. every agent, to start one again). */
  public void closeAll(Class<?> type) throws Exception {
    List<AutoCloseable> matching = new ArrayList<>();
    synchronized (this) {
      open.removeIf(resource -> type.isInstance(resource) && matching.add(resource));
    }
    closeEach(matching);
  }

  /** Closes everything added, newest first, and forgets it; the closer can be used again after. */
  @Override
  public void close() throws Exception {
    List<AutoCloseable> all;
    synchronized (this) {
      all = new ArrayList<>(open);
      open.clear();
    }
    closeEach(all);
  }

  private static void closeEach(List<AutoCloseable> resources) throws Exception {
    Exception first = null;
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
