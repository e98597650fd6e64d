package io.gatecast.controller.alerts;

/** A request about alerts that cannot be done, with why; the API turns {@link Why} into a status. */
public final class AlertRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal. */
  public enum Why { BAD_INPUT, NOT_FOUND, CONFLICT }

  private final Why why;

  AlertRefusedException(Why why, String message) {
    super(message, null, false, false);
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
