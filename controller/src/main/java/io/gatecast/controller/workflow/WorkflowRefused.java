package io.gatecast.controller.workflow;

/** A review step the workflow does not allow: 403 (who) or 409 (state), with a sentence saying why. */
public final class WorkflowRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  WorkflowRefused(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
