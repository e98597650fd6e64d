package io.gatecast.controller.proofofplay;

import io.gatecast.protocol.PlayBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.store.Sql;

/**
 * Proof of play. A play is stored once per (screen, playId): agents resend their journal after a
 * reconnect, and the primary key turns every resend into a no-op. Each new play is also counted in its
 * gate's totals ({@code play_totals}: per quarter hour, item, campaign and language), which the reports read.
 */
public final class PlayRepository {
  /** Plays counted under one key; airtime in milliseconds. */
  public record Group(String key, long plays, long airtimeMillis) {}

  /** Which plays a query counts: started in {@code [from, to)}, optionally of one cluster or screen. */
  public record Filter(Instant from, Instant to, String clusterId, String screenId) {}

  /** A quarter hour in milliseconds: the totals' unit of time. */
  static final long QUARTER_HOUR_MS = 900_000;
  /** The totals' campaign of a play of no campaign (a campaign id is never empty). */
  private static final String NO_CAMPAIGN = "";

  /**
   * Stores the plays not stored before and adds them to their gate's totals ({@code play_totals}, in the
   * caller's transaction: a play is counted once, with the play); returns how many were new.
   */
  public int insertNew(Connection c, String screenId, String clusterId, List<PlayBatch.Play> plays, Instant receivedAt)
      throws SQLException {
    Map<TotalKey, long[]> totals = new LinkedHashMap<>();
    int added = 0;
    for (PlayBatch.Play play : plays) {
      long started = play.startedAt().toEpochMilli();
      long ended = play.endedAt().toEpochMilli();
      int stored = Sql.update(c, "INSERT OR IGNORE INTO plays (screen_id, play_id, cluster_id, item_id, campaign_id, language,"
              + " started_ms, ended_ms, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          screenId, play.playId(), clusterId, play.itemId(), play.campaignId(), play.language(),
          started, ended, receivedAt.toString());
      if (stored == 1) { // a resend of a play stored before is not counted again
        long[] sums = totals.computeIfAbsent(new TotalKey(started / QUARTER_HOUR_MS, play.itemId(),
            play.campaignId() == null ? NO_CAMPAIGN : play.campaignId(), play.language()), k -> new long[2]);
        sums[0]++;
        sums[1] += ended - started;
      }
      added += stored;
    }
    for (Map.Entry<TotalKey, long[]> total : totals.entrySet()) {
      TotalKey key = total.getKey();
      Sql.update(c, "INSERT INTO play_totals (cluster_id, quarter_hour, item_id, campaign_id, language, plays, airtime_ms)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cluster_id, quarter_hour, item_id, campaign_id, language)"
              + " DO UPDATE SET plays = plays + excluded.plays, airtime_ms = airtime_ms + excluded.airtime_ms",
          clusterId, key.quarterHour(), key.itemId(), key.campaignId(), key.language(), total.getValue()[0],
          total.getValue()[1]);
    }
    return added;
  }

  /** What a gate's totals count a play under (its gate is the batch's). */
  private record TotalKey(long quarterHour, String itemId, String campaignId, String language) {}

  /**
   * Plays and airtime grouped by {@code column}, one of the fixed column names below (never text
   * from a request). {@code quarterHour} groups by the quarter hour the play started in (epoch
   * milliseconds / 900,000), from which days in any time zone can be summed. A period of whole quarter
   * hours not of one screen is read from the gates' totals (a year's report reads a few hundred thousand
   * rows, not every play); any other from the plays themselves, with the same answer.
   */
  public List<Group> grouped(Connection c, String column, Filter filter) throws SQLException {
    boolean fromTotals = filter.screenId() == null && !column.equals("screen_id") && wholeQuarterHour(filter.from())
        && wholeQuarterHour(filter.to());
    return fromTotals ? groupedFromTotals(c, column, filter) : groupedFromPlays(c, column, filter);
  }

  /** {@link #grouped} counted from every play. */
  List<Group> groupedFromPlays(Connection c, String column, Filter filter) throws SQLException {
    String key = switch (column) {
      case "campaign_id", "item_id", "language", "screen_id", "cluster_id" -> column;
      case "quarterHour" -> "CAST(started_ms / " + QUARTER_HOUR_MS + " AS TEXT)";
      default -> throw new IllegalArgumentException("cannot group plays by " + column);
    };
    return sums(c, key, "count(*), sum(ended_ms - started_ms) FROM plays", "started_ms", filter.from().toEpochMilli(),
        filter.to().toEpochMilli(), filter);
  }

  /** {@link #grouped} summed from the gates' totals: {@code filter}'s period is whole quarter hours, of no one screen. */
  List<Group> groupedFromTotals(Connection c, String column, Filter filter) throws SQLException {
    String key = switch (column) {
      case "item_id", "language", "cluster_id" -> column;
      case "campaign_id" -> "nullif(campaign_id, '" + NO_CAMPAIGN + "')";
      case "quarterHour" -> "CAST(quarter_hour AS TEXT)";
      default -> throw new IllegalArgumentException("cannot group the plays' totals by " + column);
    };
    if (filter.screenId() != null) {
      throw new IllegalArgumentException("the totals are a gate's, not a screen's");
    }
    return sums(c, key, "sum(plays), sum(airtime_ms) FROM play_totals", "quarter_hour",
        filter.from().toEpochMilli() / QUARTER_HOUR_MS, filter.to().toEpochMilli() / QUARTER_HOUR_MS, filter);
  }

  /**
   * Plays and airtime ({@code sums}, then the table) grouped by {@code key}, {@code time} in {@code [from, to)},
   * of {@code filter}'s gate and screen when it names them.
   */
  private static List<Group> sums(Connection c, String key, String sums, String time, long from, long to, Filter filter)
      throws SQLException {
    List<Object> args = new ArrayList<>(List.of(from, to));
    StringBuilder where = new StringBuilder(time + " >= ? AND " + time + " < ?");
    if (filter.clusterId() != null) {
      where.append(" AND cluster_id = ?");
      args.add(filter.clusterId());
    }
    if (filter.screenId() != null) {
      where.append(" AND screen_id = ?");
      args.add(filter.screenId());
    }
    return Sql.list(c, "SELECT " + key + " AS k, " + sums + " WHERE " + where + " GROUP BY k ORDER BY k",
        row -> new Group(row.getString(1), row.getLong(2), row.getLong(3)), args.toArray());
  }

  private static boolean wholeQuarterHour(Instant at) {
    return at.toEpochMilli() >= 0 && at.toEpochMilli() % QUARTER_HOUR_MS == 0;
  }
}
