package io.gatecast.protocol;

import java.util.List;

/**
 * A screen's whole schedule, sent retained on {@link Topics#schedule(String)}. {@code version}
 * grows with every publish to that screen, so an agent can tell newer from older.
 */
public record ScheduleMessage(Header header, String screenId, Long version, List<ScheduledItem> items) {
  public ScheduleMessage {
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    Check.atLeast(version, 1, "version");
    items = Check.list(items, "items", Limits.MAX_SCHEDULE_ITEMS);
  }
}
