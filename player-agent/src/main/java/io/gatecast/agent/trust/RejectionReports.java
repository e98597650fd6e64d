package io.gatecast.agent.trust;

import io.gatecast.protocol.Header;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.RejectionEvent;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's {@link RejectionReporter}: a refused message is logged as a warning and reported to the controller on
 * the events topic, where the console shows it. Not while the agent stops: its stop interrupts the threads that
 * apply messages, and a refusal then can be the stop's own doing (a carried key rotation that could not be saved
 * leaves the message judged by the old keys). It is logged at INFO and not reported: the outbox would not journal
 * it anyway, and a retained message is judged again after the restart.
 */
public final class RejectionReports implements RejectionReporter {
  private static final Logger LOG = LoggerFactory.getLogger(RejectionReports.class);

  private final String screenId;
  private final Clock clock;
  private final Consumer<Object> events;

  /** @param events where events for the controller go (the agent's outbox) */
  public RejectionReports(String screenId, Clock clock, Consumer<Object> events) {
    this.screenId = screenId;
    this.clock = clock;
    this.events = events;
  }

  @Override
  public void report(String topic, RejectedException refusal) {
    if (Thread.currentThread().isInterrupted()) {
      LOG.info("stopping: a message on {} is not accepted ({}); a retained one is judged again after the restart",
          topic, refusal.getMessage());
      return;
    }
    LOG.warn("refused a message on {}: {}", topic, refusal.getMessage());
    events.accept(RejectionEvent.of(Header.now(clock.instant()), screenId, topic, refusal));
  }
}
