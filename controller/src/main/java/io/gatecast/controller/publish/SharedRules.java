package io.gatecast.controller.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.rules.ScreenRules;

/**
 * The rules built once for screens of one profile, with their JSON serialised once: a screen's
 * rules differ from these only in their {@code profile} (its id and names, {@link ScreenPlanner#forScreen}),
 * the first field of {@link ScreenRules}, so a screen's JSON is its profile's JSON followed by the
 * shared rest. At 10,000 screens sharing a profile that is one serialisation of the items and
 * campaigns instead of 10,000. The splice is checked against a whole serialisation for the first
 * screen; if they ever differ (a change to the record's order or to the mapper), every screen of
 * the profile is serialised whole instead.
 */
final class SharedRules {
  private static final String PREFIX = "{\"profile\":";
  private final ScreenRules rules;
  /** Everything after the profile, from the comma on; null when the splice did not match. */
  private String tail;
  private boolean checked;

  SharedRules(ScreenRules rules) {
    this.rules = rules;
  }

  ScreenRules rules() {
    return rules;
  }

  /** The JSON of {@code screenRules}, which must be {@link #rules()} with only its profile changed. */
  String json(ScreenRules screenRules) {
    if (!checked) {
      checked = true;
      String whole = write(screenRules);
      String head = PREFIX + write(screenRules.profile());
      tail = whole.startsWith(head) ? whole.substring(head.length()) : null;
      return whole;
    }
    return tail == null ? write(screenRules) : PREFIX + write(screenRules.profile()) + tail;
  }

  private static String write(Object value) {
    try {
      return Codec.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
