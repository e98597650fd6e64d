package io.gatecast.controller.fleet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/** The last health figures of each screen and the history of its truths' changes. */
public final class HealthRepository {
  /** The last reported figures: the protocol's ScreenHealth as JSON, and when it came. */
  public record StoredHealth(String json, Instant reportedAt, String display) {}

  public void saveHealth(Connection c, String screenId, String healthJson, String display, Instant at) throws SQLException {
    Sql.update(c, "UPDATE screens SET health = ?, health_at = ?, display = ? WHERE id = ?",
        healthJson, at.toString(), display, screenId);
  }

  public Optional<StoredHealth> health(Connection c, String screenId) throws SQLException {
    return Sql.one(c, "SELECT health, health_at, display FROM screens WHERE id = ? AND health IS NOT NULL",
        row -> new StoredHealth(row.getString(1), Instant.parse(row.getString(2)), row.getString(3)), screenId);
  }

  /** How many screens' agents are ONLINE now. */
  public long countOnline(Connection c) throws SQLException {
    return Sql.one(c, "SELECT count(*) FROM screens WHERE state = 'ONLINE'", row -> row.getLong(1)).orElse(0L);
  }

  public void add(Connection c, HistoryEntry entry) throws SQLException {
    Sql.update(c, "INSERT INTO screen_history (screen_id, at_ms, aspect, value, detail) VALUES (?, ?, ?, ?, ?)",
        entry.screenId(), entry.at().toEpochMilli(), entry.aspect(), entry.value(), entry.detail());
  }

  /** The value of {@code aspect} after the last change at or before {@code at}; empty before any. */
  public Optional<String> valueAt(Connection c, String screenId, String aspect, Instant at) throws SQLException {
    return Sql.one(c, "SELECT value FROM screen_history WHERE screen_id = ? AND aspect = ? AND at_ms <= ?"
        + " ORDER BY at_ms DESC, id DESC LIMIT 1", row -> row.getString(1), screenId, aspect, at.toEpochMilli());
  }

  /** The latest value of a screen's aspect (parameters: screen id, aspect): one query, or a scalar subquery of one. */
  private static final String LAST_VALUE =
      "SELECT value FROM screen_history WHERE screen_id = ? AND aspect = ? ORDER BY at_ms DESC, id DESC LIMIT 1";

  /** The latest value of {@code aspect}, whenever it was recorded. */
  public Optional<String> lastValue(Connection c, String screenId, String aspect) throws SQLException {
    return Sql.one(c, LAST_VALUE, row -> row.getString(1), screenId, aspect);
  }

  /** A screen's last recorded agent state, display state and content state (null: never recorded). */
  public record LastTruths(String agent, String display, String content) {}

  /**
   * {@link #lastValue} of the agent, the display and the content in one statement: each heartbeat
   * needs all three, and at 10,000 heartbeats a second the statements themselves are the cost.
   */
  public LastTruths lastTruths(Connection c, String screenId) throws SQLException {
    return Sql.one(c, "SELECT (" + LAST_VALUE + "), (" + LAST_VALUE + "), (" + LAST_VALUE + ")",
        row -> new LastTruths(row.getString(1), row.getString(2), row.getString(3)),
        screenId, HistoryEntry.AGENT, screenId, HistoryEntry.DISPLAY, screenId, HistoryEntry.CONTENT)
        .orElseThrow();
  }

  /** When any truth of the screen last changed; empty before any change. */
  public Optional<Instant> lastChangeAt(Connection c, String screenId) throws SQLException {
    return Sql.one(c, "SELECT max(at_ms) FROM screen_history WHERE screen_id = ?",
        row -> row.getObject(1) == null ? null : Instant.ofEpochMilli(row.getLong(1)), screenId);
  }

  /** Changes with {@code from <= at < to}, oldest first, at most {@code limit}. */
  public List<HistoryEntry> between(Connection c, String screenId, Instant from, Instant to, int limit) throws SQLException {
    return Sql.list(c, "SELECT screen_id, at_ms, aspect, value, detail FROM screen_history"
            + " WHERE screen_id = ? AND at_ms >= ? AND at_ms < ? ORDER BY at_ms, id LIMIT ?",
        HealthRepository::map, screenId, from.toEpochMilli(), to.toEpochMilli(), limit);
  }

  private static HistoryEntry map(ResultSet row) throws SQLException {
    return new HistoryEntry(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(3), row.getString(4),
        row.getString(5));
  }
}
