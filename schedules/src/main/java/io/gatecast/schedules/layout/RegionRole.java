package io.gatecast.schedules.layout;

/** The engine's region roles, one to one with the wire's {@code io.gatecast.protocol.layout.RegionRole}. */
public enum RegionRole {
  MAIN,
  TICKER,
  HEADER,
  SIDE
}
