package io.gatecast.schedules;

import java.time.LocalDate;
import java.util.List;

/** The segments of one local day, contiguous from the day's first to its last millisecond. */
record DaySchedule(LocalDate day, List<Segment> segments) {
  Segment at(long t) {
    int lo = 0;
    int hi = segments.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (segments.get(mid).start() <= t) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return segments.get(lo);
  }
}
