package io.gatecast.controller.publish;

import io.gatecast.controller.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Publishes and the deliveries each made, for the rollout view. */
public final class PublishRepository {
  public long insert(Connection c, String requestedBy, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO publishes (requested_by, requested_at) VALUES (?, ?)", requestedBy, now.toString());
    return Sql.one(c, "SELECT last_insert_rowid()", row -> row.getLong(1)).orElseThrow();
  }

  public Optional<Rollout.View> find(Connection c, long id) throws SQLException {
    Optional<Object[]> row = Sql.one(c, "SELECT requested_by, requested_at FROM publishes WHERE id = ?",
        r -> new Object[] {r.getString(1), Instant.parse(r.getString(2))}, id);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    List<Rollout.ScreenDelivery> screens = deliveries(c, id);
    return Optional.of(new Rollout.View(id, (String) row.get()[0], (Instant) row.get()[1], Rollout.Counts.of(screens),
        screens));
  }

  /** The newest publishes first, at most {@code limit}. */
  public List<Rollout.Summary> recent(Connection c, int limit) throws SQLException {
    List<Rollout.Summary> all = new ArrayList<>();
    for (Object[] r : Sql.list(c, "SELECT id, requested_by, requested_at FROM publishes ORDER BY id DESC LIMIT ?",
        row -> new Object[] {row.getLong(1), row.getString(2), Instant.parse(row.getString(3))}, limit)) {
      long id = (Long) r[0];
      all.add(new Rollout.Summary(id, (String) r[1], (Instant) r[2], Rollout.Counts.of(deliveries(c, id))));
    }
    return all;
  }

  private List<Rollout.ScreenDelivery> deliveries(Connection c, long publishId) throws SQLException {
    return Sql.list(c, "SELECT screen_id, version, outcome, error, sent_at, handed_at, answered_at FROM deliveries"
        + " WHERE publish_id = ? ORDER BY screen_id", PublishRepository::delivery, publishId);
  }

  private static Rollout.ScreenDelivery delivery(ResultSet row) throws SQLException {
    return new Rollout.ScreenDelivery(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
        instant(row.getString(5)), instant(row.getString(6)), instant(row.getString(7)));
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }
}
