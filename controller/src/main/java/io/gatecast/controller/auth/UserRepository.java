package io.gatecast.controller.auth;

import io.gatecast.controller.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users, their roles and password hashes. */
public final class UserRepository {
  public boolean any(Connection c) throws SQLException {
    return Sql.one(c, "SELECT 1 FROM users LIMIT 1", row -> true).isPresent();
  }

  public boolean exists(Connection c, String username) throws SQLException {
    return Sql.one(c, "SELECT 1 FROM users WHERE username = ?", row -> true, username).isPresent();
  }

  public void insert(Connection c, String username, String passwordHash, Set<Role> roles, Instant now)
      throws SQLException {
    Sql.update(c, "INSERT INTO users (username, password_hash, created_at) VALUES (?, ?, ?)", username, passwordHash,
        now.toString());
    setRoles(c, username, roles);
  }

  public void setRoles(Connection c, String username, Set<Role> roles) throws SQLException {
    Sql.update(c, "DELETE FROM user_roles WHERE username = ?", username);
    for (Role role : roles) {
      Sql.update(c, "INSERT INTO user_roles (username, role) VALUES (?, ?)", username, role.wireName());
    }
  }

  public void setPasswordHash(Connection c, String username, String passwordHash) throws SQLException {
    Sql.update(c, "UPDATE users SET password_hash = ? WHERE username = ?", passwordHash, username);
  }

  public void setDisabled(Connection c, String username, boolean disabled) throws SQLException {
    Sql.update(c, "UPDATE users SET disabled = ? WHERE username = ?", disabled ? 1 : 0, username);
  }

  public Optional<String> passwordHash(Connection c, String username) throws SQLException {
    return Sql.one(c, "SELECT password_hash FROM users WHERE username = ? AND disabled = 0", row -> row.getString(1),
        username);
  }

  public Optional<User> find(Connection c, String username) throws SQLException {
    Optional<Object[]> row = Sql.one(c, "SELECT username, disabled, created_at FROM users WHERE username = ?",
        r -> new Object[] {r.getString(1), r.getInt(2) == 1, Instant.parse(r.getString(3))}, username);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = row.get();
    return Optional.of(new User((String) r[0], roles(c, username), (Boolean) r[1], (Instant) r[2]));
  }

  public List<User> all(Connection c) throws SQLException {
    List<User> users = new ArrayList<>();
    for (String username : Sql.list(c, "SELECT username FROM users ORDER BY username", row -> row.getString(1))) {
      users.add(find(c, username).orElseThrow());
    }
    return users;
  }

  /** How many enabled admins there are: the last one may not be disabled or demoted. */
  public int enabledAdmins(Connection c) throws SQLException {
    return Sql.one(c, "SELECT count(*) FROM users u JOIN user_roles r ON r.username = u.username"
        + " WHERE r.role = 'admin' AND u.disabled = 0", row -> row.getInt(1)).orElse(0);
  }

  private Set<Role> roles(Connection c, String username) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : Sql.list(c, "SELECT role FROM user_roles WHERE username = ?", row -> row.getString(1), username)) {
      roles.add(Role.parse(role));
    }
    return roles;
  }
}
