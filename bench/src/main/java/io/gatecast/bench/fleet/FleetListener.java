package io.gatecast.bench.fleet;

/**
 * What the simulated screens tell a benchmark. Called on the screen's event loop: must not block.
 * Times are {@link System#nanoTime()}.
 */
public interface FleetListener {
  /** A schedule arrived ({@code receivedNanos}), verified and was acked ({@code ackedNanos}). */
  default void scheduleApplied(String screenId, long version, long receivedNanos, long ackedNanos) {}

  /** A cluster alert arrived and verified. */
  default void alertShown(String screenId, long version, long receivedNanos, long verifiedNanos) {}

  /** A message was refused (bad signature, older version, wrong screen, ...). */
  default void rejected(String screenId, String topic, String reason) {}

  /** The screen's MQTT session is up (subscribed, first heartbeat sent). */
  default void connected(String screenId, long nanos) {}
}
