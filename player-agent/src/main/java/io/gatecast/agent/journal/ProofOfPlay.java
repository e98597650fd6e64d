package io.gatecast.agent.journal;

import io.gatecast.agent.playback.Playback;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.PlayBatch.Play;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.schedules.Slot;
import io.gatecast.schedules.SlotKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proof of play. {@link #observe} (called every second or so) asks playback what is on air; when
 * the item on screen changes, the one that ended is written to the plays journal at once (fsync'd):
 * item, campaign, variant language, start and end. {@link #flush}, while the link is up, sends
 * journaled plays as {@link PlayBatch}es through the {@link Outbox} (a week offline becomes a few
 * large batches once back, not thousands of small ones).
 *
 * <p>A play stays in the journal until the controller's signed {@link io.gatecast.protocol.PlayReceipt}
 * names its batch ({@link #receipted}): the broker's acknowledgement, which ends the outbox's part,
 * only says the broker has it, and a controller that dies before storing it (with the embedded
 * broker, the broker too) would lose it. A batch with no receipt is sent again, its plays in a new
 * batch, after {@link AwaitingReceipt}'s wait; after a restart every journaled play is sent again.
 * The controller stores each play once, by its {@code playId}.
 *
 * <p>A play starts at its slot's start when the previous play was seen to its natural end, else
 * when it was first seen (agent start, new schedule, clock jump); it ends at its slot's end, or
 * when something else took its place early. A play under way when the agent is killed is lost:
 * only ended plays are claimed. Each play has a random UUID as {@code playId}, kept however often it
 * is sent.
 *
 * <p>A kiosk's clock can be years off. Plays are timed by the kiosk's clock and flagged
 * {@code kioskClock} unless the offset learnt from the controller's messages ({@code clockOffset})
 * shows that clock is right (within {@link #NOISE_MILLIS}); the controller corrects flagged plays at
 * ingest by the offset it measures from the screen's heartbeats.
 */
public final class ProofOfPlay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProofOfPlay.class);
  /** An offset smaller than this is the transit time of the sample: the kiosk's clock is right. */
  private static final long NOISE_MILLIS = 2000;

  /** The identity of what is on screen: the same slot seen twice is one play. */
  private record OnScreen(Instant slotStart, Instant slotEnd, SlotKind kind, String sourceId, String itemId,
      String language, Instant startedAt) {
    boolean sameAs(OnScreen other) {
      return other != null && slotStart.equals(other.slotStart) && kind == other.kind
          && Objects.equals(sourceId, other.sourceId) && itemId.equals(other.itemId) && language.equals(other.language);
    }
  }

  private final String screenId;
  private final Playback playback;
  private final Journal plays;
  private final Outbox outbox;
  private final BooleanSupplier linkUp;
  private final Clock clock;
  private final Supplier<Optional<Long>> clockOffset;
  private final AwaitingReceipt awaiting;
  private OnScreen current;
  private boolean closed;

  private ProofOfPlay(String screenId, Playback playback, Journal plays, Outbox outbox, BooleanSupplier linkUp,
      Clock clock, Supplier<Optional<Long>> clockOffset, Duration receiptWait) {
    this.awaiting = new AwaitingReceipt(receiptWait, System::nanoTime);
    this.clockOffset = clockOffset;
    this.screenId = screenId;
    this.playback = playback;
    this.plays = plays;
    this.outbox = outbox;
    this.linkUp = linkUp;
    this.clock = clock;
  }

  /**
   * Opens the plays journal at {@code file}, writing into {@code reserve} on a full disk.
   *
   * @param clockOffset the controller's clock minus the kiosk's, in ms, when known
   * @param receiptWait how long a batch first waits for its receipt before its plays are sent again
   */
  public static ProofOfPlay open(Path file, String screenId, Playback playback, Outbox outbox, BooleanSupplier linkUp,
      Clock clock, Supplier<Optional<Long>> clockOffset, DiskReserve reserve, Duration receiptWait) throws IOException {
    return new ProofOfPlay(screenId, playback, Journal.open(file, reserve), outbox, linkUp, clock, clockOffset,
        receiptWait);
  }

  /** Looks at the screen once; journals the play that just ended, if one did. */
  public synchronized void observe() {
    try {
      observeNow();
    } catch (RuntimeException e) {
      // Run on a timer: an exception would cancel it for good.
      LOG.error("proof of play: cannot observe the screen: {}", e.toString());
    }
  }

  private void observeNow() {
    Instant now = clock.instant();
    OnScreen seen = playback.onAir().map(onAir -> onScreen(onAir.engine().resolve(now), now)).orElse(null);
    if (seen != null && seen.sameAs(current)) {
      return;
    }
    if (seen != null && current != null && !current.slotEnd.isAfter(now) && seen.slotStart.equals(current.slotEnd)) {
      seen = new OnScreen(seen.slotStart, seen.slotEnd, seen.kind, seen.sourceId, seen.itemId, seen.language,
          seen.slotStart);
    }
    end(now);
    current = seen;
  }

  /**
   * While the link is up: sends again the plays of batches whose receipt did not come in time, then sends
   * every journaled play not already waiting for one, in batches (see the class comment).
   */
  public synchronized void flush() {
    if (!linkUp.getAsBoolean()) {
      return;
    }
    try {
      if (outbox.pending() == 0) { // everything queued is with the broker: a missing receipt is missed
        AwaitingReceipt.Expired expired = awaiting.expire();
        if (!expired.again().isEmpty()) {
          LOG.info("{} play(s) with no receipt from the controller; sending them again (next wait {} s)",
              expired.again().size(), awaiting.currentWait().toSeconds());
        }
        if (!expired.letGo().isEmpty()) {
          // An operator's signal: the controller is older than this agent, or has never been reachable.
          LOG.warn("{} play(s) with no receipt, and none from the controller since this agent started: it is taken"
              + " not to send receipts; letting them go once the broker has them, as agents before receipts did",
              expired.letGo().size());
        }
        plays.ack(expired.letGo());
      }
      // Batch after batch, each from where the last ended: a week offline is hundreds of batches, and plays
      // already waiting for a receipt are walked past once, not once a batch.
      long after = Long.MIN_VALUE;
      while (true) {
        List<Journal.Entry> entries = plays.pendingAfter(after, Limits.MAX_PLAYS_PER_BATCH, seq -> !awaiting.holds(seq));
        if (entries.isEmpty()) {
          return;
        }
        send(entries);
        after = entries.get(entries.size() - 1).seq();
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("proof of play: cannot use {}: {}", plays.file(), e.toString());
    }
  }

  private void send(List<Journal.Entry> entries) throws IOException {
    List<Play> batch = new ArrayList<>();
    List<Long> unreadable = new ArrayList<>();
    List<Long> sent = new ArrayList<>();
    for (Journal.Entry entry : entries) {
      try {
        batch.add(Codec.decode(entry.payload(), Play.class));
        sent.add(entry.seq());
      } catch (ProtocolException e) {
        LOG.error("skipping an unreadable play in {}: {}", plays.file(), e.getMessage());
        unreadable.add(entry.seq());
      }
    }
    plays.ack(unreadable);
    if (batch.isEmpty()) {
      return;
    }
    PlayBatch playBatch = new PlayBatch(Header.now(clock.instant()), screenId, batch, true);
    outbox.send(playBatch);
    if (awaiting.holding()) {
      awaiting.sent(playBatch.header().messageId(), sent);
    } else {
      plays.ack(sent);
    }
  }

  /** The controller stored batch {@code batchId}: its plays are done with. */
  public synchronized void receipted(String batchId) {
    if (closed) {
      // A receipt handled while the agent stops: its plays stay journaled and go out again after the restart.
      LOG.debug("stopping; receipt for batch {} not applied", batchId);
      return;
    }
    try {
      plays.ack(awaiting.receipted(batchId));
    } catch (InterruptedIOException e) {
      // On the apply thread, which the agent's stop interrupts: as when closed, they go out again after the restart.
      LOG.debug("stopping; receipt for batch {} not applied", batchId);
    } catch (IOException e) {
      LOG.error("proof of play: cannot mark the plays of batch {} stored in {} ({}); they may be sent again", batchId,
          plays.file(), e.toString());
    }
  }

  /** Plays ended and not yet known stored by the controller (waiting for the link or for a receipt). */
  public int unsent() {
    return plays.size();
  }

  /** Ends the play on screen now (a clean stop), queues what is journaled, closes the journal. */
  @Override
  public synchronized void close() {
    end(clock.instant());
    current = null;
    flush();
    closed = true;
    plays.close();
  }

  private void end(Instant now) {
    if (current == null) {
      return;
    }
    Instant end = current.slotEnd.isBefore(now) ? current.slotEnd : now;
    if (!end.isAfter(current.startedAt)) {
      return;
    }
    String campaignId = current.kind == SlotKind.CAMPAIGN ? current.sourceId : null;
    // Flagged unless the controller's messages showed this clock is right. Not corrected here: the
    // agent's offset is only a bound (a retained or queued message looks older than it is), while
    // the controller measures every heartbeat as it arrives.
    Optional<Long> offset = clockOffset.get();
    boolean clockRight = offset.isPresent() && Math.abs(offset.get()) < NOISE_MILLIS;
    Play play = new Play(UUID.randomUUID().toString(), current.itemId, campaignId, current.language,
        current.startedAt, end, clockRight ? null : true);
    try {
      plays.append(Codec.encode(play));
    } catch (IOException | RuntimeException e) {
      LOG.error("proof of play: cannot journal the play of {} ({}): {}", current.itemId, current.startedAt, e.toString());
    }
  }

  private static OnScreen onScreen(Slot slot, Instant now) {
    if (slot.kind() == SlotKind.IDLE || slot.item() == null || slot.variant() == null) {
      return null;
    }
    // As the page names it: an alert by the alert's own id (see Playback.Shown).
    String itemId = slot.kind() == SlotKind.ALERT ? slot.sourceId() : slot.item().id();
    Instant startedAt = slot.start().isAfter(now) ? slot.start() : now;
    return new OnScreen(slot.start(), slot.end(), slot.kind(), slot.sourceId(), itemId, slot.language(), startedAt);
  }
}
