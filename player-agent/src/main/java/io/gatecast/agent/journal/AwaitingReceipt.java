package io.gatecast.agent.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
 * <p>A batch waits {@code firstWait} for its receipt. When waits run out with no receipt heard since the last
 * time they did, the controller may be away (its broker queuing for it, or losing what it queued): only the
 * oldest such batch is sent again, as a probe, and the wait doubles, up to {@link #LONGEST_WAIT}. So a
 * controller away for a day costs its broker one copy an hour per screen, not a copy of every batch. Once a
 * receipt is heard the controller is back: the wait starts over, and every batch whose wait ran out goes out
 * again at once.
 *
 * <p>A controller older than the receipts never answers: after {@link #UNANSWERED_BEFORE_GIVING_UP} probes
 * without a single receipt since the agent started, the plays of the batches whose wait ran out are let go and
 * new batches are no longer held (as before receipts: the broker's acknowledgement is the end). They still ask
 * for a receipt, so the first one that comes turns holding on again.
 *
 * <p>Not thread-safe: {@link ProofOfPlay}'s lock guards it.
 */
public final class AwaitingReceipt {
  /** Probes unanswered, with no receipt at all since the start, before the controller is taken not to send any. */
  public static final int UNANSWERED_BEFORE_GIVING_UP = 3;
  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  /** What one expiry check decided: the plays that may be batched again, and those let go for good. */
  record Expired(List<Long> again, List<Long> letGo) {}

  private record Batch(List<Long> plays, long sentAtNanos) {}

  private static final Expired NOTHING = new Expired(List.of(), List.of());

  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private final Set<Long> held = new HashSet<>();
  private final Duration firstWait;
  private final LongSupplier nanoTime;
  private Duration wait;
  private int unanswered;
  private boolean answered;
  /** A receipt came since waits last ran out: the controller is there, so what it missed goes out at once. */
  private boolean heardSinceExpiry;
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
    heardSinceExpiry = true;
    holding = true;
    unanswered = 0;
    wait = firstWait;
    Batch batch = batches.remove(batchId);
    if (batch == null) {
      return List.of(); // a copy's receipt, or one for a batch given up on: its plays went with another
    }
    batch.plays().forEach(held::remove);
    return batch.plays();
  }

  /**
   * Releases batches whose wait ran out (see the class comment for which). Call only when the broker has
   * everything queued (the outbox is empty): a batch still on its way has not been missed.
   */
  Expired expire() {
    long now = nanoTime.getAsLong();
    List<String> expired = new ArrayList<>();
    batches.forEach((id, batch) -> {
      if (now - batch.sentAtNanos() >= wait.toNanos()) {
        expired.add(id); // oldest first: the map keeps the order they were sent in
      }
    });
    if (expired.isEmpty()) {
      return NOTHING;
    }
    if (!holding) {
      return new Expired(List.of(), release(expired)); // held before the controller was taken not to answer
    }
    if (heardSinceExpiry) {
      heardSinceExpiry = false;
      return new Expired(release(expired), List.of());
    }
    // Not heard since the last time: a probe, and a longer wait.
    unanswered++;
    Duration doubled = wait.multipliedBy(2);
    wait = doubled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubled;
    if (!answered && unanswered >= UNANSWERED_BEFORE_GIVING_UP) {
      holding = false;
      return new Expired(List.of(), release(expired));
    }
    return new Expired(release(expired.subList(0, 1)), List.of());
  }

  private List<Long> release(List<String> batchIds) {
    List<Long> plays = new ArrayList<>();
    for (String id : batchIds) {
      plays.addAll(batches.remove(id).plays());
    }
    plays.forEach(held::remove);
    return plays;
  }

  /** How long a batch sent now waits for its receipt. */
  Duration currentWait() {
    return wait;
  }
}
