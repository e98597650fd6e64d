package io.gatecast.controller.alerts;

import io.gatecast.controller.refusal.Refusal;
import java.util.Map;

/** A request about alerts that cannot be done, with why. */
public final class AlertRefusedException extends Refusal {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal. */
  public enum Why { BAD_INPUT, NOT_FOUND, CONFLICT }

  private final Why why;

  AlertRefusedException(Why why, String message) {
    super(switch (why) {
      case BAD_INPUT -> Kind.BAD_INPUT;
      case NOT_FOUND -> Kind.NOT_FOUND;
      case CONFLICT -> Kind.CONFLICT;
    }, "ALERT_" + why.name(), message, Map.of());
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
