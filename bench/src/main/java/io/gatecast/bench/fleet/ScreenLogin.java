package io.gatecast.bench.fleet;

import io.gatecast.controller.organisation.Cluster;

/**
 * What a screen needs to log in to the broker: its id (the MQTT username) and its MQTT password; and the
 * gate it was registered in, whose alerts and schedule it follows ({@code default} in a one-gate fleet,
 * and in login files written before fleets had gates).
 */
public record ScreenLogin(String screenId, String password, String clusterId) {
  /** The controller's gate of every screen registered without one. */
  public static final String DEFAULT_GATE = Cluster.DEFAULT_ID;

  public ScreenLogin {
    clusterId = clusterId == null ? DEFAULT_GATE : clusterId;
  }

  public ScreenLogin(String screenId, String password) {
    this(screenId, password, DEFAULT_GATE);
  }
}
