package io.gatecast.controller.fleet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import io.gatecast.controller.store.Sql;

/**
 * What screens refused, newest first. A refused message is kept once per screen and message id:
 * the same message refused again (re-delivered by the broker, refused at every restart, repeated
 * by a misbehaving clock) only counts up {@code repeats}, so one refusal cannot become thousands
 * of rows.
 */
public final class RejectionRepository {
  /** Stores the rejection; false when it repeats one already stored (same screen and message id). */
  public boolean record(Connection c, String screenId, RejectionRecord rejection) throws SQLException {
    int inserted = Sql.update(c, "INSERT INTO rejections (screen_id, received_at, topic, reason, detail, message_id) "
        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (screen_id, message_id) WHERE message_id IS NOT NULL DO NOTHING",
        screenId, rejection.receivedAt().toString(), rejection.topic(), rejection.reason(), rejection.detail(),
        rejection.messageId());
    if (inserted > 0) {
      return true;
    }
    Sql.update(c, "UPDATE rejections SET repeats = repeats + 1, last_received_at = ? WHERE screen_id = ? AND message_id = ?",
        rejection.receivedAt().toString(), screenId, rejection.messageId());
    return false;
  }

  public List<RejectionRecord> recent(Connection c, String screenId, int limit) throws SQLException {
    return Sql.list(c,
        "SELECT received_at, topic, reason, detail, message_id FROM rejections WHERE screen_id = ? ORDER BY id DESC LIMIT ?",
        row -> new RejectionRecord(Instant.parse(row.getString(1)), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5)),
        screenId, limit);
  }

  /** How often the message {@code messageId} was refused by {@code screenId} (0: never). */
  public int repeats(Connection c, String screenId, String messageId) throws SQLException {
    return Sql.one(c, "SELECT repeats FROM rejections WHERE screen_id = ? AND message_id = ?", row -> row.getInt(1),
        screenId, messageId).orElse(0);
  }
}
