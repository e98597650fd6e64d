package io.gatecast.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.gatecast.protocol.rules.ScreenRules;
import java.util.List;

/**
 * A screen's whole schedule, sent retained on {@link Topics#schedule(String)}: the rules the
 * agent's copy of the scheduling engine plays by. {@code version} grows with every publish to that
 * screen, so an agent can tell newer from older.
 */
public record ScheduleMessage(Header header, String screenId, Long version, ScreenRules rules) {
  public ScheduleMessage {
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    Check.atLeast(version, 1, "version");
    Check.required(rules, "rules");
    if (!rules.profile().screenId().equals(screenId)) {
      throw new IllegalArgumentException("rules.profile.screenId is " + rules.profile().screenId()
          + " but the message is for screen " + screenId);
    }
  }

  /** Every media file the rules need, once each: what the agent must hold before it switches. */
  @JsonIgnore
  public List<MediaRef> media() {
    return rules.media();
  }
}
