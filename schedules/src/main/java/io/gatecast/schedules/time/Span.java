package io.gatecast.schedules.time;

/** A half-open range {@code [start, end)} on one time line (local seconds or instant millis). */
public record Span(long start, long end) {
  public Span {
    if (end < start) {
      throw new IllegalArgumentException("span ends before it starts: " + start + ".." + end);
    }
  }
}
