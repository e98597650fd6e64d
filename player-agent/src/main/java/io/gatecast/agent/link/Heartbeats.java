package io.gatecast.agent.link;

import io.gatecast.protocol.StatusMessage;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the agent's ONLINE status right after each connect and then every period, so the
 * controller sees what plays and knows, from {@code heartbeatSeconds}, when a screen is late.
 */
public final class Heartbeats implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);
  private final MqttSession session;
  private final Supplier<StatusMessage> status;
  private final ScheduledExecutorService scheduler;
  private final Duration period;
  private ScheduledFuture<?> task;

  public Heartbeats(MqttSession session, Supplier<StatusMessage> status, ScheduledExecutorService scheduler, Duration period) {
    this.session = session;
    this.status = status;
    this.scheduler = scheduler;
    this.period = period;
  }

  public synchronized void start() {
    long millis = period.toMillis();
    task = scheduler.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Sends one now, off the caller's thread (callers include Paho's callback thread). Once the agent
   * closes, its link thread refuses work and none is sent: a refusal thrown into Paho's thread would
   * break the clean disconnect that publishes the screen's OFFLINE status.
   */
  public void beatNow() {
    try {
      scheduler.execute(this::beat);
    } catch (RejectedExecutionException e) {
      LOG.debug("closing; no heartbeat now");
    }
  }

  private void beat() {
    try {
      session.publishStatus(status.get());
    } catch (RuntimeException e) {
      // A periodic task that throws is cancelled for good: one bad figure must not silence the screen.
      LOG.error("heartbeat not sent: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
