package io.gatecast.controller.commands;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/** Commands per screen: each takes the screen's next sequence, so none is ever reused. */
public final class CommandRepository {
  private static final String COLUMNS = "screen_id, sequence, kind, duration_seconds, created_at, expires_at, status, detail,"
      + " attachment_sha256, answered_at";

  /** Takes the screen's next command sequence (stored at once: a number is never handed out twice). */
  public long nextSequence(Connection c, String screenId) throws SQLException {
    Sql.update(c, "UPDATE screens SET command_sequence = command_sequence + 1 WHERE id = ?", screenId);
    return Sql.one(c, "SELECT command_sequence FROM screens WHERE id = ?", row -> row.getLong(1), screenId).orElseThrow();
  }

  public void insert(Connection c, StoredCommand command) throws SQLException {
    Sql.update(c, "INSERT INTO screen_commands (screen_id, sequence, kind, duration_seconds, created_at, expires_at, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)", command.screenId(), command.sequence(), command.kind(),
        command.durationSeconds(), command.createdAt().toString(), command.expiresAt().toString(), command.status());
  }

  /**
   * Records the agent's answer to a command still waiting for one (or given up on as expired, or
   * whose publish the broker seemed to refuse: a late answer is still the truth). Returns false when there is no such command, it was already
   * answered, or the answer names another kind.
   */
  public boolean answer(Connection c, String screenId, long sequence, String kind, String status, String detail,
      String attachmentSha256, Instant at) throws SQLException {
    return Sql.update(c, "UPDATE screen_commands SET status = ?, detail = ?, attachment_sha256 = ?, answered_at = ?"
            + ", unsent = 0 WHERE screen_id = ? AND sequence = ? AND kind = ?"
            + " AND (status IN ('PENDING', 'EXPIRED') OR (status = 'FAILED' AND unsent = 1))",
        status, detail, attachmentSha256, at.toString(), screenId, sequence, kind) == 1;
  }

  /**
   * Marks a command the broker did not take FAILED and unsent: shown failed, it is still sent again
   * (see {@link #open}) until the broker takes it, it is answered or it expires. Only a command not
   * taken yet: one the broker took once stays PENDING when a later re-send fails.
   */
  public void failUnsent(Connection c, String screenId, long sequence, String detail, Instant at) throws SQLException {
    Sql.update(c, "UPDATE screen_commands SET status = 'FAILED', unsent = 1, detail = ?, answered_at = ?"
            + " WHERE screen_id = ? AND sequence = ? AND (status = 'PENDING' OR unsent = 1)",
        detail, at.toString(), screenId, sequence);
  }

  /** The broker took the command (again): PENDING, waiting for the agent's answer. */
  public void taken(Connection c, String screenId, long sequence) throws SQLException {
    Sql.update(c, "UPDATE screen_commands SET status = 'PENDING', unsent = 0, detail = NULL, answered_at = NULL"
        + " WHERE screen_id = ? AND sequence = ? AND unsent = 1", screenId, sequence);
  }

  /**
   * The screen's commands that may have to go out again, oldest first: unanswered (PENDING) or
   * never taken by the broker (FAILED: only such a one is open while FAILED), and not expired.
   */
  public List<StoredCommand> open(Connection c, String screenId, Instant now) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM screen_commands WHERE screen_id = ? AND (status = 'PENDING' OR unsent = 1)"
        + " AND expires_at > ? ORDER BY sequence", CommandRepository::map, screenId, now.toString());
  }

  /** The screens with commands that may have to go out again (see {@link #open}). */
  public List<String> screensWithOpen(Connection c, Instant now) throws SQLException {
    return Sql.list(c, "SELECT DISTINCT screen_id FROM screen_commands WHERE (status = 'PENDING' OR unsent = 1)"
        + " AND expires_at > ?", row -> row.getString(1), now.toString());
  }

  /** Commands unanswered past their expiry become EXPIRED: the agent refuses them after that. */
  public void expire(Connection c, Instant now) throws SQLException {
    Sql.update(c, "UPDATE screen_commands SET status = 'EXPIRED' WHERE status = 'PENDING' AND expires_at < ?", now.toString());
    // Past its expiry a command the broker never took is failed for good: the agent would refuse it.
    Sql.update(c, "UPDATE screen_commands SET unsent = 0 WHERE unsent = 1 AND expires_at < ?", now.toString());
  }

  public Optional<StoredCommand> find(Connection c, String screenId, long sequence) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM screen_commands WHERE screen_id = ? AND sequence = ?",
        CommandRepository::map, screenId, sequence);
  }

  /** The screen's commands, newest first. */
  public List<StoredCommand> recent(Connection c, String screenId, int limit) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM screen_commands WHERE screen_id = ? ORDER BY sequence DESC LIMIT ?",
        CommandRepository::map, screenId, limit);
  }

  /** Whether the screen has a SCREENSHOT command not yet answered: only then may it upload a picture. */
  public boolean awaitsScreenshot(Connection c, String screenId) throws SQLException {
    // An unsent one too: a publish that timed out may still have reached the agent.
    return Sql.one(c, "SELECT 1 FROM screen_commands WHERE screen_id = ? AND kind = 'SCREENSHOT'"
        + " AND (status IN ('PENDING', 'EXPIRED') OR unsent = 1) LIMIT 1", row -> true, screenId).isPresent();
  }

  private static StoredCommand map(ResultSet row) throws SQLException {
    String answered = row.getString("answered_at");
    Long duration = Sql.nullableLong(row, "duration_seconds");
    return new StoredCommand(row.getString("screen_id"), row.getLong("sequence"), row.getString("kind"),
        duration == null ? null : duration.intValue(), Instant.parse(row.getString("created_at")),
        Instant.parse(row.getString("expires_at")), row.getString("status"), row.getString("detail"),
        row.getString("attachment_sha256"), answered == null ? null : Instant.parse(answered));
  }
}
