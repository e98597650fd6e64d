package io.gatecast.controller.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.Repositories;
import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.FleetLoaded;
import io.gatecast.controller.events.FleetSwept;
import io.gatecast.controller.events.ScreenUpChanged;
import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.fleet.StoredClusters;
import io.gatecast.controller.notices.Notice.Kind;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.OperatingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Technicians' notices follow the fleet's events on the bus, reading a gate's operating hours from a
 * real SQLite file in their own transaction; no controller, broker or fleet monitor is booted.
 */
class TechnicianNoticesTest {
  private static final Instant T0 = Instant.parse("2026-03-16T08:00:00Z");
  private static final Duration GRACE = Duration.ofSeconds(60);

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private final DomainEvents events = new DomainEvents();
  private final List<Notice> sent = new CopyOnWriteArrayList<>();

  @BeforeEach
  void subscribe() {
    Repositories r = Repositories.create();
    database.db().transaction(c -> {
      // A gate in UTC that opens at 09:00, an hour after T0.
      r.clusters().insert(c, new Cluster("night-gate", "Night gate", "Lạng Sơn", "UTC", List.of("vi")), T0);
      r.hours().set(c, "night-gate", new OperatingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
      return null;
    }).await();
    new TechnicianNotices(database.db(), new NoticePolicy(GRACE, 100, Duration.ofHours(1)),
        new StoredClusters(r.clusters(), r.hours()), sent::add).subscribeTo(events);
  }

  @Test
  void aScreenDownPastTheGraceIsNoticedAtTheSweepThatSaysSoAndItsReturnToo() {
    String gate = ClusterDirectory.DEFAULT_CLUSTER;
    events.publish(new FleetLoaded(List.of(new FleetLoaded.Screen("hall-1", gate, true, null, T0.minusSeconds(3600)))));
    events.publish(new ScreenUpChanged("hall-1", gate, false, "agent offline (last-will)", T0));
    events.publish(new FleetSwept(T0.plus(GRACE).minusSeconds(1)));
    events.publish(new FleetSwept(T0.plus(GRACE)));
    events.publish(new ScreenUpChanged("hall-1", gate, true, null, T0.plusSeconds(90)));
    decided();

    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.DOWN, Kind.BACK_ONLINE);
    assertThat(sent.get(0).screenId()).isEqualTo("hall-1");
    assertThat(sent.get(0).clusterId()).isEqualTo(gate);
    assertThat(sent.get(0).reason()).isEqualTo("agent offline (last-will)");
    assertThat(sent.get(0).since()).isEqualTo(T0);
  }

  @Test
  void aScreenAlreadyDownAtStartIsNotNewsUntilItComesBack() {
    String gate = ClusterDirectory.DEFAULT_CLUSTER;
    events.publish(new FleetLoaded(List.of(new FleetLoaded.Screen("hall-2", gate, false, "agent offline", T0))));
    events.publish(new FleetSwept(T0.plus(GRACE)));
    decided();
    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.DOWN);

    events.publish(new ScreenUpChanged("hall-2", gate, true, null, T0.plus(GRACE).plusSeconds(1)));
    decided();
    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.DOWN, Kind.BACK_ONLINE);
  }

  @Test
  void aGateOutsideItsStoredHoursWakesNoOneAndItsOpeningBringsOneSummary() {
    events.publish(new ScreenUpChanged("gate-1", "night-gate", false, "agent offline", T0));
    events.publish(new FleetSwept(T0.plus(GRACE.multipliedBy(3))));
    decided();
    assertThat(sent).isEmpty();

    events.publish(new FleetSwept(Instant.parse("2026-03-16T09:01:00Z")));
    decided();
    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.SUMMARY);
    assertThat(sent.get(0).clusterId()).isEqualTo("night-gate");
    assertThat(sent.get(0).down()).extracting(Notice.DownScreen::screenId).containsExactly("gate-1");
  }

  /**
   * Waits for every decision asked so far: they run in order on the one database thread and hand
   * their notices over there, so a transaction asked after them ends after them.
   */
  private void decided() {
    database.db().transaction(c -> null).await();
  }
}
