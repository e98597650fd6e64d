package io.gatecast.agent.link;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The controller's clock minus this screen's, estimated from messages the controller sent live
 * (not retained, not queued): each gives {@code header.sentAt - arrival}. Transit through the
 * broker only ever makes the controller look behind, and a message queued while the screen was
 * offline looks hours behind, so the estimate is the <em>largest</em> of the last few samples
 * (the fastest message), as NTP's clock filter does. Its error is that message's one-way transit
 * time: tens of milliseconds on a LAN, up to about a second on a slow 4G link; always a low bias.
 * Empty until a live message has arrived.
 */
public final class ClockOffset {
  private static final int SAMPLES = 8;

  private final Clock clock;
  private final Deque<Long> samples = new ArrayDeque<>();

  public ClockOffset(Clock clock) {
    this.clock = clock;
  }

  /** A controller message stamped {@code sentAt} arrived now. */
  public synchronized void sample(Instant sentAt) {
    long offset = sentAt.toEpochMilli() - clock.millis();
    samples.addLast(offset);
    if (samples.size() > SAMPLES) {
      samples.removeFirst();
    }
  }

  /** Milliseconds to add to this screen's clock to get the controller's. */
  public synchronized Optional<Long> millis() {
    return samples.stream().max(Long::compare);
  }
}
