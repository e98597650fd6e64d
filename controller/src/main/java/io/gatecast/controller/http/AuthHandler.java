package io.gatecast.controller.http;

import io.gatecast.controller.auth.AccessPolicy;
import io.gatecast.controller.auth.AccessPolicy.Access;
import io.gatecast.controller.auth.AccessPolicy.Rule;
import io.gatecast.controller.auth.Passwords;
import io.gatecast.controller.auth.SessionRepository;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.auth.UserRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one check in front of every {@code /api/} route: finds the call's row in
 * {@link AccessPolicy}, reads the bearer token, and lets the call through only if the row allows
 * its user. No row: 404. No or stale token: 401. Wrong role: 403 naming the roles that pass.
 * The user is then available to the route through {@link #user}.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  private static final String USER = "gatecast.user";
  private static final String TOKEN_HASH = "gatecast.tokenHash";
  private final Database db;
  private final Clock clock;
  private final SessionRepository sessions;
  private final UserRepository users;

  public AuthHandler(Database db, Clock clock, SessionRepository sessions, UserRepository users) {
    this.sessions = sessions;
    this.users = users;
    this.db = db;
    this.clock = clock;
  }

  /** The signed-in user of a call that passed this handler (fails for a public route). */
  public static User user(RoutingContext ctx) {
    User user = ctx.get(USER);
    if (user == null) {
      throw new IllegalStateException("no signed-in user on " + ctx.request().path());
    }
    return user;
  }

  public static String tokenHash(RoutingContext ctx) {
    return ctx.get(TOKEN_HASH);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String method = ctx.request().method().name();
    String path = ctx.normalizedPath();
    Optional<Rule> found = AccessPolicy.find(method, path);
    if (found.isEmpty()) {
      refuse(ctx, new Refusal(Refusal.Kind.NOT_FOUND, "NO_SUCH_API", "no such API: " + method + " " + path,
          Map.of("method", method, "path", path)));
      return;
    }
    Rule rule = found.get();
    if (rule.access() == Access.PUBLIC) {
      ctx.next();
      return;
    }
    String token = bearerToken(ctx);
    if (token == null) {
      refuse(ctx, new Refusal(Refusal.Kind.UNAUTHENTICATED, "SIGN_IN_REQUIRED",
          "sign in first: POST /api/v1/login, then send the token as 'Authorization: Bearer <token>'"));
      return;
    }
    // The body (an upload, a JSON document) must wait until the lookup decides; the body handler
    // or the upload route resumes it.
    ctx.request().pause();
    String tokenHash = Passwords.tokenHash(token);
    db.transaction(c -> {
      Optional<String> username = sessions.username(c, tokenHash, clock.instant());
      return username.isEmpty() ? Optional.<User>empty() : users.find(c, username.get());
    }).onSuccess(user -> {
      if (user.isEmpty()) {
        refuse(ctx, new Refusal(Refusal.Kind.UNAUTHENTICATED, "SESSION_ENDED",
            "the session has ended or the token is unknown; sign in again with POST /api/v1/login"));
      } else if (!rule.allows(user.get())) {
        List<String> has = user.get().roles().stream().map(r -> r.wireName()).sorted().toList();
        refuse(ctx, new Refusal(Refusal.Kind.FORBIDDEN, "ROLE_REQUIRED", method + " " + rule.path()
            + " needs one of the roles " + rule.allowedRoles() + "; " + user.get().username() + " has " + has,
            Map.of("roles", String.valueOf(rule.allowedRoles()), "has", has, "path", rule.path())));
      } else {
        ctx.put(USER, user.get());
        ctx.put(TOKEN_HASH, tokenHash);
        ctx.next();
      }
    }).onFailure(failure -> {
      ctx.request().resume();
      ctx.fail(failure);
    });
  }

  private static String bearerToken(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() || token.length() > 200 ? null : token;
  }

  /** Answers without reading the body: the unread body is discarded, not held. */
  private static void refuse(RoutingContext ctx, Refusal refused) {
    ctx.request().resume();
    if (refused.kind() == Refusal.Kind.UNAUTHENTICATED) {
      ctx.response().putHeader("www-authenticate", "Bearer");
    }
    Json.refusal(ctx, RefusalStatus.of(refused.kind()), refused);
  }
}
