package io.gatecast.controller.store;

import java.util.List;

/**
 * A border gate's screens: where they are (province), the IANA zone their schedules are written
 * in, and the languages they show, in order of preference.
 */
public record Cluster(String id, String name, String province, String zone, List<String> languages) {
  /** Screens registered without a cluster, and every screen from before clusters existed, are here. */
  public static final String DEFAULT_ID = "default";
}
