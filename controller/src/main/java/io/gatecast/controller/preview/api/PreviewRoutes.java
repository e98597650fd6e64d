package io.gatecast.controller.preview.api;

import io.gatecast.controller.preview.PreviewService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.Json;

/**
 * {@code GET /api/v1/screens/{id}/preview?from=<instant>&to=<instant>}: what the screen will show
 * over {@code [from, to)} (at most 31 days), and the engine's checks for it ({@link PreviewService}).
 */
public final class PreviewRoutes {
  private final PreviewService previews;

  public PreviewRoutes(PreviewService previews) {
    this.previews = previews;
  }

  public void mount(Router router) {
    router.get("/api/v1/screens/:id/preview").handler(this::preview);
  }

  private void preview(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Instant from = instant(ctx, "from");
    Instant to = instant(ctx, "to");
    previews.preview(id, from, to)
        .onSuccess(view -> Json.send(ctx, 200, view))
        .onFailure(ctx::fail);
  }

  private static Instant instant(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.isBlank()) {
      throw Refusal.of(Kind.BAD_INPUT, name + " is required: an ISO 8601 instant such as 2026-03-15T00:00:00Z");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Refusal.of(Kind.BAD_INPUT, name + " must be an ISO 8601 instant such as 2026-03-15T00:00:00Z, got '"
          + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
    }
  }
}
