package io.gatecast.controller.fleet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/** Each screen's clock offset as the controller last measured it (table {@code screen_clocks}). */
public final class ScreenClockRepository {
  /** The controller's clock minus the screen's, in ms, measured at {@code measuredAt} (controller time). */
  public record ScreenClock(long offsetMillis, Instant measuredAt, Instant sentAt) {}

  /** @param sentAt the measured heartbeat's own stamp (screen time) */
  public void save(Connection c, String screenId, long offsetMillis, Instant measuredAt, Instant sentAt)
      throws SQLException {
    Sql.update(c, "INSERT INTO screen_clocks (screen_id, offset_ms, measured_at, sent_at) VALUES (?, ?, ?, ?) "
        + "ON CONFLICT (screen_id) DO UPDATE SET offset_ms = excluded.offset_ms, measured_at = excluded.measured_at,"
        + " sent_at = excluded.sent_at", screenId, offsetMillis, measuredAt.toString(), sentAt.toString());
  }

  public Optional<ScreenClock> find(Connection c, String screenId) throws SQLException {
    return Sql.one(c, "SELECT offset_ms, measured_at, sent_at FROM screen_clocks WHERE screen_id = ?",
        row -> new ScreenClock(row.getLong(1), Instant.parse(row.getString(2)), Instant.parse(row.getString(3))),
        screenId);
  }
}
