package io.gatecast.controller.http;

import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters read strictly, with errors naming the parameter. */
public final class QueryParams {
  private QueryParams() {}

  public static Instant instant(RoutingContext ctx, String name) {
    String value = required(ctx, name, "an ISO 8601 instant such as 2026-03-15T00:00:00Z");
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Refusal.of(Kind.BAD_INPUT, name + " must be an ISO 8601 instant such as 2026-03-15T00:00:00Z, got '"
          + shortened(value) + "'");
    }
  }

  /** {@code from} and {@code to}, with {@code to} after {@code from}. */
  public static Instant[] period(RoutingContext ctx) {
    Instant from = instant(ctx, "from");
    Instant to = instant(ctx, "to");
    if (!to.isAfter(from)) {
      throw Refusal.of(Kind.BAD_INPUT, "to (" + to + ") must be after from (" + from + ")");
    }
    return new Instant[] {from, to};
  }

  public static String required(RoutingContext ctx, String name, String what) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.isBlank()) {
      throw Refusal.of(Kind.BAD_INPUT, name + " is required: " + what);
    }
    return value;
  }

  public static String optional(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    return value == null || value.isBlank() ? null : value;
  }

  public static String shortened(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
