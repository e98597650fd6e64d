package io.gatecast.controller.proofofplay;

import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.PlayRepository;
import io.gatecast.controller.store.ScreenRepository;
import io.gatecast.protocol.PlayBatch;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.function.IntConsumer;

/**
 * Stores agents' proof-of-play batches, each play once per (screen, playId) however often the batch
 * is resent (the agent resends until it knows the controller has it). One batch is one transaction:
 * all of its new plays or none.
 */
public final class PlayIngest {
  private final Database db;
  private final Clock clock;
  private final ClusterDirectory clusters;
  private final IntConsumer onStored;
  private final ScreenRepository screens = new ScreenRepository();
  private final PlayRepository plays = new PlayRepository();

  /** @param onStored told how many plays were new in each batch (for metrics) */
  public PlayIngest(Database db, Clock clock, ClusterDirectory clusters, IntConsumer onStored) {
    this.db = db;
    this.clock = clock;
    this.clusters = clusters;
    this.onStored = onStored;
  }

  /** Stores the batch's new plays; the future holds how many were new, or -1 for an unregistered screen. */
  public Future<Integer> ingest(PlayBatch batch) {
    return db.transaction(c -> {
      if (!screens.exists(c, batch.screenId())) {
        return -1;
      }
      return plays.insertNew(c, batch.screenId(), clusters.clusterOf(c, batch.screenId()), batch.plays(), clock.instant());
    }).onSuccess(added -> {
      if (added > 0) {
        onStored.accept(added);
      }
    });
  }
}
