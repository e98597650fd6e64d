package io.gatecast.protocol;

/** Whether an agent is connected, as it reports it (or its last-will reports for it). */
public enum ScreenState {
  ONLINE,
  OFFLINE
}
