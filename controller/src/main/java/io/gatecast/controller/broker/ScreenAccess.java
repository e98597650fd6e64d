package io.gatecast.controller.broker;

/**
 * What the API tells the broker when a screen's standing changes, after the change is committed.
 * With the embedded broker it takes effect at once; with an external Mosquitto nothing can be done
 * from here: export its files again and reload it (see README, External Mosquitto).
 */
public interface ScreenAccess {
  /** The screen was revoked: refuse it everything and disconnect its sessions. */
  void cutOff(String screenId);

  /** The screen moved to {@code clusterId}: its cluster's alert topic changes. */
  void moved(String screenId, String clusterId);

  /** For an external broker, which the controller cannot reach into. */
  ScreenAccess NONE = new ScreenAccess() {
    @Override
    public void cutOff(String screenId) {}

    @Override
    public void moved(String screenId, String clusterId) {}
  };
}
