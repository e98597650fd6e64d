package io.gatecast.controller.proofofplay;

import io.gatecast.protocol.PlayBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.gatecast.controller.store.Sql;

/**
 * Proof of play. A play is stored once per (screen, playId): agents resend their journal after a
 * reconnect, and the primary key turns every resend into a no-op.
 */
public final class PlayRepository {
  /** Plays counted under one key; airtime in milliseconds. */
  public record Group(String key, long plays, long airtimeMillis) {}

  /** Which plays a query counts: started in {@code [from, to)}, optionally of one cluster or screen. */
  public record Filter(Instant from, Instant to, String clusterId, String screenId) {}

  /** Stores the plays not stored before; returns how many were new. */
  public int insertNew(Connection c, String screenId, String clusterId, List<PlayBatch.Play> plays, Instant receivedAt)
      throws SQLException {
    int added = 0;
    for (PlayBatch.Play play : plays) {
      added += Sql.update(c, "INSERT OR IGNORE INTO plays (screen_id, play_id, cluster_id, item_id, campaign_id, language,"
              + " started_ms, ended_ms, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          screenId, play.playId(), clusterId, play.itemId(), play.campaignId(), play.language(),
          play.startedAt().toEpochMilli(), play.endedAt().toEpochMilli(), receivedAt.toString());
    }
    return added;
  }

  /**
   * Plays and airtime grouped by {@code column}, one of the fixed column names below (never text
   * from a request). {@code quarterHour} groups by the quarter hour the play started in (epoch
   * milliseconds / 900,000), from which days in any time zone can be summed.
   */
  public List<Group> grouped(Connection c, String column, Filter filter) throws SQLException {
    String key = switch (column) {
      case "campaign_id", "item_id", "language", "screen_id", "cluster_id" -> column;
      case "quarterHour" -> "CAST(started_ms / 900000 AS TEXT)";
      default -> throw new IllegalArgumentException("cannot group plays by " + column);
    };
    List<Object> args = new ArrayList<>(List.of(filter.from().toEpochMilli(), filter.to().toEpochMilli()));
    StringBuilder where = new StringBuilder("started_ms >= ? AND started_ms < ?");
    if (filter.clusterId() != null) {
      where.append(" AND cluster_id = ?");
      args.add(filter.clusterId());
    }
    if (filter.screenId() != null) {
      where.append(" AND screen_id = ?");
      args.add(filter.screenId());
    }
    return Sql.list(c, "SELECT " + key + " AS k, count(*), sum(ended_ms - started_ms) FROM plays WHERE " + where
            + " GROUP BY k ORDER BY k",
        row -> new Group(row.getString(1), row.getLong(2), row.getLong(3)), args.toArray());
  }

  /** The screens that played in a cluster (for its year-end summary). */
  public List<String> screensOfCluster(Connection c, String clusterId) throws SQLException {
    return Sql.list(c, "SELECT DISTINCT screen_id FROM plays WHERE cluster_id = ? ORDER BY screen_id",
        row -> row.getString(1), clusterId);
  }
}
