package io.gatecast.controller.health;

import io.gatecast.controller.broker.MqttLink;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /health} says: UP, or DEGRADED with each problem in words (a subscription or publish
 * the broker refused, a lost broker connection). Each problem is logged as an error once, when it
 * starts (not at every retry), and logged again as fixed when it ends; every refusal is counted for
 * {@code /metrics}. Cheap and non-blocking: it is told about every publish, on Paho's threads.
 */
public final class ControllerHealth implements MqttLink.Watcher {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerHealth.class);
  private final Clock clock;
  private final Map<String, Problem> problems = new ConcurrentSkipListMap<>();
  private final AtomicLong refusals = new AtomicLong();

  /** One thing that is wrong now, since when, in words. */
  public record Problem(String key, String reason, Instant since) {}

  public ControllerHealth(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void problem(String key, String sentence) {
    refusals.incrementAndGet();
    Problem fresh = new Problem(key, sentence, clock.instant());
    Problem before = problems.putIfAbsent(key, fresh);
    if (before == null) {
      LOG.error("{}", sentence);
    } else if (!before.reason().equals(sentence)) {
      problems.replace(key, before, new Problem(key, sentence, before.since()));
    }
  }

  @Override
  public void resolved(String key) {
    if (problems.isEmpty()) {
      return; // the usual case, on every publish
    }
    Problem gone = problems.remove(key);
    if (gone != null) {
      LOG.info("fixed: {} (was: {})", key, gone.reason());
    }
  }

  /** The problems now, in key order; empty when healthy. */
  public List<Problem> problems() {
    return new ArrayList<>(problems.values());
  }

  public boolean healthy() {
    return problems.isEmpty();
  }

  /** Refusals and losses reported since start, for {@code gatecast_broker_refusals_total}. */
  public long refusals() {
    return refusals.get();
  }
}
