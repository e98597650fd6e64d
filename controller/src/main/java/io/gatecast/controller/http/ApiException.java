package io.gatecast.controller.http;

import io.gatecast.controller.refusal.Refusal;
import java.util.Map;

/**
 * A refusal raised by a route, from an HTTP status. Older call sites use this; its code is the
 * kind's name ({@code BAD_INPUT}, {@code NOT_FOUND}, ...) until they are given a specific one — new
 * code throws {@link Refusal} with its own code and details.
 */
public final class ApiException extends Refusal {
  private static final long serialVersionUID = 1L;

  public ApiException(int status, String message) {
    super(RefusalStatus.kindOf(status), RefusalStatus.kindOf(status).name(), message, Map.of());
  }

  public int status() {
    return RefusalStatus.of(kind());
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
