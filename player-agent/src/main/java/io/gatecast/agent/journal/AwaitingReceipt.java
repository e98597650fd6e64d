package io.gatecast.agent.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The proof-of-play batches sent and not yet receipted by the controller ({@link io.gatecast.protocol.PlayReceipt}):
 * which journaled plays each holds, when the ones with no receipt are sent again, and whether the controller
 * answers at all. In memory only: after a restart every journaled play is simply sent again (the controller
 * stores each play once, by its id).
 *
 * <p>A batch's wait starts at {@code firstWait} and doubles each time a wait runs out with no receipt, up to
 * {@link #LONGEST_WAIT}, so a controller that is down for a day is not sent a day of copies; any receipt
 * resets it. A controller older than the receipts never answers: after {@link #UNANSWERED_BEFORE_GIVING_UP}
 * waits ran out without a single receipt since the agent started, the plays of the batches that ran out are
 * let go and new batches are no longer held (as before receipts: the broker's acknowledgement is the end).
 * They still ask for a receipt, so the first one that comes turns holding on again.
 *
 * <p>Not thread-safe: {@link ProofOfPlay}'s lock guards it.
 */
public final class AwaitingReceipt {
  /** Waits run out with no receipt at all before the controller is taken not to send any. */
  public static final int UNANSWERED_BEFORE_GIVING_UP = 3;
  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  /** What one expiry check decided: the plays that may be batched again, and those let go for good. */
  record Expired(List<Long> again, List<Long> letGo) {
    boolean isEmpty() {
      return again.isEmpty() && letGo.isEmpty();
    }
  }

  private record Batch(List<Long> plays, long sentAtNanos) {}

  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private final Set<Long> held = new HashSet<>();
  private final Duration firstWait;
  private final LongSupplier nanoTime;
  private Duration wait;
  private int unanswered;
  private boolean answered;
  private boolean holding = true;

  AwaitingReceipt(Duration firstWait, LongSupplier nanoTime) {
    this.firstWait = firstWait;
    this.wait = firstWait;
    this.nanoTime = nanoTime;
  }

  /** Is this journaled play in a batch that waits for its receipt? */
  boolean holds(long play) {
    return held.contains(play);
  }

  /** Are sent plays kept until their receipt (false once the controller turned out not to send any)? */
  boolean holding() {
    return holding;
  }

  /** Batch {@code batchId} of these journaled plays was queued for sending. */
  void sent(String batchId, List<Long> plays) {
    batches.put(batchId, new Batch(List.copyOf(plays), nanoTime.getAsLong()));
    held.addAll(plays);
  }

  /** The controller stored batch {@code batchId}: the plays it held, now done with (empty for a batch not held). */
  List<Long> receipted(String batchId) {
    answered = true;
    holding = true;
    unanswered = 0;
    wait = firstWait;
    Batch batch = batches.remove(batchId);
    if (batch == null) {
      return List.of(); // a copy's receipt, or one for a batch given up on: its plays went with another
    }
    held.removeAll(batch.plays());
    return batch.plays();
  }

  /**
   * The batches whose wait ran out, released. Call only when the broker has everything queued (the outbox is
   * empty): a batch still on its way has not been missed.
   */
  Expired expire() {
    long now = nanoTime.getAsLong();
    List<Long> expired = new ArrayList<>();
    for (Iterator<Batch> it = batches.values().iterator(); it.hasNext(); ) {
      Batch batch = it.next();
      if (now - batch.sentAtNanos() >= wait.toNanos()) {
        expired.addAll(batch.plays());
        it.remove();
      }
    }
    if (expired.isEmpty()) {
      return new Expired(List.of(), List.of());
    }
    held.removeAll(expired);
    unanswered++;
    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
    if (!answered && unanswered >= UNANSWERED_BEFORE_GIVING_UP) {
      holding = false;
      return new Expired(List.of(), expired);
    }
    return new Expired(expired, List.of());
  }

  /** How long a batch sent now waits for its receipt. */
  Duration currentWait() {
    return wait;
  }
}
