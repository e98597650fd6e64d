package io.gatecast.controller.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** What screens refused, newest first. */
public final class RejectionRepository {
  public void record(Connection c, String screenId, RejectionRecord rejection) throws SQLException {
    Sql.update(c, "INSERT INTO rejections (screen_id, received_at, topic, reason, detail, message_id) VALUES (?, ?, ?, ?, ?, ?)",
        screenId, rejection.receivedAt().toString(), rejection.topic(), rejection.reason(), rejection.detail(),
        rejection.messageId());
  }

  public List<RejectionRecord> recent(Connection c, String screenId, int limit) throws SQLException {
    return Sql.list(c,
        "SELECT received_at, topic, reason, detail, message_id FROM rejections WHERE screen_id = ? ORDER BY id DESC LIMIT ?",
        row -> new RejectionRecord(Instant.parse(row.getString(1)), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5)),
        screenId, limit);
  }
}
