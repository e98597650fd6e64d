package io.gatecast.controller.auth;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.SessionsEnded;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * User management, for admins: create, list, change roles, password, disabled. The rules: a username
 * is taken once; users are never deleted (the audit log names them); there is always an enabled
 * admin; a new password or a disabled account ends the user's sessions (and, once committed, the event
 * streams they opened: {@link SessionsEnded}). Passwords are hashed off the event loop before the transaction.
 */
public final class UserService {
  /** What an admin changes; a null field is left as it is. */
  public record Change(Set<Role> roles, String password, Boolean disabled) {}

  private final Database db;
  private final Clock clock;
  private final UserRepository users;
  private final SessionRepository sessions;
  private final PasswordWork passwords;
  private final AuditLog audit;
  private final DomainEvents events;

  public UserService(Database db, Clock clock, UserRepository users, SessionRepository sessions,
      PasswordWork passwords, AuditLog audit, DomainEvents events) {
    this.db = db;
    this.clock = clock;
    this.users = users;
    this.sessions = sessions;
    this.passwords = passwords;
    this.audit = audit;
    this.events = events;
  }

  public Future<List<User>> all() {
    return db.transaction(users::all);
  }

  public Future<User> find(String username) {
    return db.transaction(c -> users.find(c, username).orElseThrow(() -> noUser(username)));
  }

  public Future<User> create(String actor, String username, String password, Set<Role> roles) {
    return passwords.hash(password).compose(hash -> db.transaction(c -> {
      if (users.exists(c, username)) {
        throw Refusal.conflict("USER_EXISTS", "a user named " + username + " already exists",
            Map.of("field", "username", "value", username));
      }
      users.insert(c, username, hash, roles, clock.instant());
      User created = users.find(c, username).orElseThrow();
      audit.record(c, actor, "create", "user", created.username(), null, created);
      return created;
    }));
  }

  /** Changes a user, all or nothing: a change that would leave no enabled admin is refused whole. */
  public Future<User> update(String actor, String username, Change change) {
    Future<String> hash = change.password() == null ? Future.succeededFuture(null) : passwords.hash(change.password());
    return hash.compose(newHash -> db.transaction(c -> update(c, actor, username, change, newHash)))
        .onSuccess(after -> {
          if (endsSessions(change)) {
            events.publish(SessionsEnded.allOf(username));
          }
        });
  }

  private static boolean endsSessions(Change change) {
    return change.password() != null || Boolean.TRUE.equals(change.disabled());
  }

  private User update(Connection c, String actor, String username, Change change, String newHash) throws SQLException {
    User before = users.find(c, username).orElseThrow(() -> noUser(username));
    if (change.roles() != null) {
      users.setRoles(c, username, change.roles());
    }
    if (change.disabled() != null) {
      users.setDisabled(c, username, change.disabled());
    }
    if (newHash != null) {
      users.setPasswordHash(c, username, newHash);
    }
    if (users.enabledAdmins(c) == 0) {
      // Thrown inside the transaction: the writes above are rolled back.
      throw Refusal.of(Kind.CONFLICT, "this would leave no enabled admin; nothing was changed");
    }
    if (endsSessions(change)) {
      sessions.deleteAllOf(c, username);
    }
    User after = users.find(c, username).orElseThrow();
    audit.record(c, actor, newHash != null ? "update-with-password" : "update", "user", username, before, after);
    return after;
  }

  private static Refusal noUser(String username) {
    return Refusal.of(Kind.NOT_FOUND, "no user " + username);
  }
}
