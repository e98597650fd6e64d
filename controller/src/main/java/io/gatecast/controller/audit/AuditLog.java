package io.gatecast.controller.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.store.Sql;
import io.gatecast.protocol.Codec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The append-only record of every change. {@link #record} is called inside the transaction that
 * makes the change, so a change and its entry commit together or not at all. There is no update
 * or delete here, and the table's triggers refuse them anyway.
 */
public final class AuditLog {
  /** Most entries one read returns. */
  public static final int MAX_PAGE = 500;
  private final Clock clock;

  public AuditLog(Clock clock) {
    this.clock = clock;
  }

  /** Records that {@code actor} did {@code action} to a subject; {@code before}/{@code after} are written as JSON. */
  public void record(Connection c, String actor, String action, String subjectType, String subjectId, Object before,
      Object after) throws SQLException {
    Sql.update(c, "INSERT INTO audit_log (at, actor, action, subject_type, subject_id, before_json, after_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        clock.instant().toString(), actor, action, subjectType, subjectId, json(before), json(after));
  }

  /**
   * Entries newest first, at most {@code limit}, older than {@code beforeId} when given, and only of
   * one subject type / id when given.
   */
  public List<AuditEntry> read(Connection c, Long beforeId, String subjectType, String subjectId, int limit)
      throws SQLException {
    return Sql.list(c, "SELECT id, at, actor, action, subject_type, subject_id, before_json, after_json FROM audit_log"
            + " WHERE (? IS NULL OR id < ?) AND (? IS NULL OR subject_type = ?) AND (? IS NULL OR subject_id = ?)"
            + " ORDER BY id DESC LIMIT ?",
        AuditLog::map, beforeId, beforeId, subjectType, subjectType, subjectId, subjectId, limit);
  }

  private static AuditEntry map(ResultSet row) throws SQLException {
    return new AuditEntry(row.getLong(1), java.time.Instant.parse(row.getString(2)), row.getString(3), row.getString(4),
        row.getString(5), row.getString(6), tree(row.getString(7)), tree(row.getString(8)));
  }

  private static String json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Codec.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an audit entry: " + e.getMessage(), e);
    }
  }

  private static JsonNode tree(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Codec.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable audit entry: " + e.getMessage(), e);
    }
  }
}
