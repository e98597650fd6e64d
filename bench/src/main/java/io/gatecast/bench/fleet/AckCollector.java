package io.gatecast.bench.fleet;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches one push: which screen must apply which version, and when each received and acked it,
 * measured from {@code t0Nanos}. Also counts alerts of one version.
 */
public final class AckCollector implements FleetListener {
  private final Map<String, Long> expected;
  private final long alertVersion;
  private volatile long t0Nanos;
  private final Map<String, long[]> times = new ConcurrentHashMap<>();

  /** For a schedule push: {@code expected} maps each screen to the version it must apply. */
  public static AckCollector schedules(Map<String, Long> expected) {
    return new AckCollector(expected, -1);
  }

  /** For an alert: every screen in {@code screens} must show an alert of version {@code version} or newer. */
  public static AckCollector alert(Iterable<String> screens, long version) {
    Map<String, Long> expected = new ConcurrentHashMap<>();
    screens.forEach(id -> expected.put(id, version));
    return new AckCollector(expected, version);
  }

  private AckCollector(Map<String, Long> expected, long alertVersion) {
    this.expected = Map.copyOf(expected);
    this.alertVersion = alertVersion;
    this.t0Nanos = System.nanoTime();
  }

  /** Marks the instant the push starts; call just before publishing. */
  public void start() {
    t0Nanos = System.nanoTime();
  }

  public long t0Nanos() {
    return t0Nanos;
  }

  /** Counts the first version at or above the expected one (a screen that missed one push takes the next). */
  @Override
  public void scheduleApplied(String screenId, long version, long receivedNanos, long ackedNanos) {
    Long wanted = expected.get(screenId);
    if (alertVersion < 0 && wanted != null && version >= wanted) {
      times.putIfAbsent(screenId, new long[] {receivedNanos, ackedNanos});
    }
  }

  @Override
  public void alertShown(String screenId, long version, long receivedNanos, long verifiedNanos) {
    if (alertVersion >= 0 && version >= alertVersion && expected.containsKey(screenId)) {
      times.putIfAbsent(screenId, new long[] {receivedNanos, verifiedNanos});
    }
  }

  public int done() {
    return times.size();
  }

  /** The screens among {@code screens} that have not applied (or shown) their version. */
  public java.util.List<String> missing(java.util.Collection<String> screens) {
    return screens.stream().filter(id -> !times.containsKey(id)).toList();
  }

  public int expectedCount() {
    return expected.size();
  }

  /** Waits until every screen has applied (or shown) its version; false on timeout. */
  public boolean await(Duration timeout) {
    return await(expected.keySet(), timeout);
  }

  /** Waits until each of {@code screens} has applied (or shown) its version; false on timeout. */
  public boolean await(java.util.Collection<String> screens, Duration timeout) {
    return SimulatedFleet.awaitUntil(() -> times.keySet().containsAll(screens), System.nanoTime() + timeout.toNanos());
  }

  /** From t0 until the message arrived at each screen. */
  public Latencies received() {
    return latencies(0);
  }

  /** From t0 until each screen had verified it and sent its ack (for an alert: verified it). */
  public Latencies acked() {
    return latencies(1);
  }

  private Latencies latencies(int which) {
    return new Latencies(times.values().stream().mapToDouble(t -> (t[which] - t0Nanos) / 1e6).toArray());
  }
}
