package io.gatecast.controller.enrollment;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/**
 * Pairing codes of agents waiting to be enrolled. Expiry is compared in Java, not in SQL: instants
 * are stored as ISO text, whose varying fraction digits do not sort as time. The table is small
 * (the API caps the codes waiting at once).
 */
public final class EnrollmentRepository {
  private static final String COLUMNS = "code, secret_sha256, created_at, expires_at, screen_id, assigned_at, picked_up_at";

  public void insert(Connection c, String code, String secretSha256, Instant now, Instant expiresAt) throws SQLException {
    Sql.update(c, "INSERT INTO enrollments (code, secret_sha256, created_at, expires_at) VALUES (?, ?, ?, ?)",
        code, secretSha256, now.toString(), expiresAt.toString());
  }

  public Optional<Enrollment> find(Connection c, String code) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM enrollments WHERE code = ?", EnrollmentRepository::map, code);
  }

  /** Enrollments not yet expired, oldest first. */
  public List<Enrollment> current(Connection c, Instant now) throws SQLException {
    return all(c).stream().filter(e -> !e.expiredAt(now))
        .sorted(Comparator.comparing(Enrollment::createdAt).thenComparing(Enrollment::code)).toList();
  }

  /** How many codes wait for an operator. */
  public long waiting(Connection c, Instant now) throws SQLException {
    return current(c, now).stream().filter(e -> e.state() == Enrollment.State.WAITING).count();
  }

  /** Forgets one code (an operator cleared it). */
  public void delete(Connection c, String code) throws SQLException {
    Sql.update(c, "DELETE FROM enrollments WHERE code = ?", code);
  }

  /** Forgets expired enrollments; their codes may then be registered again. */
  public int deleteExpired(Connection c, Instant now) throws SQLException {
    int deleted = 0;
    for (Enrollment expired : all(c).stream().filter(e -> e.expiredAt(now)).toList()) {
      deleted += Sql.update(c, "DELETE FROM enrollments WHERE code = ?", expired.code());
    }
    return deleted;
  }

  private List<Enrollment> all(Connection c) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM enrollments", EnrollmentRepository::map);
  }

  /** Assigns a waiting code to a screen, giving the agent until {@code expiresAt} to pick it up. */
  public void assign(Connection c, String code, String screenId, Instant now, Instant expiresAt) throws SQLException {
    Sql.update(c, "UPDATE enrollments SET screen_id = ?, assigned_at = ?, expires_at = ? WHERE code = ?",
        screenId, now.toString(), expiresAt.toString(), code);
  }

  public void pickedUp(Connection c, String code, Instant now) throws SQLException {
    Sql.update(c, "UPDATE enrollments SET picked_up_at = coalesce(picked_up_at, ?) WHERE code = ?", now.toString(), code);
  }

  private static Enrollment map(ResultSet row) throws SQLException {
    return new Enrollment(row.getString("code"), row.getString("secret_sha256"), instant(row, "created_at"),
        instant(row, "expires_at"), row.getString("screen_id"), instant(row, "assigned_at"),
        instant(row, "picked_up_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    return value == null ? null : Instant.parse(value);
  }
}
