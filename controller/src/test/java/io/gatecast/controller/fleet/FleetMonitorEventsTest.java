package io.gatecast.controller.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.commands.CommandRepository;
import io.gatecast.controller.commands.CommandService;
import io.gatecast.controller.events.DomainEvent;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.FleetSwept;
import io.gatecast.controller.events.ScreenChanged;
import io.gatecast.controller.events.ScreenUpChanged;
import io.gatecast.controller.events.ScreenStatusStored;
import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.OperatingHoursRepository;
import io.gatecast.controller.publish.DeliveryRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.Sql;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet monitor tells what it stored on the event bus (the live feed and metrics subscribe), once
 * the batch committed; no controller, broker or MQTT link is booted.
 */
class FleetMonitorEventsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  @TempDir Path dir;
  private Vertx vertx;
  private Database db;
  private FleetMonitor monitor;
  private final DomainEvents events = new DomainEvents();
  private final List<DomainEvent> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("gatecast.db"));
    db.transaction(c -> {
      Sql.update(c, "INSERT INTO screens (id, name, created_at, cluster_id, published_version) VALUES (?, ?, ?, 'default', 1)",
          "hall-1", "Hall 1", T0.minusSeconds(3600).toString());
      return null;
    }).await();
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    ScreenRepository screens = new ScreenRepository();
    StoredClusters clusters = new StoredClusters(new ClusterRepository(), new OperatingHoursRepository());
    FleetHealth health = new FleetHealth(clusters, screens, new HealthRepository(), new ScreenClockRepository());
    // Commands: nothing open, so nothing is sent (no MQTT link needed); plays never arrive here.
    CommandService commands = new CommandService(db, null, null, clock, events, screens, new CommandRepository());
    PlaySink plays = (c, batch, at) -> 0;
    monitor = new FleetMonitor(vertx, db, clock, Duration.ofMinutes(5), new FleetMonitor.Wiring(health,
        commands, plays, new Metrics(), events), screens, new RejectionRepository(), new DeliveryRepository());
    events.subscribe(ScreenStatusStored.class, heard::add);
    events.subscribe(ScreenChanged.class, heard::add);
  }

  @AfterEach
  void close() {
    monitor.close();
    db.close();
    vertx.close().await();
  }

  @Test
  void aStoredHeartbeatAndAnAnswerAreToldOnTheBus() {
    StatusMessage status = new StatusMessage(Header.now(T0), "hall-1", ScreenState.ONLINE, 1L, "welcome", 30L);
    monitor.onStatus(Topics.status("hall-1"), Codec.encode(status));
    monitor.onEvent(Topics.events("hall-1"), Codec.encode(
        new ScheduleAck(Header.now(T0), "hall-1", 1L, ScheduleAck.Outcome.APPLIED, null)));

    monitor.flushIngest().await();

    assertThat(heard).containsExactly(new ScreenStatusStored(status), new ScreenChanged("hall-1"));
  }

  /** What technicians' notices hear: a screen up, then down by its last-will, once stored; then the sweep's time. */
  @Test
  void aScreenGoingUpAndDownIsToldOnceStoredAndTheSweepTellsTheTimeAfter() {
    List<DomainEvent> fleet = new CopyOnWriteArrayList<>();
    events.subscribe(ScreenUpChanged.class, fleet::add);
    events.subscribe(FleetSwept.class, fleet::add);
    monitor.onStatus(Topics.status("hall-1"), Codec.encode(
        new StatusMessage(Header.now(T0), "hall-1", ScreenState.ONLINE, 1L, "welcome", 30L)));
    monitor.onStatus(Topics.status("hall-1"), Codec.encode(
        new StatusMessage(Header.now(T0), "hall-1", ScreenState.OFFLINE, 1L, "welcome", null)));
    monitor.flushIngest().await();
    assertThat(fleet).containsExactly(new ScreenUpChanged("hall-1", "default", true, null, T0),
        new ScreenUpChanged("hall-1", "default", false, "agent offline (last-will)", T0));

    monitor.sweep().await();
    assertThat(fleet).hasSize(3).last().isEqualTo(new FleetSwept(T0));
  }
}
