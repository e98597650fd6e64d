package io.gatecast.controller.enrollment.api;

import io.gatecast.controller.enrollment.EnrollmentService;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.PortableIds;
import io.gatecast.controller.organisation.api.OrganisationRequests.Assign;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.protocol.enrollment.EnrollmentRequest;
import io.gatecast.protocol.enrollment.PairingCode;
import io.gatecast.protocol.enrollment.PickupRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Enrollment by pairing code ({@link EnrollmentService}): an agent registers a code
 * ({@code POST /api/v1/enrollments}) and polls ({@code POST /api/v1/enrollments/{code}/pickup});
 * an operator lists, clears, and assigns a code to a screen ({@code POST /api/v1/enrollments/{code}/assign}).
 */
public final class EnrollmentRoutes {
  private final EnrollmentService enrollments;

  public EnrollmentRoutes(EnrollmentService enrollments) {
    this.enrollments = enrollments;
  }

  public void mount(Router router) {
    router.post("/api/v1/enrollments").handler(this::register);
    router.get("/api/v1/enrollments").handler(ctx -> enrollments.current()
        .onSuccess(list -> Json.send(ctx, 200, list)).onFailure(ctx::fail));
    router.delete("/api/v1/enrollments").handler(ctx -> enrollments.clearWaiting(AuthHandler.user(ctx).username())
        .onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail));
    router.delete("/api/v1/enrollments/:code").handler(ctx -> {
      String code = code(ctx);
      enrollments.clearOne(AuthHandler.user(ctx).username(), code)
          .onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail);
    });
    router.post("/api/v1/enrollments/:code/assign").handler(this::assign);
    router.post("/api/v1/enrollments/:code/pickup").handler(this::pickup);
  }

  private void register(RoutingContext ctx) {
    EnrollmentRequest request = Json.read(ctx, EnrollmentRequest.class);
    String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
    enrollments.register(address, request.code(), request.secret())
        .onSuccess(view -> Json.send(ctx, 201, view)).onFailure(ctx::fail);
  }

  private void assign(RoutingContext ctx) {
    String code = code(ctx);
    Assign request = Json.read(ctx, Assign.class);
    PortableIds.require(request.screenId(), "screenId");
    enrollments.assign(AuthHandler.user(ctx).username(), code, request.screenId(), request.name(), request.clusterId())
        .onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail);
  }

  private void pickup(RoutingContext ctx) {
    String code = code(ctx);
    PickupRequest request = Json.read(ctx, PickupRequest.class);
    String hostReached = ctx.request().authority() == null ? null : ctx.request().authority().host();
    enrollments.pickup(code, request.secret(), hostReached).onSuccess(pickup -> {
      if (pickup.identity() != null) {
        Json.send(ctx, 200, pickup.identity());
      } else {
        Json.send(ctx, 202, pickup.waiting());
      }
    }).onFailure(ctx::fail);
  }

  private static String code(RoutingContext ctx) {
    try {
      return PairingCode.normalise(ctx.pathParam("code"), "code");
    } catch (IllegalArgumentException e) {
      throw Refusal.of(Kind.BAD_INPUT, e.getMessage());
    }
  }
}
