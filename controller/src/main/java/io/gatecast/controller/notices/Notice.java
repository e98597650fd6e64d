package io.gatecast.controller.notices;

import java.time.Instant;
import java.util.List;

/**
 * One alert for people: what the webhook receives as JSON.
 *
 * @param screenId the screen; null for a {@link Kind#SUMMARY}
 * @param reason why the screen is down, in words; null when it is up
 * @param since when the screen's current state began
 * @param down for a {@link Kind#SUMMARY}: the screens of the cluster still down when its hours began
 * @param text one sentence for a chat channel or an e-mail subject
 */
public record Notice(Kind kind, String clusterId, String screenId, String reason, Instant since, Instant at,
    List<DownScreen> down, String text) {
  public enum Kind {
    /** Down for longer than the grace period, within operating hours. */
    DOWN,
    /** Up again after a DOWN (or a summary, or a flapping notice) was sent. */
    BACK_ONLINE,
    /** Changed state more than K times within W: reported once, then quiet until stable. */
    FLAPPING,
    /** No change for W after flapping; {@code reason} says whether it settled up or down. */
    STABLE,
    /** The cluster's operating hours began with screens down (alerts outside hours were held back). */
    SUMMARY
  }

  /** A screen in a summary. */
  public record DownScreen(String screenId, String reason, Instant since) {}
}
