package io.gatecast.controller.publish;

/**
 * Hears what screens say about their schedule (must only hand work on): the version a screen reports
 * it plays, and a schedule it refused as not newer than its own, as they arrive on Paho's thread; a
 * gate whose schedule a screen refused as older (on Paho's thread) or whose placed screen plays an
 * older version than the newest (once stored). Each may mean the broker lost or rolled back a retained
 * schedule.
 */
public interface ScheduleWatch {
  ScheduleWatch NONE = new ScheduleWatch() {
    @Override
    public void applied(String screenId, Long appliedVersion) {}

    @Override
    public void refusedAsOlder(String screenId) {}

    @Override
    public void gateBehind(String clusterId) {}
  };

  /** An ONLINE screen reports it plays {@code appliedVersion} (null: none at all). */
  void applied(String screenId, Long appliedVersion);

  /** The screen refused the schedule it was given as REPLAYED_OR_OLDER. */
  void refusedAsOlder(String screenId);

  /**
   * An ONLINE screen placed in gate {@code clusterId} plays an older version of the gate's schedule than
   * its newest, or none; or a screen refused the gate's schedule as REPLAYED_OR_OLDER.
   */
  void gateBehind(String clusterId);
}
