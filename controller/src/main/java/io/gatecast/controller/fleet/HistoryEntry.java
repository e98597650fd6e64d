package io.gatecast.controller.fleet;

import java.time.Instant;

/**
 * One change of one of a screen's truths.
 *
 * @param aspect AGENT (ONLINE/OFFLINE), CONTENT (UP_TO_DATE/STALE) or DISPLAY (SHOWING/NOT_SHOWING/UNKNOWN)
 * @param detail why, in words, when known (e.g. "last-will", "no heartbeat for PT30S")
 */
public record HistoryEntry(String screenId, Instant at, String aspect, String value, String detail) {
  public static final String AGENT = "AGENT";
  public static final String CONTENT = "CONTENT";
  public static final String DISPLAY = "DISPLAY";
}
