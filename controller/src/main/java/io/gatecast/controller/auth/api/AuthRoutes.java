package io.gatecast.controller.auth.api;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.auth.Passwords;
import io.gatecast.controller.auth.SessionRepository;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.auth.UserRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.throttle.LoginThrottle;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/** Sign in (a bearer token), sign out, who am I, and changing one's own password. */
public final class AuthRoutes {
  /** How long a token lasts: one working day, so a stolen token does not outlive the shift. */
  static final Duration SESSION_TTL = Duration.ofHours(12);
  /**
   * Hashed once, on first use off the event loop (a holder class): an unknown username costs as
   * much time as a wrong password, so timing tells nothing.
   */
  private static final class DummyHash {
    static final String VALUE = Passwords.hash(Passwords.generate());
  }

  public record SessionView(String token, Instant expiresAt, User user) {}

  private final Vertx vertx;
  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final UserRepository users = new UserRepository();
  private final SessionRepository sessions = new SessionRepository();
  private final LoginThrottle throttle;
  /** Checks run on at most this many threads: a burst of sign-ins cannot take every core from the rest. */
  private static final int PASSWORD_WORKERS = 2;
  private final WorkerExecutor passwordWorkers;

  public AuthRoutes(Vertx vertx, Database db, Clock clock, AuditLog audit) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.audit = audit;
    this.throttle = new LoginThrottle(clock);
    this.passwordWorkers = vertx.createSharedWorkerExecutor("gatecast-password-checks", PASSWORD_WORKERS);
  }

  public void mount(Router router) {
    router.post("/api/v1/login").handler(ctx -> {
      UserRequests.Login login = Json.read(ctx, UserRequests.Login.class);
      String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
      // Refused before the slow hash runs: a burst of guesses costs next to nothing.
      throttle.check(login.username(), address).ifPresent(held -> {
        throw throttled(held);
      });
      db.transaction(c -> users.passwordHash(c, login.username()))
          .compose(hash -> verify(login.password(), hash))
          .compose(ok -> {
            if (!ok) {
              List<LoginThrottle.Lock> locks = throttle.failed(login.username(), address);
              Future<Void> audited = locks.isEmpty() ? Future.succeededFuture() : db.transaction(c -> {
                for (LoginThrottle.Lock lock : locks) {
                  audit.record(c, login.username(), "login-throttled",
                      lock.scope() == LoginThrottle.Scope.ACCOUNT ? "user" : "address", lock.key(), null,
                      Map.of("address", address, "failures", lock.failures(), "until", lock.until()));
                }
                return null;
              });
              return audited.compose(v -> Future.failedFuture(new Refusal(Refusal.Kind.UNAUTHENTICATED, "LOGIN_FAILED", "wrong username or password")));
            }
            throttle.succeeded(login.username(), address);
            String token = Passwords.newToken();
            Instant now = clock.instant();
            Instant expires = now.plus(SESSION_TTL);
            return db.transaction(c -> {
              sessions.deleteExpired(c, now);
              sessions.insert(c, Passwords.tokenHash(token), login.username(), now, expires);
              return new SessionView(token, expires, users.find(c, login.username()).orElseThrow());
            });
          })
          .onSuccess(session -> Json.send(ctx, 200, session))
          .onFailure(ctx::fail);
    });
    router.post("/api/v1/logout").handler(ctx -> db.transaction(c -> {
      sessions.delete(c, AuthHandler.tokenHash(ctx));
      return null;
    }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
    router.get("/api/v1/me").handler(ctx -> Json.send(ctx, 200, AuthHandler.user(ctx)));
    router.post("/api/v1/me/password").handler(ctx -> {
      UserRequests.ChangePassword change = Json.read(ctx, UserRequests.ChangePassword.class);
      String username = AuthHandler.user(ctx).username();
      db.transaction(c -> users.passwordHash(c, username))
          .compose(hash -> verify(change.currentPassword(), hash))
          .compose(ok -> {
            if (!ok) {
              return Future.failedFuture(Refusal.badInput("CURRENT_PASSWORD_WRONG", "currentPassword is wrong; nothing was changed",
                  Map.of("field", "currentPassword")));
            }
            return vertx.executeBlocking(() -> Passwords.hash(change.newPassword()), false);
          })
          .compose(newHash -> db.transaction(c -> {
            users.setPasswordHash(c, username, newHash);
            sessions.deleteAllOf(c, username); // every device signs in again with the new password
            audit.record(c, username, "change-password", "user", username, null, null);
            return Map.of("username", username, "signedOut", true);
          }))
          .onSuccess(body -> Json.send(ctx, 200, body))
          .onFailure(ctx::fail);
    });
  }

  private static Refusal throttled(LoginThrottle.Held held) {
    long seconds = Math.max(1, (held.retryAfter().toMillis() + 999) / 1000);
    String whose = held.scope() == LoginThrottle.Scope.ACCOUNT ? "this account" : "this address";
    return new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "LOGIN_THROTTLED", held.failures()
        + " wrong passwords for " + whose + "; try again in " + seconds + " seconds",
        Map.of("scope", held.scope().name().toLowerCase(java.util.Locale.ROOT), "retryAfterSeconds", seconds,
            "failures", held.failures()));
  }

  /**
   * Checks a password on the password workers, never the event loop; a missing user is checked
   * against a dummy hash, in the same time.
   */
  private Future<Boolean> verify(String password, Optional<String> hash) {
    return passwordWorkers.executeBlocking(() -> {
      boolean matches = Passwords.matches(password, hash.orElseGet(() -> DummyHash.VALUE));
      return matches && hash.isPresent();
    }, false);
  }
}
