package io.gatecast.controller.content;

import io.gatecast.controller.refusal.Refusal;
import java.util.Map;

/** A review step the workflow does not allow: who may not (FORBIDDEN) or not in this state (CONFLICT). */
public final class WorkflowRefused extends Refusal {
  private static final long serialVersionUID = 1L;

  WorkflowRefused(int status, String message) {
    super(status == 403 ? Kind.FORBIDDEN : Kind.CONFLICT, status == 403 ? "REVIEW_NOT_ALLOWED" : "REVIEW_WRONG_STATE",
        message, Map.of());
  }
}
