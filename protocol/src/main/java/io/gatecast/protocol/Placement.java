package io.gatecast.protocol;

import io.gatecast.protocol.rules.ScreenRules;

/**
 * Which profile of its cluster's {@link ClusterSchedule} a screen plays, and the names it plays it
 * under: sent retained, in a {@link Signed} envelope of type {@link Signed#PLACEMENT}, on the screen's
 * own {@link Topics#schedule(String)}, in place of a whole {@link ScheduleMessage}. It changes only
 * when what places the screen changes (its targeting, its names, its gate), not when content does;
 * content travels once a gate (docs/proposals/cluster-schedules.md).
 *
 * <p>Signed for one screen, it is what binds the screen to a profile: a screen reads the rules of
 * every profile of its gate, but only its own placement can make it play one.
 *
 * @param version the screen's schedule version: one sequence for whatever its schedule topic
 *     carries, a whole schedule or a placement, so an agent refuses either when not newer than the
 *     last it accepted, and a replayed older schedule cannot displace a newer placement, nor the reverse
 * @param screenName the name people gave the screen, or null
 * @param gateName the name of its gate, or null
 */
public record Placement(Header header, String screenId, Long version, String clusterId, String profileId,
    String screenName, String gateName) {
  public Placement {
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    Check.atLeast(version, 1, "version");
    Check.id(clusterId, "clusterId");
    Check.id(profileId, "profileId");
    if (screenName != null) {
      Check.humanText(screenName, "screenName", Limits.MAX_TEXT_LENGTH);
    }
    if (gateName != null) {
      Check.humanText(gateName, "gateName", Limits.MAX_TEXT_LENGTH);
    }
  }

  /**
   * This screen's rules: its profile's rules in {@code schedule} with the screen's id and names put
   * in, exactly what a whole {@link ScheduleMessage} for the screen would carry.
   *
   * @throws IllegalArgumentException when {@code schedule} is another cluster's or holds no such
   *     profile (the screen then keeps what it plays until a schedule that does arrives)
   */
  public ScreenRules rulesIn(ClusterSchedule schedule) {
    Check.required(schedule, "schedule");
    if (!schedule.clusterId().equals(clusterId)) {
      throw new IllegalArgumentException("the placement is in cluster " + clusterId + ", the schedule is "
          + schedule.clusterId() + "'s");
    }
    ScreenRules profile = schedule.profiles().get(profileId);
    if (profile == null) {
      throw new IllegalArgumentException("cluster " + clusterId + "'s schedule version " + schedule.version()
          + " has no profile " + profileId);
    }
    return profile.forScreen(screenId, screenName, gateName);
  }
}
