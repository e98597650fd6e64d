package io.gatecast.controller.http;

import io.gatecast.controller.refusal.Refusal;

/** The one place a refusal's kind becomes an HTTP status. */
public final class RefusalStatus {
  private RefusalStatus() {}

  public static int of(Refusal.Kind kind) {
    return switch (kind) {
      case BAD_INPUT -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case GONE -> 410;
      case TOO_LARGE -> 413;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case TOO_MANY_REQUESTS -> 429;
      case UNAVAILABLE -> 503;
    };
  }
}
