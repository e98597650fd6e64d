package io.gatecast.schedules.checks;

/** ERROR: something will not play as intended. WARNING: it will, but probably not as meant. */
public enum Severity {
  ERROR,
  WARNING
}
