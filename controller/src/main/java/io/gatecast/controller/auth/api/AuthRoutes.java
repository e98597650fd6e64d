package io.gatecast.controller.auth.api;

import io.gatecast.controller.auth.SignInService;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.vertx.ext.web.Router;

/** Sign in (a bearer token), sign out, who am I, and changing one's own password: {@link SignInService}. */
public final class AuthRoutes {
  private final SignInService signIn;

  public AuthRoutes(SignInService signIn) {
    this.signIn = signIn;
  }

  public void mount(Router router) {
    router.post("/api/v1/login").handler(ctx -> {
      UserRequests.Login login = Json.read(ctx, UserRequests.Login.class);
      String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
      signIn.signIn(login.username(), login.password(), address)
          .onSuccess(session -> Json.send(ctx, 200, session))
          .onFailure(ctx::fail);
    });
    router.post("/api/v1/logout").handler(ctx -> signIn.signOut(AuthHandler.tokenHash(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
    router.get("/api/v1/me").handler(ctx -> Json.send(ctx, 200, AuthHandler.user(ctx)));
    router.post("/api/v1/me/password").handler(ctx -> {
      UserRequests.ChangePassword change = Json.read(ctx, UserRequests.ChangePassword.class);
      signIn.changeOwnPassword(AuthHandler.user(ctx).username(), change.currentPassword(), change.newPassword())
          .onSuccess(body -> Json.send(ctx, 200, body))
          .onFailure(ctx::fail);
    });
  }
}
