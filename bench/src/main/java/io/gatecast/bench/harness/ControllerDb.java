package io.gatecast.bench.harness;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the controller's SQLite file, read-only, beside the running controller (WAL lets a reader
 * in without blocking its writer): what the controller has actually stored, without adding load to
 * its single database thread the way polling its HTTP API for 10,000 screens would.
 */
public final class ControllerDb implements AutoCloseable {
  /** A screen's health row as stored. */
  public record ScreenRow(String state, String lastSeenAt, Long appliedVersion, String currentContentId) {}

  private final Connection connection;

  public ControllerDb(Path dataDir) {
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gatecast.db").toAbsolutePath()
          + "?open_mode=1&busy_timeout=5000");
      connection.setReadOnly(true);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the controller's database: " + e.getMessage(), e);
    }
  }

  /** For each screen, when the controller received its APPLIED answer to a delivery of version >= {@code minVersion}. */
  public Map<String, Map<Long, Instant>> appliedAnswers(long minVersion) {
    Map<String, Map<Long, Instant>> answers = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT screen_id, version, answered_at FROM deliveries WHERE outcome = 'APPLIED' AND version >= ?")) {
      select.setLong(1, minVersion);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          answers.computeIfAbsent(rows.getString(1), k -> new HashMap<>())
              .put(rows.getLong(2), Instant.parse(rows.getString(3)));
        }
      }
      return answers;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many APPLIED answers to deliveries of version >= {@code minVersion} are stored: a cheap progress check. */
  public int appliedCount(long minVersion) {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT count(*) FROM deliveries WHERE outcome = 'APPLIED' AND version >= ?")) {
      select.setLong(1, minVersion);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many screens the controller has heard say they play placements (issue 21). */
  public int placedCount() {
    try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM screens WHERE placements = 1");
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getInt(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Marks every screen of a stopped controller's fleet as playing placements, as their agents' heartbeats would:
   * a benchmark without connected screens then plans and sends as for today's agents (issue 21).
   */
  public static void markPlayingPlacements(Path dataDir) {
    try (Connection write = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gatecast.db").toAbsolutePath());
        PreparedStatement update = write.prepareStatement("UPDATE screens SET placements = 1")) {
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot mark the fleet as playing placements: " + e.getMessage(), e);
    }
  }

  /** Every screen's stored health. */
  public Map<String, ScreenRow> screens() {
    Map<String, ScreenRow> rows = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, state, last_seen_at, applied_version, current_content_id FROM screens");
        ResultSet r = select.executeQuery()) {
      while (r.next()) {
        long applied = r.getLong(4);
        rows.put(r.getString(1), new ScreenRow(r.getString(2), r.getString(3), r.wasNull() ? null : applied,
            r.getString(5)));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // read-only; nothing to protect
    }
  }
}
