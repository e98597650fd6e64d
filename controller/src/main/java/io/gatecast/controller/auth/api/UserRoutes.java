package io.gatecast.controller.auth.api;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.auth.Passwords;
import io.gatecast.controller.auth.SessionRepository;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.auth.UserRepository;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/** User management, for admins: create, list, change roles / password / disabled. Users are never deleted (the audit log names them). */
public final class UserRoutes {
  private final Vertx vertx;
  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final UserRepository users = new UserRepository();
  private final SessionRepository sessions = new SessionRepository();

  public UserRoutes(Vertx vertx, Database db, Clock clock, AuditLog audit) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.get("/api/v1/users").handler(ctx ->
        db.transaction(users::all).onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail));
    router.get("/api/v1/users/:username").handler(ctx -> {
      String username = ctx.pathParam("username");
      db.transaction(c -> users.find(c, username).orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "no user " + username)))
          .onSuccess(user -> Json.send(ctx, 200, user)).onFailure(ctx::fail);
    });
    router.post("/api/v1/users").handler(ctx -> {
      UserRequests.CreateUser request = Json.read(ctx, UserRequests.CreateUser.class);
      String actor = AuthHandler.user(ctx).username();
      vertx.executeBlocking(() -> Passwords.hash(request.password()), false)
          .compose(hash -> db.transaction(c -> {
            if (users.exists(c, request.username())) {
              throw Refusal.of(Kind.CONFLICT, "a user named " + request.username() + " already exists");
            }
            users.insert(c, request.username(), hash, request.roleSet(), clock.instant());
            User created = users.find(c, request.username()).orElseThrow();
            audit.record(c, actor, "create", "user", created.username(), null, created);
            return created;
          }))
          .onSuccess(created -> Json.send(ctx, 201, created))
          .onFailure(ctx::fail);
    });
    router.put("/api/v1/users/:username").handler(ctx -> {
      String username = ctx.pathParam("username");
      UserRequests.UpdateUser request = Json.read(ctx, UserRequests.UpdateUser.class);
      String actor = AuthHandler.user(ctx).username();
      Future<String> hash = request.password() == null ? Future.succeededFuture(null)
          : vertx.executeBlocking(() -> Passwords.hash(request.password()), false);
      hash.compose(newHash -> db.transaction(c -> update(c, actor, username, request, newHash)))
          .onSuccess(updated -> Json.send(ctx, 200, updated))
          .onFailure(ctx::fail);
    });
  }

  private User update(Connection c, String actor, String username, UserRequests.UpdateUser request, String newHash)
      throws SQLException {
    User before = users.find(c, username).orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "no user " + username));
    if (request.roles() != null) {
      users.setRoles(c, username, EnumSet.copyOf(request.roles()));
    }
    if (request.disabled() != null) {
      users.setDisabled(c, username, request.disabled());
    }
    if (newHash != null) {
      users.setPasswordHash(c, username, newHash);
    }
    if (users.enabledAdmins(c) == 0) {
      throw Refusal.of(Kind.CONFLICT, "this would leave no enabled admin; nothing was changed");
    }
    if (newHash != null || Boolean.TRUE.equals(request.disabled())) {
      sessions.deleteAllOf(c, username);
    }
    User after = users.find(c, username).orElseThrow();
    audit.record(c, actor, newHash != null ? "update-with-password" : "update", "user", username, before, after);
    return after;
  }

}
