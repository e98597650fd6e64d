package io.gatecast.controller.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's in-process event bus, built once by the composition root and handed to the
 * services that publish and the parts that subscribe (live feed, metrics).
 *
 * <p>Delivery is synchronous, on the publisher's thread, to the subscribers of the event's exact
 * class in the order they subscribed. So a subscriber must be quick and must not block (a publisher
 * may be on an event loop or the database thread); one that has slow work hands it elsewhere. A
 * subscriber that throws is logged and the others still hear the event: a broken metrics counter
 * must not keep the live feed from hearing of a publish, nor fail the publish. Plain Java rather than
 * the Vert.x event bus: typed records instead of strings, and no codec or address to keep in step.
 */
public final class DomainEvents {
  private static final Logger LOG = LoggerFactory.getLogger(DomainEvents.class);

  /** What {@link #subscribe} returns: closing it stops the handler from hearing further events. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private record Handler(Consumer<Object> consumer, String type) {}

  private final Map<Class<?>, List<Handler>> handlers = new ConcurrentHashMap<>();

  /** {@code handler} hears every later event of {@code type} (its exact class), after earlier subscribers. */
  @SuppressWarnings("unchecked")
  public <E extends DomainEvent> Subscription subscribe(Class<E> type, Consumer<? super E> handler) {
    Handler entry = new Handler(event -> ((Consumer<Object>) handler).accept(event), type.getSimpleName());
    List<Handler> list = handlers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>());
    list.add(entry);
    return () -> list.remove(entry);
  }

  /** Tells every subscriber of the event's class, in order; a failing subscriber does not stop the others. */
  public void publish(DomainEvent event) {
    List<Handler> list = handlers.get(event.getClass());
    if (list == null) {
      return;
    }
    for (Handler handler : list) {
      try {
        handler.consumer().accept(event);
      } catch (RuntimeException e) {
        LOG.warn("a subscriber to {} failed; the others still hear it", handler.type(), e);
      }
    }
  }
}
