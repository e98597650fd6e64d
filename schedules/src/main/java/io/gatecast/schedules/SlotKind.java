package io.gatecast.schedules;

/** What produced a slot. */
public enum SlotKind {
  /** An urgent alert of the screen's cluster; overrides everything. */
  ALERT,
  /** The highest-priority campaign(s) active at the time. */
  CAMPAIGN,
  /** The default playlist, filling time no campaign covers. */
  DEFAULT,
  /** Nothing at all to show: no campaign and no default playlist. The checks report these. */
  IDLE
}
