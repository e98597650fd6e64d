package io.gatecast.controller.auth;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.SessionsEnded;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.throttle.LoginThrottle;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sign in (a bearer token whose hash is stored), sign out, and changing one's own password. The
 * rules: guessing is throttled before the slow hash runs (and a lock is audited); a wrong password
 * and an unknown user get the same refusal in the same time; a changed password ends every session
 * of the user. A session ended is told ({@link SessionsEnded}) once committed, so its event streams close.
 */
public final class SignInService {
  /** How long a token lasts: one working day, so a stolen token does not outlive the shift. */
  public static final Duration SESSION_TTL = Duration.ofHours(12);

  /** A new session: the token (shown this once; only its hash is stored), when it ends, and whose it is. */
  public record Session(String token, Instant expiresAt, User user) {}

  private final Database db;
  private final Clock clock;
  private final UserRepository users;
  private final SessionRepository sessions;
  private final LoginThrottle throttle;
  private final PasswordWork passwords;
  private final AuditLog audit;
  private final DomainEvents events;

  public SignInService(Database db, Clock clock, UserRepository users, SessionRepository sessions,
      LoginThrottle throttle, PasswordWork passwords, AuditLog audit, DomainEvents events) {
    this.db = db;
    this.clock = clock;
    this.users = users;
    this.sessions = sessions;
    this.throttle = throttle;
    this.passwords = passwords;
    this.audit = audit;
    this.events = events;
  }

  /**
   * Signs {@code username} in from {@code address}. A throttled attempt is refused at once
   * ({@code LOGIN_THROTTLED}, before any work); a wrong password fails with {@code LOGIN_FAILED}.
   */
  public Future<Session> signIn(String username, String password, String address) {
    // Refused before the slow hash runs: a burst of guesses costs next to nothing.
    Optional<LoginThrottle.Held> held = throttle.check(username, address);
    if (held.isPresent()) {
      return Future.failedFuture(throttled(held.get()));
    }
    return db.transaction(c -> users.passwordHash(c, username))
        .compose(hash -> passwords.matches(password, hash))
        .compose(ok -> ok ? newSession(username, address) : failed(username, address));
  }

  private Future<Session> failed(String username, String address) {
    List<LoginThrottle.Lock> locks = throttle.failed(username, address);
    Future<Void> audited = locks.isEmpty() ? Future.succeededFuture() : db.transaction(c -> {
      for (LoginThrottle.Lock lock : locks) {
        audit.record(c, username, "login-throttled", lock.scope() == LoginThrottle.Scope.ACCOUNT ? "user" : "address",
            lock.key(), null, Map.of("address", address, "failures", lock.failures(), "until", lock.until()));
      }
      return null;
    });
    return audited.compose(v -> Future.failedFuture(
        new Refusal(Refusal.Kind.UNAUTHENTICATED, "LOGIN_FAILED", "wrong username or password")));
  }

  private Future<Session> newSession(String username, String address) {
    throttle.succeeded(username, address);
    String token = Passwords.newToken();
    Instant now = clock.instant();
    Instant expires = now.plus(SESSION_TTL);
    return db.transaction(c -> {
      sessions.deleteExpired(c, now);
      sessions.insert(c, Passwords.tokenHash(token), username, now, expires);
      return new Session(token, expires, users.find(c, username).orElseThrow());
    });
  }

  /** Ends the session whose token has this hash. */
  public Future<Void> signOut(String tokenHash) {
    return db.transaction(c -> {
      sessions.delete(c, tokenHash);
      return (Void) null;
    }).onSuccess(v -> events.publish(SessionsEnded.one(tokenHash)));
  }

  /** Changes one's own password, given the current one; every device of the user signs in again. */
  public Future<Map<String, Object>> changeOwnPassword(String username, String currentPassword, String newPassword) {
    return db.transaction(c -> users.passwordHash(c, username))
        .compose(hash -> passwords.matches(currentPassword, hash))
        .compose(ok -> {
          if (!ok) {
            return Future.failedFuture(Refusal.badInput("CURRENT_PASSWORD_WRONG",
                "currentPassword is wrong; nothing was changed", Map.of("field", "currentPassword")));
          }
          return passwords.hash(newPassword);
        })
        .compose(newHash -> db.transaction(c -> {
          users.setPasswordHash(c, username, newHash);
          sessions.deleteAllOf(c, username);
          audit.record(c, username, "change-password", "user", username, null, null);
          return Map.<String, Object>of("username", username, "signedOut", true);
        }))
        .onSuccess(answer -> events.publish(SessionsEnded.allOf(username)));
  }

  private static Refusal throttled(LoginThrottle.Held held) {
    long seconds = Math.max(1, (held.retryAfter().toMillis() + 999) / 1000);
    String whose = held.scope() == LoginThrottle.Scope.ACCOUNT ? "this account" : "this address";
    return new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "LOGIN_THROTTLED", held.failures()
        + " wrong passwords for " + whose + "; try again in " + seconds + " seconds",
        Map.of("scope", held.scope().name().toLowerCase(Locale.ROOT), "retryAfterSeconds", seconds,
            "failures", held.failures()));
  }
}
