package io.gatecast.controller.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * One change of one of a screen's truths.
 *
 * @param aspect AGENT (ONLINE/OFFLINE), CONTENT (UP_TO_DATE/STALE) or DISPLAY (SHOWING/NOT_SHOWING/UNKNOWN)
 * @param detail why, in words, when known (e.g. "last-will", "no heartbeat for 30 s")
 */
public record HistoryEntry(String screenId, Instant at, String aspect, String value, String detail) {
  public static final String AGENT = "AGENT";
  public static final String CONTENT = "CONTENT";
  public static final String DISPLAY = "DISPLAY";

  /** The detail's stable code ({@link HistoryDetail}), for the console to say it in its reader's language; else null. */
  @JsonProperty("detailCode")
  public String detailCode() {
    return HistoryDetail.read(detail).map(HistoryDetail::code).orElse(null);
  }

  /** The values {@link #detailCode} names, by name; else null. */
  @JsonProperty("detailArgs")
  public Map<String, String> detailArgs() {
    return HistoryDetail.read(detail).map(HistoryDetail::args).orElse(null);
  }
}
