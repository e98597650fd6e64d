package io.gatecast.controller.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatecast.protocol.CodedWords;
import java.time.Instant;

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

  /** The detail as a stable code and values ({@link HistoryDetail}), for the console to say in its reader's language; else null. */
  @JsonProperty("detailCoded")
  public CodedWords detailCoded() {
    return HistoryDetail.read(detail).orElse(null);
  }
}
