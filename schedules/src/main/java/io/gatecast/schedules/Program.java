package io.gatecast.schedules;

import java.time.Instant;
import java.util.List;

/**
 * A periodic loop of plays, anchored at the start of the segment it plays in. Finding the play at
 * any instant is a modulo and a binary search, so a segment of any length costs the same.
 */
final class Program {
  private final SlotKind kind;
  private final Play[] plays;
  private final long[] offsets;
  private final long period;

  Program(SlotKind kind, List<Play> plays) {
    this.kind = kind;
    this.plays = plays.toArray(new Play[0]);
    this.offsets = new long[this.plays.length];
    long at = 0;
    for (int i = 0; i < this.plays.length; i++) {
      offsets[i] = at;
      at += this.plays[i].millis();
    }
    this.period = at;
  }

  Slot slotAt(long t, Segment segment) {
    long sinceStart = t - segment.start();
    long loopStart = segment.start() + (sinceStart / period) * period;
    long intoLoop = sinceStart % period;
    int lo = 0;
    int hi = offsets.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (offsets[mid] <= intoLoop) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    Play p = plays[lo];
    long start = loopStart + offsets[lo];
    long end = Math.min(start + p.millis(), segment.end());
    return new Slot(
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(end),
        kind,
        p.sourceId(),
        p.item(),
        p.variant());
  }
}
