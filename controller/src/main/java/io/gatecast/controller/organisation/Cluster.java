package io.gatecast.controller.organisation;

import java.util.List;

/**
 * A border gate's screens: where they are (province), the IANA zone their schedules are written
 * in, and the languages they show, in order of preference.
 *
 * @param defaultPlaylistId the gate's default playlist, filling every screen of the gate whenever
 *     nothing else is scheduled and the screen has no playlist of its own; null: none
 */
public record Cluster(String id, String name, String province, String zone, List<String> languages,
    String defaultPlaylistId) {
  /** A gate without a default playlist. */
  public Cluster(String id, String name, String province, String zone, List<String> languages) {
    this(id, name, province, zone, languages, null);
  }

  /** Screens registered without a cluster, and every screen from before clusters existed, are here. */
  public static final String DEFAULT_ID = "default";
}
