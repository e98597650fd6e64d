package io.gatecast.moquette;

import io.moquette.broker.Server;
import java.lang.reflect.Field;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around a Moquette 0.17 defect that lets one ordinary client stop the broker for a share of
 * all clients. A client re-sends a QoS 1 (or 2) PUBLISH it saw no PUBACK for with the DUP flag set —
 * the agent's Paho client does so after every reconnect of its persistent session. For a DUP publish,
 * Moquette routes only to the subscribers it recorded as failed for that client and packet id
 * ({@code PostOffice.receivedPublishQos1} → {@code failedPublishes.listFailed}); when none are
 * recorded but the topic has subscribers (the controller listens to every status and events topic),
 * {@code publish2Subscribers} calls {@code payload.retain(0)}, which throws. The exception ends the
 * session loop thread that ran the command, and nothing restarts it: every client whose id hashes to
 * that loop (half of them on two cores) stays connected and is never served again. Seen in tests as a
 * wedged session after a reconnect; reproduced with a raw DUP publish ({@code DuplicatePublishTest}).
 * Same routing code in Moquette's newest source, and no newer release on Maven Central.
 *
 * <p>The work-around: for a DUP publish Moquette now finds "every subscriber" as the failed set, so
 * the re-sent message is delivered to all of them — what QoS 1 promises anyway (at least once; the
 * agent and the controller both ignore a message they already have) — and PUBACKed, and the loop
 * lives. It replaces one private map inside Moquette's PostOffice by reflection, so it is tied to
 * 0.17: if the fields are not found (another Moquette version), it says so and changes nothing, and
 * {@code DuplicatePublishTest} fails.
 */
final class DuplicatePublishes {
  private static final Logger LOG = LoggerFactory.getLogger(DuplicatePublishes.class);

  /** A set that contains every client id: "route to every subscriber". Only ever read. */
  private static final Set<String> EVERY_SUBSCRIBER = new AbstractSet<>() {
    @Override
    public boolean contains(Object clientId) {
      return true;
    }

    @Override
    public Iterator<String> iterator() {
      return Collections.emptyIterator();
    }

    @Override
    public int size() {
      return 0;
    }
  };

  private DuplicatePublishes() {}

  /** Call right after {@code startServer}. Returns whether the work-around is in place. */
  static boolean deliverToEverySubscriber(Server server) {
    try {
      Object postOffice = Internals.field(Server.class, "dispatcher").get(server);
      Object failedPublishes = Internals.field(postOffice.getClass(), "failedPublishes").get(postOffice);
      Field packets = Internals.field(failedPublishes.getClass(), "packetsMap");
      packets.set(failedPublishes, new EverySubscriber());
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.error("cannot patch the embedded MQTT broker's handling of re-sent (DUP) publishes ({}); a client re-sending"
          + " one can stop the broker for part of the fleet. Is the Moquette version still 0.17?", e.toString());
      return false;
    }
  }

  /**
   * Moquette's record of (publisher, packet id) to the subscribers a publish failed to reach. Its
   * writers work as before; its one reader (the DUP routing) always gets "every subscriber": also when
   * some were recorded, since those may have gone meanwhile, and an empty match would throw again.
   */
  private static final class EverySubscriber extends ConcurrentHashMap<Object, Set<String>> {
    @Override
    public Set<String> getOrDefault(Object key, Set<String> nothingRecorded) {
      return EVERY_SUBSCRIBER;
    }
  }
}
