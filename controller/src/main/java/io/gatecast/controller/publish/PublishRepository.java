package io.gatecast.controller.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gatecast.controller.store.Sql;
import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publishes, how far each got, and the deliveries each made, for the rollout view. */
public final class PublishRepository {
  private static final String COLUMNS = "id, requested_by, requested_at, state, planned, withheld, finished_at,"
      + " stopped_reason";
  private static final TypeReference<Map<String, List<String>>> WITHHELD = new TypeReference<>() {};

  /** A new publish, QUEUED until its turn comes. */
  public long insert(Connection c, String requestedBy, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO publishes (requested_by, requested_at, state) VALUES (?, ?, ?)", requestedBy,
        now.toString(), Rollout.State.QUEUED.name());
    return Sql.one(c, "SELECT last_insert_rowid()", row -> row.getLong(1)).orElseThrow();
  }

  /** Planned: {@code planned} screens change; {@code withheld} items were held back. Now SENDING. */
  public void planned(Connection c, long id, int planned, Map<String, List<String>> withheld) throws SQLException {
    String json;
    try {
      json = Codec.mapper().writeValueAsString(withheld); // not Codec.encode: no wire size limit on a stored list
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Sql.update(c, "UPDATE publishes SET state = ?, planned = ?, withheld = ? WHERE id = ?",
        Rollout.State.SENDING.name(), planned, json, id);
  }

  /** Every planned screen recorded and handed to the broker (or failed). */
  public void finished(Connection c, long id, Instant now) throws SQLException {
    Sql.update(c, "UPDATE publishes SET state = ?, finished_at = ? WHERE id = ?", Rollout.State.DONE.name(),
        now.toString(), id);
  }

  /** At start: the publishes a stopped controller left unfinished. Returns how many. */
  public int interruptUnfinished(Connection c, Instant now) throws SQLException {
    return Sql.update(c, "UPDATE publishes SET state = ?, finished_at = ?, stopped_reason = ? WHERE state IN (?, ?)",
        Rollout.State.INTERRUPTED.name(), now.toString(), "the controller stopped before the publish was finished",
        Rollout.State.QUEUED.name(), Rollout.State.SENDING.name());
  }

  /** The publish stopped before DONE, for {@code reason} (the broker did not confirm in time, an error). */
  public void stopped(Connection c, long id, Instant now, String reason) throws SQLException {
    Sql.update(c, "UPDATE publishes SET state = ?, finished_at = ?, stopped_reason = ? WHERE id = ?",
        Rollout.State.INTERRUPTED.name(), now.toString(), reason, id);
  }

  public Optional<Rollout.View> find(Connection c, long id) throws SQLException {
    Optional<Row> row = Sql.one(c, "SELECT " + COLUMNS + " FROM publishes WHERE id = ?", PublishRepository::row, id);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Row r = row.get();
    List<Rollout.ScreenDelivery> screens = deliveries(c, id);
    return Optional.of(new Rollout.View(id, r.requestedBy(), r.requestedAt(), r.state(), r.planned(), r.withheld(),
        r.finishedAt(), r.stoppedReason(), Rollout.Counts.of(screens), screens));
  }

  /** The newest publishes first, at most {@code limit}. */
  public List<Rollout.Summary> recent(Connection c, int limit) throws SQLException {
    List<Rollout.Summary> all = new ArrayList<>();
    for (Row r : Sql.list(c, "SELECT " + COLUMNS + " FROM publishes ORDER BY id DESC LIMIT ?", PublishRepository::row,
        limit)) {
      all.add(new Rollout.Summary(r.id(), r.requestedBy(), r.requestedAt(), r.state(), r.planned(),
          Rollout.Counts.of(deliveries(c, r.id()))));
    }
    return all;
  }

  private record Row(long id, String requestedBy, Instant requestedAt, Rollout.State state, Integer planned,
      Map<String, List<String>> withheld, Instant finishedAt, String stoppedReason) {}

  private static Row row(ResultSet r) throws SQLException {
    String state = r.getString(4);
    Long planned = Sql.nullableLong(r, "planned");
    String withheld = r.getString(6);
    try {
      return new Row(r.getLong(1), r.getString(2), Instant.parse(r.getString(3)),
          state == null ? Rollout.State.DONE : Rollout.State.valueOf(state), planned == null ? null : planned.intValue(),
          withheld == null ? Map.of() : Codec.mapper().readValue(withheld, WITHHELD), instant(r.getString(7)),
          r.getString(8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every screen a publish reached: the ones it sent a schedule or placement of their own, and the
   * screens placed in a profile whose rules a gate's cluster schedule it sent changed (issue 21), each
   * counted once, by screen id.
   * A placed screen's state is what it answered about that gate's version (or a newer one).
   */
  private List<Rollout.ScreenDelivery> deliveries(Connection c, long publishId) throws SQLException {
    List<Rollout.ScreenDelivery> all = new ArrayList<>(Sql.list(c,
        "SELECT screen_id, version, outcome, error, sent_at, handed_at, answered_at FROM deliveries"
        + " WHERE publish_id = ? ORDER BY screen_id", PublishRepository::delivery, publishId));
    List<Rollout.ScreenDelivery> viaGates = Sql.list(c, "SELECT s.id, s.published_version,"
        + " CASE WHEN coalesce(s.applied_cluster_version, 0) >= g.version THEN 'APPLIED'"
        + " WHEN coalesce(s.failed_cluster_version, 0) >= g.version THEN 'FAILED' ELSE 'PENDING' END,"
        + " CASE WHEN coalesce(s.applied_cluster_version, 0) < g.version"
        + " AND coalesce(s.failed_cluster_version, 0) >= g.version THEN s.cluster_error END,"
        + " g.recorded_at, g.handed_at, NULL, max(g.version)" // a publish may send a gate twice: its newest counts
        + " FROM cluster_schedules g JOIN screens s ON s.placed_cluster_id = g.cluster_id AND s.revoked_at IS NULL"
        + " AND s.placed_profile_id IN (SELECT value FROM json_each(g.changed_profiles))"
        + " WHERE g.publish_id = ?"
        + " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.screen_id = s.id AND d.publish_id = g.publish_id)"
        + " GROUP BY s.id",
        PublishRepository::delivery, publishId);
    if (viaGates.isEmpty()) {
      return all;
    }
    all.addAll(viaGates);
    all.sort(java.util.Comparator.comparing(Rollout.ScreenDelivery::screenId));
    return all;
  }

  private static Rollout.ScreenDelivery delivery(ResultSet row) throws SQLException {
    return new Rollout.ScreenDelivery(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
        instant(row.getString(5)), instant(row.getString(6)), instant(row.getString(7)));
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }
}
