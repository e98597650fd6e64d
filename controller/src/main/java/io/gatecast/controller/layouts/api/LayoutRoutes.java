package io.gatecast.controller.layouts.api;

import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.layouts.GateFacts;
import io.gatecast.controller.layouts.LayoutAssignment;
import io.gatecast.controller.layouts.LayoutPreviews;
import io.gatecast.controller.layouts.LayoutService;
import io.gatecast.controller.layouts.LayoutTarget;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.protocol.layout.ClockSpec;
import io.gatecast.protocol.layout.OpeningHoursSpec;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Layouts, where they are attached, and a gate's facts; the rules are {@link LayoutService}'s. */
public final class LayoutRoutes {
  /** A layout as the console sends it; checked into a LayoutSpec by {@link LayoutService#layout}. */
  public record LayoutBody(String id, String template, ScreenShape shape, List<RegionSpec> regions) {}

  /** Which layout to attach. */
  public record AssignBody(String layoutId) {}

  /** A gate's opening hours and clock zones; either may be null (not set). */
  public record FactsBody(OpeningHoursSpec openingHours, ClockSpec clock) {}

  /**
   * A draft layout to preview at a gate in one of its languages ({@code language} null: the gate's
   * first; {@code at} null: now).
   */
  public record PreviewBody(LayoutBody layout, String gate, String language, Instant at) {}

  private final LayoutService service;
  private final LayoutPreviews previews;

  public LayoutRoutes(LayoutService service, LayoutPreviews previews) {
    this.service = service;
    this.previews = previews;
  }

  public void mount(Router router) {
    router.post("/api/v1/layouts").handler(ctx -> {
      LayoutBody body = Json.read(ctx, LayoutBody.class);
      service.create(actor(ctx), LayoutService.layout(body.id(), body.template(), body.shape(), body.regions()))
          .onSuccess(created -> Json.send(ctx, 201, created)).onFailure(ctx::fail);
    });
    router.post("/api/v1/layouts/preview").handler(ctx -> {
      PreviewBody body = Json.read(ctx, PreviewBody.class);
      if (body.layout() == null || body.gate() == null) {
        String missing = body.layout() == null ? "layout" : "gate";
        throw Refusal.badInput("FIELD_REQUIRED", missing + " is required", Map.of("field", missing));
      }
      LayoutBody l = body.layout();
      // A draft may not have its id yet: the preview does not need one.
      String id = l.id() == null || l.id().isBlank() ? "preview" : l.id();
      previews.preview(LayoutService.layout(id, l.template(), l.shape(), l.regions()), body.gate(), body.language(),
          body.at()).onSuccess(p -> Json.send(ctx, 200, p)).onFailure(ctx::fail);
    });
    router.get("/api/v1/layouts").handler(ctx ->
        service.listed().onSuccess(all -> Json.send(ctx, 200, LayoutViews.json(all))).onFailure(ctx::fail));
    router.get("/api/v1/layouts/assignments").handler(ctx ->
        service.assignments().onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail));
    router.put("/api/v1/layouts/assignments/:target/:targetId").handler(ctx -> {
      AssignBody body = Json.read(ctx, AssignBody.class);
      if (body.layoutId() == null) {
        throw Refusal.badInput("FIELD_REQUIRED", "layoutId is required", Map.of("field", "layoutId"));
      }
      service.assign(actor(ctx), new LayoutAssignment(target(ctx), ctx.pathParam("targetId"), body.layoutId()))
          .onSuccess(a -> Json.send(ctx, 200, a)).onFailure(ctx::fail);
    });
    router.delete("/api/v1/layouts/assignments/:target/:targetId").handler(ctx ->
        service.unassign(actor(ctx), target(ctx), ctx.pathParam("targetId"), shape(ctx))
            .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
    router.get("/api/v1/layouts/:id").handler(ctx ->
        service.findListed(ctx.pathParam("id")).onSuccess(found -> Json.send(ctx, 200, LayoutViews.json(found)))
            .onFailure(ctx::fail));
    router.put("/api/v1/layouts/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      LayoutBody body = Json.read(ctx, LayoutBody.class);
      if (body.id() != null && !body.id().equals(id)) {
        throw Refusal.of(Refusal.Kind.BAD_INPUT, "id " + body.id() + " in the body differs from " + id + " in the path");
      }
      service.edit(actor(ctx), LayoutService.layout(id, body.template(), body.shape(), body.regions()))
          .onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    router.delete("/api/v1/layouts/:id").handler(ctx ->
        service.delete(actor(ctx), ctx.pathParam("id"))
            .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
    router.get("/api/v1/clusters/:id/facts").handler(ctx ->
        service.facts(ctx.pathParam("id")).onSuccess(f -> Json.send(ctx, 200, f)).onFailure(ctx::fail));
    router.put("/api/v1/clusters/:id/facts").handler(ctx -> {
      FactsBody body = Json.read(ctx, FactsBody.class);
      service.putFacts(actor(ctx), ctx.pathParam("id"), new GateFacts(body.openingHours(), body.clock()))
          .onSuccess(f -> Json.send(ctx, 200, f)).onFailure(ctx::fail);
    });
  }

  private static String actor(RoutingContext ctx) {
    return AuthHandler.user(ctx).username();
  }

  /** {@code ?shape=} of a detach: which of a gate's defaults goes; absent: every layout attached there. */
  private static ScreenShape shape(RoutingContext ctx) {
    String shape = ctx.queryParams().get("shape");
    if (shape == null) {
      return null;
    }
    try {
      return ScreenShape.valueOf(shape);
    } catch (IllegalArgumentException e) {
      throw Refusal.badInput("FIELD_INVALID_CHOICE", "shape must be LANDSCAPE_16_9 or PORTRAIT_9_16, got " + shape,
          Map.of("field", "shape", "value", shape, "allowed", List.of("LANDSCAPE_16_9", "PORTRAIT_9_16")));
    }
  }

  private static LayoutTarget target(RoutingContext ctx) {
    String target = ctx.pathParam("target");
    try {
      return LayoutTarget.valueOf(target.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.badInput("LAYOUT_TARGET_KIND", "target must be gate, campaign or screen, got " + target,
          Map.of("field", "target", "value", target));
    }
  }
}
