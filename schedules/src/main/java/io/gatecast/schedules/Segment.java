package io.gatecast.schedules;

/** A stretch {@code [start, end)} of epoch millis with one winner; programs restart at its start. */
record Segment(long start, long end, Winner winner) {}
