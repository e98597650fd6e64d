package io.gatecast.controller.screens;

import java.time.Instant;
import java.util.List;

/**
 * Where a screen is and what it is, as an operator set it up (the rest of a screen, its health and
 * deliveries, is in {@link RegisteredScreen}).
 *
 * @param location where it hangs in the hall, or null
 * @param resolution e.g. {@code 1920x1080}, or null
 * @param orientation LANDSCAPE or PORTRAIT, or null
 * @param languages its own languages in order, or null to show its cluster's
 * @param revokedAt when it was cut off, or null while it may connect
 */
public record ScreenSetup(String clusterId, String location, String resolution, String orientation,
    List<String> languages, List<String> tags, Instant revokedAt) {

  /** A screen placed in {@code clusterId} with nothing else said about it. */
  public static ScreenSetup inCluster(String clusterId) {
    return new ScreenSetup(clusterId, null, null, null, null, List.of(), null);
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
