package io.gatecast.controller.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** What was sent to each screen and what its agent answered. */
public final class DeliveryRepository {
  public void recordSent(Connection c, String screenId, long version, Instant sentAt) throws SQLException {
    Sql.update(c, "INSERT INTO deliveries (screen_id, version, sent_at) VALUES (?, ?, ?)",
        screenId, version, sentAt.toString());
  }

  /** Records the agent's answer; returns false when no such delivery was sent. */
  public boolean recordAnswer(Connection c, String screenId, long version, String outcome, String error,
      Instant answeredAt) throws SQLException {
    return Sql.update(c,
        "UPDATE deliveries SET outcome = ?, error = ?, answered_at = ? WHERE screen_id = ? AND version = ?",
        outcome, error, answeredAt.toString(), screenId, version) == 1;
  }

  /** When a version was sent to a screen; empty if it never was. */
  public Optional<Instant> sentAt(Connection c, String screenId, long version) throws SQLException {
    return Sql.one(c, "SELECT sent_at FROM deliveries WHERE screen_id = ? AND version = ?",
        row -> Instant.parse(row.getString(1)), screenId, version);
  }

  /** The newest delivery to a screen, if any was sent. */
  public Optional<Delivery> latest(Connection c, String screenId) throws SQLException {
    return Sql.one(c,
        "SELECT version, outcome, error FROM deliveries WHERE screen_id = ? ORDER BY version DESC LIMIT 1",
        row -> new Delivery(row.getLong(1), row.getString(2), row.getString(3)), screenId);
  }
}
