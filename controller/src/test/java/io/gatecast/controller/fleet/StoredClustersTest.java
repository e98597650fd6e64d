package io.gatecast.controller.fleet;

import static io.gatecast.controller.ServiceFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.Repositories;
import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.store.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The screens of many gates read at once (an alert's answer), on a real SQLite file. */
class StoredClustersTest {
  @RegisterExtension final TestDatabase database = new TestDatabase();

  @Test
  void eachGateAskedForIsCountedWithoutItsCutOffScreens() {
    Repositories r = Repositories.create();
    StoredClusters clusters = new StoredClusters(r.clusters(), r.hours());
    Map<String, Integer> screens = await(database.db().transaction(c -> {
      for (String gate : List.of("mong-cai", "huu-nghi")) {
        Sql.update(c, "INSERT INTO clusters (id, name, province, zone, languages, created_at)"
            + " VALUES (?, ?, 'Quảng Ninh', 'Asia/Ho_Chi_Minh', '[\"vi\"]', '2026-12-05T08:00:00Z')", gate, gate);
      }
      screen(c, "mc-2", "mong-cai", null);
      screen(c, "mc-1", "mong-cai", null);
      screen(c, "mc-cut", "mong-cai", "2026-12-05T09:00:00Z");
      screen(c, "hn-1", "huu-nghi", null);
      screen(c, "old-hall", null, null); // registered before gates existed: the default gate's
      screen(c, "hall-1", "default", null);
      return clusters.screenCounts(c, List.of("mong-cai", "default", "bat-xat"));
    }));

    assertThat(screens).containsOnlyKeys("mong-cai", "default", "bat-xat");
    assertThat(screens.keySet()).as("in the order asked").containsExactly("mong-cai", "default", "bat-xat");
    assertThat(screens.get("mong-cai")).as("mc-1, mc-2; the revoked mc-cut not counted").isEqualTo(2);
    assertThat(screens.get("default")).as("hall-1, and old-hall with no gate").isEqualTo(2);
    assertThat(screens.get("bat-xat")).as("an unknown gate").isZero();
  }

  private static void screen(java.sql.Connection c, String id, String gate, String revokedAt)
      throws java.sql.SQLException {
    Sql.update(c, "INSERT INTO screens (id, name, created_at, cluster_id, revoked_at) VALUES (?, ?, ?, ?, ?)", id, id,
        "2026-12-05T08:00:00Z", gate, revokedAt);
  }
}
