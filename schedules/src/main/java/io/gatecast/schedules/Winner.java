package io.gatecast.schedules;

import java.util.List;

/**
 * Who owns a stretch of time: an alert (index into the screen's alerts), a set of equal-priority
 * campaigns (indices into the screen's campaigns, ascending), the default, or nobody.
 */
record Winner(SlotKind kind, List<Integer> campaigns, int alert) {
  static final Winner DEFAULT = new Winner(SlotKind.DEFAULT, List.of(), -1);
  static final Winner IDLE = new Winner(SlotKind.IDLE, List.of(), -1);

  static Winner alert(int index) {
    return new Winner(SlotKind.ALERT, List.of(), index);
  }

  static Winner campaigns(List<Integer> indices) {
    return new Winner(SlotKind.CAMPAIGN, List.copyOf(indices), -1);
  }
}
