package io.gatecast.controller.proofofplay;

import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.PlaysStored;
import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.fleet.PlaySink;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.fleet.ScreenClockRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.protocol.PlayBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores agents' proof-of-play batches, each play once per (screen, playId) however often the batch
 * is resent (an agent sends it again when its broker's confirmation, or the controller's receipt, was
 * lost). A batch is stored in the fleet's
 * ingest transaction ({@link io.gatecast.controller.fleet.FleetIngest}), with what other screens
 * reported in the same window; should that transaction fail, each batch is stored in one of its
 * own: all of its new plays or none.
 *
 * <p>An agent that asks ({@link PlayBatch#wantsReceipt()}) keeps the plays until it learns they are
 * stored: once the transaction has committed it is sent a {@link PlayReceipts receipt}, for a copy sent
 * again too (that added nothing, but its plays are stored). One that does not ask drops them when its
 * broker has the batch, so a controller stopped before the commit loses them.
 *
 * <p>A play flagged {@code kioskClock} is timed by the kiosk's own clock (its agent knew no offset
 * yet; a kiosk clock can be years off): it is moved by the offset the controller measured from the
 * screen's heartbeats ({@link ScreenClockRepository}) before it is stored, so it lands on the day it
 * really played — when that offset is a clock problem ({@link FleetHealth#CLOCK_PROBLEM}); a smaller
 * one is mostly transit time and is left alone. With no offset measured yet it is stored as the
 * kiosk timed it.
 */
public final class PlayIngest implements PlaySink {
  private final ClusterDirectory clusters;
  private final DomainEvents events;
  private final ScreenRepository screens;
  private final PlayRepository plays;
  private final ScreenClockRepository clocks;
  private final PlayReceipts receipts;

  public PlayIngest(ClusterDirectory clusters, DomainEvents events, ScreenRepository screens, PlayRepository plays,
      ScreenClockRepository clocks, PlayReceipts receipts) {
    this.receipts = receipts;
    this.screens = screens;
    this.plays = plays;
    this.clocks = clocks;
    this.clusters = clusters;
    this.events = events;
  }

  @Override
  public int store(Connection c, PlayBatch batch, Instant receivedAt) throws SQLException {
    if (!screens.exists(c, batch.screenId())) {
      return -1;
    }
    return plays.insertNew(c, batch.screenId(), clusters.clusterOf(c, batch.screenId()),
        onControllerClock(batch.plays(), clocks.find(c, batch.screenId())), receivedAt);
  }

  @Override
  public void stored(PlayBatch batch, int added) {
    if (added > 0) {
      events.publish(new PlaysStored(batch.screenId(), added));
    }
    if (batch.wantsReceipt()) {
      receipts.send(batch);
    }
  }

  /** The plays with kiosk-clock times moved by the screen's measured offset, when there is one. */
  static List<PlayBatch.Play> onControllerClock(List<PlayBatch.Play> plays, Optional<ScreenClockRepository.ScreenClock> clock) {
    if (clock.isEmpty()) {
      return plays;
    }
    long offset = clock.get().offsetMillis();
    if (!FleetHealth.isClockProblem(offset)) {
      return plays; // a right clock (the offset is transit time): its plays are left as they are
    }
    return plays.stream().map(p -> Boolean.TRUE.equals(p.kioskClock()) ? p.shifted(offset) : p).toList();
  }
}
