package io.gatecast.controller.publish;

/**
 * Hears what screens say about their schedule (must only hand work on): the version a screen reports
 * it plays, as it arrives on Paho's thread; a schedule it refused as not newer than its own, its own or
 * its gate's, once the refusal is stored; a gate whose placed screen plays an older version than the
 * newest, once the heartbeat is stored. Each may mean the broker lost or rolled back a retained schedule.
 */
public interface ScheduleWatch {
  ScheduleWatch NONE = new ScheduleWatch() {
    @Override
    public void applied(String screenId, Long appliedVersion, Long receivedVersion) {}

    @Override
    public void refusedAsOlder(String screenId) {}

    @Override
    public void gateBehind(String clusterId) {}
  };

  /**
   * An ONLINE screen reports it plays {@code appliedVersion} (null: none at all) and has received up to
   * {@code receivedVersion} (null: an agent that does not say).
   */
  void applied(String screenId, Long appliedVersion, Long receivedVersion);

  /** The screen refused the schedule it was given as REPLAYED_OR_OLDER. */
  void refusedAsOlder(String screenId);

  /**
   * An ONLINE screen placed in gate {@code clusterId} plays an older version of the gate's schedule than
   * its newest, or none; or a screen refused the gate's schedule as REPLAYED_OR_OLDER.
   */
  void gateBehind(String clusterId);
}
