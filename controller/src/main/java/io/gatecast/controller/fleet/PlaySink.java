package io.gatecast.controller.fleet;

import io.gatecast.protocol.PlayBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Where the proof-of-play batches screens send are stored: inside the fleet's ingest transaction
 * ({@link FleetIngest}), with the heartbeats and answers of the same window — one commit a window,
 * not one a batch (10,000 screens send 167 batches a second). Declared here so the fleet needs no
 * proof-of-play code.
 */
public interface PlaySink {
  /** Stores the batch's new plays inside the caller's transaction; how many were new, negative for an unknown screen. */
  int store(Connection c, PlayBatch batch, Instant receivedAt) throws SQLException;

  /**
   * The transaction that stored {@code batch} of a registered screen has committed; {@code added} may
   * be 0 when every play was already stored (the batch was sent again).
   */
  default void stored(PlayBatch batch, int added) {}
}
