package io.gatecast.controller.publish;

/**
 * Hears what screens say about their schedule, as it arrives (on Paho's thread: must only hand work
 * on): the version a screen reports it plays, and a schedule it refused as not newer than its own.
 * Either may mean the broker lost or rolled back the screen's retained schedule.
 */
public interface ScheduleWatch {
  ScheduleWatch NONE = new ScheduleWatch() {
    @Override
    public void applied(String screenId, Long appliedVersion) {}

    @Override
    public void refusedAsOlder(String screenId) {}
  };

  /** An ONLINE screen reports it plays {@code appliedVersion} (null: none at all). */
  void applied(String screenId, Long appliedVersion);

  /** The screen refused the schedule it was given as REPLAYED_OR_OLDER. */
  void refusedAsOlder(String screenId);
}
