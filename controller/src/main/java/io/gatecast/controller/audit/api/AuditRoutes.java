package io.gatecast.controller.audit.api;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.audit.AuditService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.Json;

/**
 * {@code GET /api/v1/audit[?subjectType=&subjectId=&before=<id>&limit=]}: the audit log, newest
 * first. Read-only: no route writes, edits or deletes entries.
 */
public final class AuditRoutes {
  private final AuditService audit;

  public AuditRoutes(AuditService audit) {
    this.audit = audit;
  }

  public void mount(Router router) {
    router.get("/api/v1/audit").handler(ctx -> {
      Long before = number(ctx, "before", 1, Long.MAX_VALUE);
      Long limit = number(ctx, "limit", 1, AuditLog.MAX_PAGE);
      String type = ctx.queryParams().get("subjectType");
      String id = ctx.queryParams().get("subjectId");
      audit.read(before, type, id, limit == null ? null : limit.intValue())
          .onSuccess(entries -> Json.send(ctx, 200, entries))
          .onFailure(ctx::fail);
    });
  }

  private static Long number(RoutingContext ctx, String name, long min, long max) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return null;
    }
    try {
      long n = Long.parseLong(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw Refusal.of(Kind.BAD_INPUT, name + " must be a whole number from " + min + " to " + max + ", got '"
        + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
  }
}
