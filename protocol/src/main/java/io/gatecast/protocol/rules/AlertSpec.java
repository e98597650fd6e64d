package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An urgent notice for every screen of a cluster (engine: {@code Alert}) from {@code start} until
 * {@code expires} (null: until cleared by rules without it). {@code text} maps language tags to
 * lines, shown in the order given.
 */
public record AlertSpec(String id, String clusterId, Instant start, Instant expires, Map<String, String> text) {
  public AlertSpec {
    Check.id(id, "id");
    Check.id(clusterId, "clusterId");
    Check.required(start, "start");
    if (expires != null && !expires.isAfter(start)) {
      throw new IllegalArgumentException("expires must be after start " + start + ", got " + expires);
    }
    Check.required(text, "text");
    if (text.isEmpty() || text.size() > Limits.MAX_LANGUAGES) {
      throw new IllegalArgumentException("text must hold 1 to " + Limits.MAX_LANGUAGES + " languages, got " + text.size());
    }
    for (Map.Entry<String, String> line : text.entrySet()) {
      Check.languageTag(line.getKey(), "text key");
      Check.text(line.getValue(), "text." + line.getKey(), Limits.MAX_LINE_LENGTH);
    }
    text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
  }
}
