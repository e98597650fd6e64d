package io.gatecast.controller.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.store.Database;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts in force, read for many gates at once against a real SQLite file. */
class AlertRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
  @TempDir Path dir;
  private Vertx vertx;
  private Database db;
  private final AlertRepository alerts = new AlertRepository();

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("gatecast.db"));
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  @Test
  void eachGateGetsExactlyItsAlertsInForceOldestFirstWithEveryGateOfEachAlert() {
    Alert both = alert("both", List.of("lao-cai", "mong-cai"), T0, T0.plus(Duration.ofHours(2)));
    Alert laterOne = alert("later-one", List.of("lao-cai"), T0.plusSeconds(60), T0.plus(Duration.ofHours(2)));
    Alert expired = alert("expired", List.of("lao-cai", "mong-cai"), T0.minusSeconds(3600), T0.plusSeconds(30));
    Alert cleared = alert("cleared", List.of("mong-cai"), T0, T0.plus(Duration.ofHours(2)));
    Alert elsewhere = alert("elsewhere", List.of("huu-nghi"), T0, T0.plus(Duration.ofHours(2)));
    Instant now = T0.plus(Duration.ofMinutes(5));
    Map<String, List<Alert>> inForce = db.transaction(c -> {
      for (Alert a : List.of(laterOne, both, expired, cleared, elsewhere)) { // made out of time order
        alerts.insert(c, a);
      }
      alerts.clear(c, "cleared", T0.plusSeconds(120));
      return alerts.inForce(c, List.of("lao-cai", "mong-cai", "bat-xat"), now);
    }).await();

    assertThat(inForce).containsOnlyKeys("lao-cai", "mong-cai", "bat-xat");
    assertThat(inForce.get("lao-cai")).containsExactly(both, laterOne);
    assertThat(inForce.get("mong-cai")).containsExactly(both);
    assertThat(inForce.get("bat-xat")).as("a gate with none").isEmpty();
  }

  private static Alert alert(String id, List<String> gates, Instant made, Instant expires) {
    return new Alert(id, gates, Map.of("vi", "Cửa khẩu tạm đóng " + id), made, expires, null);
  }
}
