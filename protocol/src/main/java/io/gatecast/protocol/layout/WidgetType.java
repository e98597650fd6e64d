package io.gatecast.protocol.layout;

/** What a widget draws; {@link WidgetSpec} carries the one matching part. */
public enum WidgetType {
  CLOCK,
  DATE,
  OPENING_HOURS,
  TICKER,
  QR,
  COUNTDOWN
}
