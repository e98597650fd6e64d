package io.gatecast.controller.screens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a screen has been, for reports that count time at a gate: the gates it was placed at, each from an
 * instant on. Pure: the stays are read by {@link ScreenSetupRepository#gateHistory}.
 */
public final class GateStays {
  private GateStays() {}

  /** Placed at {@code clusterId} from {@code since} on, until the next stay. */
  public record Stay(String clusterId, Instant since) {}

  /** The part {@code [from, to)} of a period a screen spent at {@code clusterId}. */
  public record Span(String clusterId, Instant from, Instant to) {}

  /**
   * The parts of {@code [from, to)} the screen spent at each gate, oldest first, none empty. Its first stay
   * reaches back before its start (a screen is at its first gate from its registration); with no stays known
   * (none recorded) the whole period is at {@code current}.
   *
   * @param stays oldest first
   */
  public static List<Span> within(List<Stay> stays, String current, Instant from, Instant to) {
    if (stays.isEmpty() || !to.isAfter(from)) {
      return List.of(new Span(current, from, to));
    }
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < stays.size(); i++) {
      Instant start = i == 0 || stays.get(i).since().isBefore(from) ? from : stays.get(i).since();
      Instant end = i + 1 == stays.size() || stays.get(i + 1).since().isAfter(to) ? to : stays.get(i + 1).since();
      if (end.isAfter(start)) {
        spans.add(new Span(stays.get(i).clusterId(), start, end));
      }
    }
    return spans;
  }
}
