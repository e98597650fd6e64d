package io.gatecast.controller.preview.api;

import io.gatecast.controller.preview.Preview;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.screens.ScreenRepository;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.Json;

/**
 * {@code GET /api/v1/screens/{id}/preview?from=<instant>&to=<instant>}: what the screen will show
 * over {@code [from, to)} (at most 31 days), and the engine's checks for it.
 */
public final class PreviewRoutes {
  private final Vertx vertx;
  private final Database db;
  private final ScreenRepository screens = new ScreenRepository();
  private final RulesBuilder rules;

  public PreviewRoutes(Vertx vertx, Database db, RulesBuilder rules) {
    this.vertx = vertx;
    this.db = db;
    this.rules = rules;
  }

  public void mount(Router router) {
    router.get("/api/v1/screens/:id/preview").handler(this::preview);
  }

  private void preview(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Instant from = instant(ctx, "from");
    Instant to = instant(ctx, "to");
    if (!to.isAfter(from)) {
      throw Refusal.of(Kind.BAD_INPUT, "to (" + to + ") must be after from (" + from + ")");
    }
    if (Duration.between(from, to).compareTo(Preview.MAX_WINDOW) > 0) {
      throw Refusal.of(Kind.BAD_INPUT, "to is more than " + Preview.MAX_WINDOW.toDays()
          + " days after from; preview at most " + Preview.MAX_WINDOW.toDays() + " days at a time");
    }
    db.transaction(c -> {
      if (!screens.exists(c, id)) {
        throw Refusal.of(Kind.NOT_FOUND, "no screen " + id);
      }
      return rules.build(c, id);
    })
        // The engine's work is CPU-bound: off the event loop and off the database thread.
        .compose(plan -> vertx.executeBlocking(() -> Preview.of(plan, from, to), false))
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
