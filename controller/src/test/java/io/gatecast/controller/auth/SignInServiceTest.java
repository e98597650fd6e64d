package io.gatecast.controller.auth;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.SessionsEnded;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.throttle.LoginThrottle;
import io.gatecast.testkit.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in on a real SQLite file, without a controller: sessions stored by their token's hash, one
 * refusal for a wrong password and an unknown user, guessing throttled and audited, a changed
 * password ending every session.
 */
class SignInServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final String PASSWORD = "correct horse battery";
  private static final String ADDRESS = "192.0.2.7";

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private final MovableClock clock = new MovableClock(NOW);
  private final SessionRepository sessions = new SessionRepository();
  private Database db;
  private final List<SessionsEnded> ended = new CopyOnWriteArrayList<>();
  private SignInService service;

  @BeforeEach
  void open() {
    db = database.db();
    UserRepository users = new UserRepository();
    DomainEvents events = new DomainEvents();
    events.subscribe(SessionsEnded.class, ended::add);
    service = new SignInService(db, clock, users, sessions, new LoginThrottle(clock),
        new PasswordWork(database.vertx()), new AuditLog(clock), events);
    await(db.transaction(c -> {
      users.insert(c, "lan", Passwords.hash(PASSWORD), Set.of(Role.OPERATOR), NOW);
      return null;
    }));
  }

  @Test
  void aRightPasswordGivesATokenWhoseHashIsTheStoredSessionAndSignOutEndsIt() {
    SignInService.Session session = await(service.signIn("lan", PASSWORD, ADDRESS));

    assertEquals("lan", session.user().username());
    assertEquals(NOW.plus(SignInService.SESSION_TTL), session.expiresAt());
    String hash = Passwords.tokenHash(session.token());
    assertNotEquals(session.token(), hash);
    assertEquals("lan", await(db.transaction(c -> sessions.username(c, hash, NOW))).orElseThrow());

    await(service.signOut(hash));
    assertTrue(await(db.transaction(c -> sessions.username(c, hash, NOW))).isEmpty());
    assertEquals(List.of(SessionsEnded.one(hash)), ended, "told once committed, so that session's streams close");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameRefusal() {
    Refusal wrong = refused(service.signIn("lan", "not the password", ADDRESS));
    Refusal unknown = refused(service.signIn("nobody", PASSWORD, ADDRESS));

    assertEquals(Refusal.Kind.UNAUTHENTICATED, wrong.kind());
    assertEquals("LOGIN_FAILED", wrong.code());
    assertEquals(wrong.code(), unknown.code());
    assertEquals(wrong.getMessage(), unknown.getMessage());
  }

  @Test
  void guessingIsHeldBackWithTheWaitAndTheLockIsAudited() {
    for (int i = 0; i < LoginThrottle.FREE_PER_ACCOUNT + 1; i++) {
      assertEquals("LOGIN_FAILED", refused(service.signIn("lan", "guess " + i, ADDRESS)).code());
    }

    Refusal held = refused(service.signIn("lan", PASSWORD, ADDRESS));
    assertEquals(Refusal.Kind.TOO_MANY_REQUESTS, held.kind());
    assertEquals("LOGIN_THROTTLED", held.code());
    assertEquals(Map.of("scope", "account", "retryAfterSeconds", 1L, "failures", LoginThrottle.FREE_PER_ACCOUNT + 1),
        held.details());
    List<String> audited = await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, "user", "lan", 50)))
        .stream().map(AuditEntry::action).toList();
    assertEquals(List.of("login-throttled"), audited);

    clock.advance(Duration.ofSeconds(1));
    assertEquals("lan", await(service.signIn("lan", PASSWORD, ADDRESS)).user().username(), "the wait is over");
  }

  @Test
  void changingOnesPasswordNeedsTheCurrentOneAndEndsEverySession() {
    String token = await(service.signIn("lan", PASSWORD, ADDRESS)).token();

    Refusal wrong = refused(service.changeOwnPassword("lan", "not the password", "a brand new password"));
    assertEquals(Refusal.Kind.BAD_INPUT, wrong.kind());
    assertEquals("CURRENT_PASSWORD_WRONG", wrong.code());
    assertEquals("currentPassword", wrong.details().get("field"));
    assertTrue(signedIn(token), "a refused change changes nothing");
    assertEquals(List.of(), ended);

    assertEquals(Map.of("username", "lan", "signedOut", true),
        await(service.changeOwnPassword("lan", PASSWORD, "a brand new password")));
    assertFalse(signedIn(token));
    assertEquals(List.of(SessionsEnded.allOf("lan")), ended);
    assertEquals("LOGIN_FAILED", refused(service.signIn("lan", PASSWORD, ADDRESS)).code());
    await(service.signIn("lan", "a brand new password", ADDRESS));
  }

  private boolean signedIn(String token) {
    return await(db.transaction(c -> sessions.username(c, Passwords.tokenHash(token), clock.instant()))).isPresent();
  }
}
