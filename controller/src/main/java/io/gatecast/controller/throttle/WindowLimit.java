package io.gatecast.controller.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code max} events per key (a client address) in any {@code window}: a sliding window of
 * the times the key's events happened. Kept in memory, for at most {@code maxKeys} keys (the least
 * recently seen are forgotten first), so a flood from many addresses costs bounded memory; after a
 * restart every key starts afresh, which is the safe direction for a limit measured in minutes.
 */
public final class WindowLimit {
  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> events;

  public WindowLimit(int max, Duration window, int maxKeys, Clock clock) {
    this.max = max;
    this.window = window;
    this.clock = clock;
    this.events = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /**
   * Counts one event for {@code key} if it is within the limit; otherwise counts nothing and says
   * how long until the oldest event leaves the window.
   */
  public synchronized Optional<Duration> tryAcquire(String key) {
    Instant now = clock.instant();
    Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
      times.pollFirst();
    }
    if (times.size() >= max) {
      return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
    }
    times.addLast(now);
    return Optional.empty();
  }

  public int max() {
    return max;
  }

  public Duration window() {
    return window;
  }
}
