package io.gatecast.controller.fleet;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.Repositories;
import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.commands.CommandService;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Sql;
import io.gatecast.protocol.Command;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fleet as the API asks for it, on a real SQLite file without a controller: a screen's history
 * within a period, uptime of a gate that exists, commands of a screen that exists (refusals by code).
 * Sending a command needs the MQTT link and is left to the integration tests (AuditAndBidiTest).
 */
class FleetServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private FleetService<String> service;

  @BeforeEach
  void open() {
    Repositories r = Repositories.create();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    StoredClusters clusters = new StoredClusters(r.clusters(), r.hours());
    FleetHealth health = new FleetHealth(clusters, r.screens(), r.health(), r.clocks());
    // No MQTT link: nothing is sent by what is tested here.
    CommandService commands = new CommandService(database.db(), null, null, clock, new DomainEvents(), r.screens(),
        r.commands());
    service = new FleetService<>(database.db(), clock, health, clusters, r.screens(), commands, new AuditLog(clock),
        (c, from, to, clusterId, now) -> "uptime of " + clusterId + " " + from + ".." + to + " at " + now);
    await(database.db().transaction(c -> {
      Sql.update(c, "INSERT INTO screens (id, name, created_at, cluster_id, published_version) VALUES (?, ?, ?, 'default', 0)",
          "hall-1", "Hall 1", NOW.minusSeconds(3600).toString());
      for (int minute = 0; minute < 3; minute++) {
        r.health().add(c, new HistoryEntry("hall-1", NOW.minusSeconds(600 - 60L * minute), HistoryEntry.AGENT,
            minute % 2 == 0 ? "ONLINE" : "OFFLINE", null));
      }
      return null;
    }));
  }

  @Test
  void aScreensHistoryIsItsChangesWithinThePeriodOldestFirst() {
    FleetService.History history = await(service.history("hall-1", NOW.minusSeconds(540), NOW));
    assertThat(history.screenId()).isEqualTo("hall-1");
    assertThat(history.changes()).extracting(HistoryEntry::value).containsExactly("OFFLINE", "ONLINE");

    Refusal unknown = refused(service.history("nobody", Instant.EPOCH, NOW));
    assertThat(unknown.code()).isEqualTo("NOT_FOUND");
    assertThat(unknown.getMessage()).isEqualTo("no screen nobody");
  }

  @Test
  void uptimeIsAskedOfAGateThatExistsOrOfAllUpToNow() {
    Instant from = NOW.minusSeconds(86_400);
    assertThat(await(service.uptime(from, NOW, "default"))).isEqualTo("uptime of default " + from + ".." + NOW + " at " + NOW);
    assertThat(await(service.uptime(from, NOW, null))).isEqualTo("uptime of null " + from + ".." + NOW + " at " + NOW);

    Refusal unknown = refused(service.uptime(from, NOW, "nowhere"));
    assertThat(unknown.code()).isEqualTo("NOT_FOUND");
    assertThat(unknown.getMessage()).isEqualTo("no cluster nowhere");
  }

  @Test
  void commandsOfAScreenNobodyRegisteredAreRefusedAndNothingIsAudited() {
    assertThat(await(service.commands("hall-1"))).isEmpty();
    assertThat(refused(service.commands("nobody")).code()).isEqualTo("NO_SUCH_SCREEN");
    assertThat(refused(service.issueCommand("admin", "nobody", Command.Kind.RELOAD, null)).code())
        .isEqualTo("NO_SUCH_SCREEN");
    java.util.List<io.gatecast.controller.audit.AuditEntry> audited =
        await(database.db().transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, null, null, 10)));
    assertThat(audited).isEmpty();
  }
}
