package io.gatecast.controller.fleet;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.commands.CommandService;
import io.gatecast.controller.commands.StoredCommand;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.Command;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The fleet as the API asks for it: a screen's health history, uptime over a period, and remote
 * commands (issued and audited, listed).
 *
 * @param <U> the uptime report; the reports feature computes it ({@link Uptimes}) and itself reads
 *     the fleet, so the fleet declares what it needs instead of depending on it
 */
public final class FleetService<U> {
  /** At most this many changes in one history answer. */
  public static final int MAX_HISTORY = 5_000;

  /** Uptime per screen and gate over {@code [from, to)}, counted up to {@code now}; all gates when {@code clusterId} is null. */
  @FunctionalInterface
  public interface Uptimes<U> {
    U over(Connection c, Instant from, Instant to, String clusterId, Instant now) throws SQLException;
  }

  /** A screen's changes of its truths, oldest first. */
  public record History(String screenId, List<HistoryEntry> changes) {}

  private final Database db;
  private final Clock clock;
  private final FleetHealth health;
  private final ClusterDirectory clusters;
  private final ScreenRepository screens;
  private final CommandService commands;
  private final AuditLog audit;
  private final Uptimes<U> uptimes;

  public FleetService(Database db, Clock clock, FleetHealth health, ClusterDirectory clusters, ScreenRepository screens,
      CommandService commands, AuditLog audit, Uptimes<U> uptimes) {
    this.db = db;
    this.clock = clock;
    this.health = health;
    this.clusters = clusters;
    this.screens = screens;
    this.commands = commands;
    this.audit = audit;
    this.uptimes = uptimes;
  }

  /** The screen's changes in {@code [from, to)}, at most {@link #MAX_HISTORY}; NOT_FOUND for an unknown screen. */
  public Future<History> history(String screenId, Instant from, Instant to) {
    return db.transaction(c -> {
      if (!screens.exists(c, screenId)) {
        throw Refusal.of(Kind.NOT_FOUND, "no screen " + screenId);
      }
      return new History(screenId, health.history(c, screenId, from, to, MAX_HISTORY));
    });
  }

  /** Uptime over {@code [from, to)}, of one gate or (null) all; NOT_FOUND for an unknown gate. */
  public Future<U> uptime(Instant from, Instant to, String clusterId) {
    return db.read(c -> { // a year of the fleet's history: beside the writes, not in front of them
      if (clusterId != null && !clusters.exists(c, clusterId)) {
        throw Refusal.of(Kind.NOT_FOUND, "no cluster " + clusterId);
      }
      return uptimes.over(c, from, to, clusterId, clock.instant());
    });
  }

  /**
   * Stores, signs and sends a command ({@link CommandService#issue}), then writes who asked to the
   * audit log like every other change: who told a screen to restart or clear its cache.
   */
  public Future<StoredCommand> issueCommand(String actor, String screenId, Command.Kind kind, Integer durationSeconds) {
    return commands.issue(screenId, kind, durationSeconds).compose(command -> db.transaction(c -> {
      audit.record(c, actor, "command", "screen", screenId, null, command);
      return command;
    }));
  }

  /** The screen's commands, newest first; NOT_FOUND for an unknown screen. */
  public Future<List<StoredCommand>> commands(String screenId) {
    return commands.list(screenId);
  }
}
