package io.gatecast.controller.publish;

/**
 * Hears what screens say about their schedule (must only hand work on): the version a screen reports
 * it plays, as it arrives on Paho's thread; a schedule it refused as not newer than its own, its own or
 * its gate's, once the refusal is stored; a gate whose placed screen plays an older version than the
 * newest, once the heartbeat is stored. Each may mean the broker lost or rolled back a retained schedule.
 * A screen playing nothing at all may also be one newly paired, never sent anything ({@link Arrivals}).
 */
public interface ScheduleWatch {
  ScheduleWatch NONE = new ScheduleWatch() {};

  /**
   * An ONLINE screen reports it plays {@code appliedVersion} (null: none at all) and has received up to
   * {@code receivedVersion} (null: an agent that does not say).
   */
  default void applied(String screenId, Long appliedVersion, Long receivedVersion) {}

  /** The screen refused the schedule it was given as REPLAYED_OR_OLDER. */
  default void refusedAsOlder(String screenId) {}

  /**
   * An ONLINE screen placed in gate {@code clusterId} plays an older version of the gate's schedule than
   * its newest, or none; or a screen refused the gate's schedule as REPLAYED_OR_OLDER.
   */
  default void gateBehind(String clusterId) {}

  /**
   * An ONLINE screen whose agent plays placements reports it plays nothing at all (a newly paired one, say); told
   * once that heartbeat is stored, so the screen's stored state already says its agent plays placements.
   */
  default void playsNothing(String screenId) {}

  /** Both watches hear everything, {@code first} first. */
  static ScheduleWatch both(ScheduleWatch first, ScheduleWatch second) {
    return new ScheduleWatch() {
      @Override
      public void applied(String screenId, Long appliedVersion, Long receivedVersion) {
        first.applied(screenId, appliedVersion, receivedVersion);
        second.applied(screenId, appliedVersion, receivedVersion);
      }

      @Override
      public void refusedAsOlder(String screenId) {
        first.refusedAsOlder(screenId);
        second.refusedAsOlder(screenId);
      }

      @Override
      public void gateBehind(String clusterId) {
        first.gateBehind(clusterId);
        second.gateBehind(clusterId);
      }

      @Override
      public void playsNothing(String screenId) {
        first.playsNothing(screenId);
        second.playsNothing(screenId);
      }
    };
  }
}
