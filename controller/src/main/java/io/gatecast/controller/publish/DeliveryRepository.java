package io.gatecast.controller.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/**
 * What was sent to each screen and what its agent answered. A delivery is written as intent
 * before it is sent, marked handed once the broker took it, and answered APPLIED or FAILED by the
 * agent. Each screen's newest signed message is kept beside (table {@code signed_schedules}, one
 * row a screen): the only one ever sent again, so an older one is replaced as a newer one is
 * recorded. A screen whose new schedule could not be signed keeps the one before: what it plays.
 */
public final class DeliveryRepository {
  /** A recorded delivery whose message has not reached the broker yet. */
  public record Unsent(String screenId, long version, byte[] envelope) {}

  /** A delivery about to be recorded: its signed message, or the reason it has none. */
  public record Intent(String screenId, long version, byte[] envelope, String error) {}

  /**
   * Records many deliveries of one publish as statement batches: intents, each with its signed
   * message as its screen's newest, and failures (a schedule that could not be signed) as FAILED at once.
   * {@code publishId} null: of no publish (a gate's schedule recorded before publishes were).
   */
  public void recordIntents(Connection c, Long publishId, List<Intent> intents, Instant now) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO deliveries"
        + " (screen_id, version, sent_at, publish_id, outcome, error, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement keep = c.prepareStatement("INSERT INTO signed_schedules (screen_id, version, envelope)"
            + " VALUES (?, ?, ?) ON CONFLICT (screen_id) DO UPDATE SET version = excluded.version,"
            + " envelope = excluded.envelope")) {
      for (Intent i : intents) {
        insert.setString(1, i.screenId());
        insert.setLong(2, i.version());
        insert.setString(3, now.toString());
        insert.setObject(4, publishId);
        insert.setString(5, i.error() == null ? "PENDING" : "FAILED");
        insert.setString(6, i.error());
        insert.setString(7, i.error() == null ? null : now.toString());
        insert.addBatch();
        if (i.envelope() != null) {
          keep.setString(1, i.screenId());
          keep.setLong(2, i.version());
          keep.setBytes(3, i.envelope());
          keep.addBatch();
        }
      }
      insert.executeBatch();
      keep.executeBatch();
    }
  }

  /** A delivery the broker took, and when. */
  public record Handed(String screenId, long version, Instant at) {}

  /** Marks a whole send window handed (the broker took each message), as one statement batch. */
  public void markHanded(Connection c, List<Handed> handed) throws SQLException {
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE deliveries SET handed_at = ? WHERE screen_id = ? AND version = ? AND handed_at IS NULL")) {
      for (Handed h : handed) {
        update.setString(1, h.at().toString());
        update.setString(2, h.screenId());
        update.setLong(3, h.version());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /**
   * Deliveries recorded but not handed to the broker (a controller stopped between the two): the
   * newest of each screen, if it is still what the screen should play. Older ones are superseded.
   */
  public List<Unsent> unsent(Connection c) throws SQLException {
    return Sql.list(c, "SELECT d.screen_id, d.version, k.envelope FROM deliveries d"
        + " JOIN screens s ON s.id = d.screen_id AND s.published_version = d.version"
        + " JOIN signed_schedules k ON k.screen_id = d.screen_id AND k.version = d.version"
        + " WHERE d.handed_at IS NULL AND d.outcome = 'PENDING' ORDER BY d.screen_id",
        row -> new Unsent(row.getString(1), row.getLong(2), row.getBytes(3)));
  }

  /**
   * The last signed schedule of each of {@code screenIds} that is not cut off: the newest one that
   * could be signed (a newer one that could not is never sent). What the broker must hold
   * retained for the screen, and what the controller sends again (same bytes, same version) when the
   * broker may have lost it. One index lookup per screen (the caller pages through the screens).
   * {@code skipAgentFailed}: leave out a version its agent answered FAILED (the agent holds it and is
   * retrying; a repeat would only make it try again at once).
   */
  public List<Unsent> lastSigned(Connection c, List<String> screenIds, boolean skipAgentFailed) throws SQLException {
    if (screenIds.isEmpty()) {
      return List.of();
    }
    List<Unsent> latest = Sql.list(c, "SELECT k.screen_id, k.version, k.envelope, d.outcome, d.handed_at"
        + " FROM screens s JOIN signed_schedules k ON k.screen_id = s.id"
        + " JOIN deliveries d ON d.screen_id = k.screen_id AND d.version = k.version"
        + " WHERE s.revoked_at IS NULL AND s.id IN (" + "?,".repeat(screenIds.size() - 1) + "?) ORDER BY s.id",
        row -> skipAgentFailed && "FAILED".equals(row.getString(4)) && row.getString(5) != null
            ? null : new Unsent(row.getString(1), row.getLong(2), row.getBytes(3)), screenIds.toArray());
    return latest.stream().filter(java.util.Objects::nonNull).toList();
  }

  /** Up to {@code limit} screen ids after {@code afterScreenId} (null: from the first), in id order: a page of a sweep. */
  public List<String> screenIdsAfter(Connection c, String afterScreenId, int limit) throws SQLException {
    return Sql.list(c, "SELECT id FROM screens WHERE id > ? ORDER BY id LIMIT ?", row -> row.getString(1),
        afterScreenId == null ? "" : afterScreenId, limit);
  }

  /** Marks unsent deliveries that a newer version replaced before they left as failed, saying so. */
  public void supersedeUnsent(Connection c, Instant now) throws SQLException {
    Sql.update(c, "UPDATE deliveries SET outcome = 'FAILED', answered_at = ?,"
        + " error = 'superseded by a newer version before it was sent'"
        + " WHERE handed_at IS NULL AND outcome = 'PENDING'"
        + " AND version < (SELECT published_version FROM screens s WHERE s.id = deliveries.screen_id)", now.toString());
  }

  /**
   * An agent's answer sets {@code handed_at} (the answer proves the broker took the message), so a
   * delivery no agent has answered yet is one still PENDING, or one the controller itself marked FAILED
   * without the broker's word that it took it: a send whose confirmation was lost (a dropped connection
   * between send and PUBACK: the message may have reached the screen all the same) or one superseded
   * before it was sent. The agent's word settles such a one; it never overrides an earlier answer.
   */
  private static final String NOT_ANSWERED_BY_AGENT = " AND (outcome = 'PENDING' OR handed_at IS NULL)";

  /**
   * Records that the broker did not take the message: FAILED, unless the agent already answered it (the
   * broker took it then, and only its confirmation was lost). Returns false when nothing was recorded.
   */
  public boolean recordBrokerRefusal(Connection c, String screenId, long version, String error, Instant at)
      throws SQLException {
    return Sql.update(c, "UPDATE deliveries SET outcome = 'FAILED', error = ?, answered_at = ?"
        + " WHERE screen_id = ? AND version = ? AND handed_at IS NULL", error, at.toString(), screenId, version) == 1;
  }

  /**
   * Records the agent's own answer (it also proves the broker took the message) and returns when that
   * version was sent — one statement, as each of 10,000 acks of a publish costs it; empty when no such
   * delivery was sent.
   */
  public Optional<Instant> recordAgentAnswer(Connection c, String screenId, long version, String outcome, String error,
      Instant answeredAt) throws SQLException {
    return answer(c, screenId, version, outcome, error, answeredAt, "");
  }

  /** {@link #recordAgentAnswer} for a delivery no agent has answered yet only; empty when there was none. */
  public Optional<Instant> recordAgentAnswerIfUnanswered(Connection c, String screenId, long version, String outcome,
      String error, Instant answeredAt) throws SQLException {
    return answer(c, screenId, version, outcome, error, answeredAt, NOT_ANSWERED_BY_AGENT);
  }

  /**
   * {@link #recordAgentAnswer} APPLIED for a delivery not APPLIED yet: unanswered, or answered FAILED by an agent
   * that has since played it (its retry succeeded), or by a send whose confirmation was lost. Its agent's ack
   * says so, or — if that ack was lost — its status naming the version it plays. Empty when it was APPLIED
   * already or never sent.
   */
  public Optional<Instant> recordAppliedUnlessApplied(Connection c, String screenId, long version, Instant answeredAt)
      throws SQLException {
    return answer(c, screenId, version, "APPLIED", null, answeredAt, " AND outcome <> 'APPLIED'");
  }

  /** The one statement that answers a delivery (the agent's answer, or its status's word); {@code onlyIf} narrows which. */
  private static Optional<Instant> answer(Connection c, String screenId, long version, String outcome, String error,
      Instant answeredAt, String onlyIf) throws SQLException {
    return Sql.one(c, "UPDATE deliveries SET outcome = ?, error = ?, answered_at = ?,"
        + " handed_at = coalesce(handed_at, ?) WHERE screen_id = ? AND version = ?" + onlyIf + " RETURNING sent_at",
        row -> Instant.parse(row.getString(1)), outcome, error, answeredAt.toString(), answeredAt.toString(), screenId,
        version);
  }

  /** The newest delivery to a screen, if any was sent. */
  public Optional<Delivery> latest(Connection c, String screenId) throws SQLException {
    return Sql.one(c,
        "SELECT version, outcome, error FROM deliveries WHERE screen_id = ? ORDER BY version DESC LIMIT 1",
        row -> new Delivery(row.getLong(1), row.getString(2), row.getString(3)), screenId);
  }
}
