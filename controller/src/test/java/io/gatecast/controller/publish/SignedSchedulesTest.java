package io.gatecast.controller.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Only a screen's newest signed schedule is kept, on a real SQLite file: it is what is sent again
 * ({@link DeliveryRepository#lastSigned}); an older one goes as a newer one is recorded, except when
 * the newer one could not be signed — then the one before is what the screen plays and is kept.
 */
class SignedSchedulesTest {
  private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
  @RegisterExtension final TestDatabase store = new TestDatabase();
  private Database db;
  private final DeliveryRepository deliveries = new DeliveryRepository();
  private final ScreenRepository screens = new ScreenRepository();

  @BeforeEach
  void twoScreens() {
    db = store.db();
    db.transaction(c -> {
      for (String id : List.of("hall-1", "hall-2")) {
        Sql.update(c, "INSERT INTO screens (id, name, created_at, cluster_id) VALUES (?, ?, ?, 'default')", id, id,
            T0.toString());
      }
      return null;
    }).await();
  }

  @Test
  void eachScreenKeepsOnlyItsNewestSignedSchedule() {
    record(1, signed("hall-1", 1), signed("hall-2", 1));
    record(2, signed("hall-1", 2));
    record(3, signed("hall-1", 3), signed("hall-2", 2));

    assertThat(kept()).containsExactly("hall-1 3", "hall-2 2");
    assertThat(lastSigned()).containsExactly("hall-1 3 signed v3", "hall-2 2 signed v2");
    assertThat(unsent()).as("recorded, not yet handed: the newest is what a restart sends")
        .containsExactly("hall-1 3 signed v3", "hall-2 2 signed v2");
  }

  @Test
  void aScreenWhoseNewScheduleCouldNotBeSignedKeepsTheOneItPlays() {
    record(1, signed("hall-1", 1));
    record(2, signed("hall-1", 2));
    record(3, new DeliveryRepository.Intent("hall-1", 3, null, "cannot sign the schedule: too large"));

    assertThat(kept()).containsExactly("hall-1 2");
    assertThat(lastSigned()).containsExactly("hall-1 2 signed v2");

    record(4, signed("hall-1", 4));
    assertThat(kept()).containsExactly("hall-1 4");
  }

  private static DeliveryRepository.Intent signed(String screenId, long version) {
    return new DeliveryRepository.Intent(screenId, version, ("signed v" + version).getBytes(StandardCharsets.UTF_8), null);
  }

  /** One publish as the publisher records it: each screen's new version, then its delivery, in one transaction. */
  private void record(long second, DeliveryRepository.Intent... intents) {
    db.transaction(c -> {
      long publishId = new PublishRepository().insert(c, "test", T0.plusSeconds(second));
      for (DeliveryRepository.Intent i : intents) {
        screens.recordPublished(c, i.screenId(), i.version(), i.error() == null ? "{}" : null);
      }
      deliveries.recordIntents(c, publishId, List.of(intents), T0.plusSeconds(second));
      return null;
    }).await();
  }

  private List<String> kept() {
    return db.transaction(c -> Sql.list(c, "SELECT screen_id, version FROM signed_schedules ORDER BY screen_id", row -> row.getString(1) + " " + row.getLong(2))).await();
  }

  private List<String> unsent() {
    return db.transaction(deliveries::unsent).await().stream()
        .map(u -> u.screenId() + " " + u.version() + " " + new String(u.envelope(), StandardCharsets.UTF_8)).toList();
  }

  private List<String> lastSigned() {
    return db.transaction((Connection c) -> deliveries.lastSigned(c, List.of("hall-1", "hall-2"), false)).await()
        .stream().map(u -> u.screenId() + " " + u.version() + " " + new String(u.envelope(), StandardCharsets.UTF_8))
        .toList();
  }
}
