package io.gatecast.protocol.layout;

/** Today's date in the screen's zone and language; with the Vietnamese lunar date unless {@code lunar} is false. */
public record DateSpec(Boolean lunar) {
  public DateSpec {
    lunar = lunar == null ? Boolean.TRUE : lunar;
  }
}
