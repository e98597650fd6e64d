package io.gatecast.controller.auth.api;

import io.gatecast.controller.auth.UserService;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.vertx.ext.web.Router;
import java.util.EnumSet;

/** User management, for admins: create, list, change roles / password / disabled ({@link UserService}). */
public final class UserRoutes {
  private final UserService users;

  public UserRoutes(UserService users) {
    this.users = users;
  }

  public void mount(Router router) {
    router.get("/api/v1/users").handler(ctx ->
        users.all().onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail));
    router.get("/api/v1/users/:username").handler(ctx -> users.find(ctx.pathParam("username"))
        .onSuccess(user -> Json.send(ctx, 200, user)).onFailure(ctx::fail));
    router.post("/api/v1/users").handler(ctx -> {
      UserRequests.CreateUser request = Json.read(ctx, UserRequests.CreateUser.class);
      users.create(AuthHandler.user(ctx).username(), request.username(), request.password(), request.roleSet())
          .onSuccess(created -> Json.send(ctx, 201, created))
          .onFailure(ctx::fail);
    });
    router.put("/api/v1/users/:username").handler(ctx -> {
      String username = ctx.pathParam("username");
      UserRequests.UpdateUser request = Json.read(ctx, UserRequests.UpdateUser.class);
      UserService.Change change = new UserService.Change(
          request.roles() == null ? null : EnumSet.copyOf(request.roles()), request.password(), request.disabled());
      users.update(AuthHandler.user(ctx).username(), username, change)
          .onSuccess(updated -> Json.send(ctx, 200, updated))
          .onFailure(ctx::fail);
    });
  }
}
