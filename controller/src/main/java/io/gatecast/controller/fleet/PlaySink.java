package io.gatecast.controller.fleet;

import io.gatecast.protocol.PlayBatch;
import io.vertx.core.Future;

/** Where the proof-of-play batches that screens send are handed; declared here so the fleet needs no proof-of-play code. */
public interface PlaySink {
  /** Stores a batch; the count added, or negative when the screen is unknown. */
  Future<Integer> ingest(PlayBatch batch);
}
