package io.gatecast.controller.fleet;

import io.gatecast.controller.fleet.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Uptime from the history of a screen's truths. A screen is <em>up</em> while its agent is ONLINE
 * and its display is not NOT_SHOWING (UNKNOWN counts as up: an agent that cannot watch its browser
 * is not evidence of a dark screen). Content freshness does not count: a screen playing yesterday's
 * approved schedule is still informing travellers. Pure: the history is passed in.
 */
public final class UptimeCalculator {
  private UptimeCalculator() {}

  /** Time up and time measured over a period. */
  public record Uptime(Duration up, Duration measured) {
    public static final Uptime NONE = new Uptime(Duration.ZERO, Duration.ZERO);

    /** Percentage with two decimals, or null when nothing was measured. */
    public Double percent() {
      if (measured.isZero()) {
        return null;
      }
      return Math.round(10_000.0 * up.toMillis() / measured.toMillis()) / 100.0;
    }

    public Uptime plus(Uptime other) {
      return new Uptime(up.plus(other.up), measured.plus(other.measured));
    }
  }

  public static boolean isUp(String agent, String display) {
    return "ONLINE".equals(agent) && !"NOT_SHOWING".equals(display);
  }

  /**
   * @param agentAtStart the AGENT value in force at {@code from} (null: never seen, counts as OFFLINE)
   * @param displayAtStart the DISPLAY value in force at {@code from} (null: not reported)
   * @param changes the changes with {@code from <= at < to}, oldest first
   */
  public static Uptime over(Instant from, Instant to, String agentAtStart, String displayAtStart, List<HistoryEntry> changes) {
    if (!to.isAfter(from)) {
      return Uptime.NONE;
    }
    String agent = agentAtStart;
    String display = displayAtStart;
    Instant mark = from;
    long upMillis = 0;
    for (HistoryEntry change : changes) {
      Instant at = change.at().isBefore(from) ? from : change.at();
      if (at.isAfter(to)) {
        break;
      }
      if (isUp(agent, display)) {
        upMillis += Duration.between(mark, at).toMillis();
      }
      mark = at;
      if (HistoryEntry.AGENT.equals(change.aspect())) {
        agent = change.value();
      } else if (HistoryEntry.DISPLAY.equals(change.aspect())) {
        display = change.value();
      }
    }
    if (isUp(agent, display)) {
      upMillis += Duration.between(mark, to).toMillis();
    }
    return new Uptime(Duration.ofMillis(upMillis), Duration.between(from, to));
  }
}
