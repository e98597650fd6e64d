package io.gatecast.controller.screens;

import io.gatecast.protocol.ScreenState;
import java.time.Instant;

/**
 * A screen as the controller knows it: its identity, its health, and what it was sent.
 *
 * @param placements its agent plays placements in its gate's schedule (its last live heartbeat said so)
 * @param appliedClusterVersion the cluster schedule version it reports playing its placement in; null: a whole schedule
 * @param failedClusterVersion the last cluster schedule version its agent answered it could not play; null: none
 * @param placedClusterId the gate its last placement puts it in; null when it was last sent a whole schedule
 * @param publishedClusterVersion the version of that gate's schedule it should play (its newest); null when not placed
 */
public record RegisteredScreen(
    String id,
    String name,
    Instant createdAt,
    ScreenState state,
    Instant lastSeenAt,
    Long appliedVersion,
    String currentContentId,
    long publishedVersion,
    boolean placements,
    Long appliedClusterVersion,
    Long failedClusterVersion,
    String placedClusterId,
    Long publishedClusterVersion) {
  /** Whether it plays what it should: its version, and when placed, its gate's schedule version. */
  public boolean upToDate() {
    return upToDate(appliedVersion, appliedClusterVersion);
  }

  /**
   * Whether a placed screen playing gate schedule {@code appliedCluster} (null: none) is behind its gate's
   * newest, which its agent did not answer it could not play: the broker may have handed it an older one.
   */
  public boolean behindItsGate(Long appliedCluster) {
    return placedClusterId != null && publishedClusterVersion != null
        && (appliedCluster == null || appliedCluster < publishedClusterVersion)
        && !publishedClusterVersion.equals(failedClusterVersion);
  }

  /** Whether playing {@code applied} (in gate schedule {@code appliedCluster}) is what this screen should play. */
  public boolean upToDate(Long applied, Long appliedCluster) {
    return publishedVersion == 0 || (java.util.Objects.equals(applied, publishedVersion)
        && (publishedClusterVersion == null || publishedClusterVersion.equals(appliedCluster)));
  }
}
