package io.gatecast.controller.auth;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.SessionsEnded;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * User management on a real SQLite file, without a controller: names are taken once, there is
 * always an enabled admin, a new password or a disabled account ends the sessions, and every change
 * is audited.
 */
class UserServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final String PASSWORD = "correct horse battery";

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private final UserRepository users = new UserRepository();
  private final SessionRepository sessions = new SessionRepository();
  private final List<SessionsEnded> ended = new CopyOnWriteArrayList<>();
  private UserService service;

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    DomainEvents events = new DomainEvents();
    events.subscribe(SessionsEnded.class, ended::add);
    service = new UserService(db, clock, users, sessions, new PasswordWork(database.vertx()), new AuditLog(clock),
        events);
    await(service.create("system", "admin", PASSWORD, Set.of(Role.ADMIN)));
  }

  @Test
  void aUserIsCreatedOnceWithAHashedPasswordAndAudited() {
    User created = await(service.create("admin", "lan", PASSWORD, EnumSet.of(Role.CONTRIBUTOR, Role.OPERATOR)));

    assertEquals("lan", created.username());
    assertEquals(EnumSet.of(Role.CONTRIBUTOR, Role.OPERATOR), created.roles());
    Optional<String> hash = await(db.transaction(c -> users.passwordHash(c, "lan")));
    assertTrue(Passwords.matches(PASSWORD, hash.orElseThrow()), "the stored hash checks the password");
    assertFalse(hash.get().contains(PASSWORD));
    Refusal again = refused(service.create("admin", "lan", "another long password", Set.of(Role.ADMIN)));
    assertEquals(Refusal.Kind.CONFLICT, again.kind());
    assertEquals("USER_EXISTS", again.code());
    assertEquals(EnumSet.of(Role.CONTRIBUTOR, Role.OPERATOR), await(service.find("lan")).roles(), "the first one stays");
    assertEquals(List.of("admin", "lan"), await(service.all()).stream().map(User::username).toList());
    assertEquals(List.of("create"), actionsOn("lan"));
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertEquals("NOT_FOUND", refused(service.find("nobody")).code());
    assertEquals("NOT_FOUND", refused(service.update("admin", "nobody", new UserService.Change(null, null, true))).code());
  }

  @Test
  void theLastEnabledAdminCannotBeDemotedOrDisabledAndNothingIsChanged() {
    Refusal demoted = refused(service.update("admin", "admin",
        new UserService.Change(EnumSet.of(Role.VIEWER), "a brand new password", null)));
    assertEquals(Refusal.Kind.CONFLICT, demoted.kind());
    assertEquals("CONFLICT", demoted.code());
    assertEquals("CONFLICT", refused(service.update("admin", "admin", new UserService.Change(null, null, true))).code());

    User admin = await(service.find("admin"));
    assertEquals(EnumSet.of(Role.ADMIN), admin.roles(), "a refused change is rolled back whole");
    assertFalse(admin.disabled());
    assertTrue(Passwords.matches(PASSWORD, await(db.transaction(c -> users.passwordHash(c, "admin"))).orElseThrow()));

    await(service.create("admin", "deputy", PASSWORD, Set.of(Role.ADMIN)));
    assertEquals(EnumSet.of(Role.VIEWER),
        await(service.update("admin", "admin", new UserService.Change(EnumSet.of(Role.VIEWER), null, null))).roles(),
        "with another admin enabled, the first may step down");
    assertEquals(List.of("update", "create"), actionsOn("admin"));
    assertEquals(List.of(), ended, "a refused change ends no session");
  }

  @Test
  void aNewPasswordOrADisabledAccountEndsTheSessionsAndARoleChangeDoesNot() {
    await(service.create("admin", "lan", PASSWORD, Set.of(Role.CONTRIBUTOR)));
    signIn("lan", "token-1");
    await(service.update("admin", "lan", new UserService.Change(EnumSet.of(Role.VIEWER), null, null)));
    assertTrue(signedIn("token-1"), "a role change keeps the session");
    assertEquals(List.of(), ended);

    await(service.update("admin", "lan", new UserService.Change(null, "a brand new password", null)));
    assertFalse(signedIn("token-1"));
    assertEquals(List.of(SessionsEnded.allOf("lan")), ended, "told once committed, so the user's streams close");
    assertTrue(Passwords.matches("a brand new password",
        await(db.transaction(c -> users.passwordHash(c, "lan"))).orElseThrow()));

    signIn("lan", "token-2");
    assertTrue(await(service.update("admin", "lan", new UserService.Change(null, null, true))).disabled());
    assertFalse(signedIn("token-2"));
    assertEquals(List.of(SessionsEnded.allOf("lan"), SessionsEnded.allOf("lan")), ended);
    assertEquals(List.of("update", "update-with-password", "update", "create"), actionsOn("lan"));
  }

  private void signIn(String username, String token) {
    await(db.transaction(c -> {
      sessions.insert(c, Passwords.tokenHash(token), username, NOW, NOW.plusSeconds(3600));
      return null;
    }));
  }

  private boolean signedIn(String token) {
    return await(db.transaction(c -> sessions.username(c, Passwords.tokenHash(token), NOW))).isPresent();
  }

  private List<String> actionsOn(String username) {
    return await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, "user", username, 50)))
        .stream().map(AuditEntry::action).toList();
  }
}
