package io.gatecast.controller.reports;

import java.util.Locale;

/** What a play report groups by. */
public enum Dimension {
  CAMPAIGN("campaign_id"),
  ITEM("item_id"),
  LANGUAGE("language"),
  SCREEN("screen_id"),
  CLUSTER("cluster_id"),
  /** The calendar day the play started on, in the report's time zone. */
  DAY("quarterHour");

  final String column;

  Dimension(String column) {
    this.column = column;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The dimension called {@code name} (case-insensitive), or null. */
  public static Dimension of(String name) {
    for (Dimension d : values()) {
      if (d.wireName().equalsIgnoreCase(name)) {
        return d;
      }
    }
    return null;
  }
}
