package io.gatecast.schedules.model;

import java.time.Instant;
import java.util.Map;

/**
 * An urgent notice that takes over every screen of a cluster from {@code start} until
 * {@code expires} (exclusive), or until the controller clears it by publishing rules without it.
 * {@code text} maps language tags to the line to show, in the order given.
 */
public record Alert(String id, String clusterId, Instant start, Instant expires, Map<String, String> text) {
  /** How long each language of an alert stays up before the next one. */
  public static final int SECONDS_PER_LANGUAGE = 15;

  public Alert {
    Require.text(id, "id");
    Require.text(clusterId, "clusterId");
    Require.present(start, "start");
    if (expires != null && !expires.isAfter(start)) {
      throw new InvalidModelException("expires", "must be after start " + start + ", was " + expires);
    }
    text = Require.map(text, "text");
    if (text.isEmpty()) {
      throw new InvalidModelException("text", "an alert needs text in at least one language");
    }
    for (Map.Entry<String, String> e : text.entrySet()) {
      Require.languageTag(e.getKey(), "text[" + e.getKey() + "]");
      Require.text(e.getValue(), "text[" + e.getKey() + "]");
    }
  }

  public boolean isActive(Instant at) {
    return !at.isBefore(start) && (expires == null || at.isBefore(expires));
  }
}
