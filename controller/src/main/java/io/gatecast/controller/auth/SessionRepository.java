package io.gatecast.controller.auth;

import io.gatecast.controller.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Login sessions, found by the SHA-256 of their bearer token. */
public final class SessionRepository {
  public void insert(Connection c, String tokenHash, String username, Instant now, Instant expiresAt)
      throws SQLException {
    Sql.update(c, "INSERT INTO sessions (token_sha256, username, created_at, expires_at) VALUES (?, ?, ?, ?)",
        tokenHash, username, now.toString(), expiresAt.toString());
  }

  /** The user of a live session: not expired, and the user not disabled. */
  public Optional<String> username(Connection c, String tokenHash, Instant now) throws SQLException {
    return Sql.one(c, "SELECT s.username FROM sessions s JOIN users u ON u.username = s.username"
        + " WHERE s.token_sha256 = ? AND s.expires_at > ? AND u.disabled = 0", row -> row.getString(1), tokenHash,
        now.toString());
  }

  public void delete(Connection c, String tokenHash) throws SQLException {
    Sql.update(c, "DELETE FROM sessions WHERE token_sha256 = ?", tokenHash);
  }

  /** Ends every session of the user (disabled, or their password changed). */
  public void deleteAllOf(Connection c, String username) throws SQLException {
    Sql.update(c, "DELETE FROM sessions WHERE username = ?", username);
  }

  public void deleteExpired(Connection c, Instant now) throws SQLException {
    Sql.update(c, "DELETE FROM sessions WHERE expires_at <= ?", now.toString());
  }
}
