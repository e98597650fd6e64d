package io.gatecast.controller.screens;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.ScreenAccess;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.screens.ScreenService.Change;
import io.gatecast.controller.screens.ScreenService.Registered;
import io.gatecast.controller.screens.ScreenService.Registration;
import io.gatecast.controller.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The screens service on a real SQLite file, without a controller: its refusals (kind and code),
 * what it stores, its audit entries, and what the broker is told after the commit.
 */
class ScreenServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private final List<String> broker = new ArrayList<>();
  private final ScreenRepository screens = new ScreenRepository();
  private final ScreenSetupRepository setups = new ScreenSetupRepository();
  private final GroupRepository groups = new GroupRepository();
  private ScreenService<String> service;

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ScreenAccess access = new ScreenAccess() {
      @Override
      public void cutOff(String screenId) {
        broker.add("cut off " + screenId);
      }

      @Override
      public void moved(String screenId, String clusterId) {
        broker.add(screenId + " moved to " + clusterId);
      }
    };
    service = new ScreenService<>(db, clock, screens, setups, new ClusterRepository(), groups, access,
        new AuditLog(clock), (c, screen) -> screen.id() + " '" + screen.name() + "'",
        new io.gatecast.controller.events.DomainEvents());
    await(db.transaction(c -> {
      groups.insert(c, "arrivals", "Arrivals", NOW);
      return null;
    }));
  }

  @Test
  void registrationStoresTheScreenItsPlaceAndAHashedPasswordAndAuditsIt() {
    Registered<String> registered = await(service.register("admin",
        new Registration("gate-1", null, ScreenSetup.inCluster(Cluster.DEFAULT_ID), List.of("arrivals"))));

    assertEquals("gate-1 'gate-1'", registered.screen(), "a screen without a name is named by its id");
    assertFalse(registered.mqttPassword().isBlank());
    String storedHash = await(db.transaction(c -> setups.passwordHashesOfActiveScreens(c))).get("gate-1");
    assertNotEquals(registered.mqttPassword(), storedHash, "only a hash of the password is stored");
    assertEquals(List.of("arrivals"), await(db.transaction(c -> groups.groupsOf(c, "gate-1"))));
    AuditEntry entry = onlyAuditEntry("gate-1");
    assertEquals("admin", entry.actor());
    assertEquals("register", entry.action());
    assertEquals("gate-1 'gate-1'", entry.after().asText());
  }

  @Test
  void aSecondScreenWithTheSameIdIsAConflict() {
    await(service.register("admin", registration("gate-1")));

    Refusal refusal = refused(service.register("admin", registration("gate-1")));

    assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
    assertEquals("CONFLICT", refusal.code());
  }

  @Test
  void theControllersOwnMqttUsernameIsNoScreenId() {
    Refusal refusal = refused(service.register("admin", registration(ControllerCredentials.USERNAME)));

    assertEquals("BAD_INPUT", refusal.code());
    assertFalse(exists(ControllerCredentials.USERNAME));
  }

  @Test
  void aScreenIsPlacedOnlyInAClusterAndGroupsThatExistAndNothingIsStoredOtherwise() {
    Refusal noCluster = refused(service.register("admin",
        new Registration("gate-1", "Gate 1", ScreenSetup.inCluster("nowhere"), List.of())));
    Refusal noGroup = refused(service.register("admin",
        new Registration("gate-1", "Gate 1", ScreenSetup.inCluster(Cluster.DEFAULT_ID), List.of("departures"))));

    assertEquals("BAD_INPUT", noCluster.code());
    assertEquals("clusterId nowhere names no cluster", noCluster.getMessage());
    assertEquals("BAD_INPUT", noGroup.code());
    assertTrue(noGroup.getMessage().contains("departures"), noGroup.getMessage());
    assertFalse(exists("gate-1"));
  }

  @Test
  void anUpdateRenamesAuditsBeforeAndAfterAndTellsTheBrokerTheClusterAfterTheCommit() {
    await(service.register("admin", registration("gate-1")));
    broker.clear();

    String after = await(service.update("operator", "gate-1",
        new Change("Gate One", ScreenSetup.inCluster(Cluster.DEFAULT_ID), List.of())));

    assertEquals("gate-1 'Gate One'", after);
    assertEquals(List.of("gate-1 moved to " + Cluster.DEFAULT_ID), broker);
    AuditEntry update = await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, "screen", "gate-1", 1)))
        .get(0);
    assertEquals("update", update.action());
    assertEquals("gate-1 'gate-1'", update.before().asText());
    assertEquals("gate-1 'Gate One'", update.after().asText());
  }

  @Test
  void aRefusedUpdateTellsTheBrokerNothing() {
    await(service.register("admin", registration("gate-1")));
    broker.clear();

    Refusal refusal = refused(service.update("operator", "gate-1",
        new Change(null, ScreenSetup.inCluster("nowhere"), List.of())));

    assertEquals("BAD_INPUT", refusal.code());
    assertEquals(List.of(), broker);
    assertEquals("NOT_FOUND", refused(service.update("operator", "gate-9",
        new Change(null, ScreenSetup.inCluster(Cluster.DEFAULT_ID), List.of()))).code());
  }

  @Test
  void revocationCutsTheScreenOffAndARevokedScreenGetsNoNewPassword() {
    await(service.register("admin", registration("gate-1")));
    broker.clear();

    await(service.revoke("admin", "gate-1"));

    assertEquals(List.of("cut off gate-1"), broker);
    assertEquals(Map.of(), await(db.transaction(c -> setups.passwordHashesOfActiveScreens(c))));
    Refusal refusal = refused(service.rotateMqttPassword("admin", "gate-1"));
    assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
    assertEquals("CONFLICT", refusal.code());
    assertEquals("NOT_FOUND", refused(service.revoke("admin", "gate-9")).code());
  }

  @Test
  void aRotatedPasswordReplacesTheStoredOne() {
    Registered<String> registered = await(service.register("admin", registration("gate-1")));
    String hashBefore = await(db.transaction(c -> setups.passwordHashesOfActiveScreens(c))).get("gate-1");

    String rotated = await(service.rotateMqttPassword("admin", "gate-1"));

    assertNotEquals(registered.mqttPassword(), rotated);
    assertNotEquals(hashBefore, await(db.transaction(c -> setups.passwordHashesOfActiveScreens(c))).get("gate-1"));
    assertEquals("NOT_FOUND", refused(service.rotateMqttPassword("admin", "gate-9")).code());
    assertEquals("NOT_FOUND", refused(service.find("gate-9")).code());
  }

  private static Registration registration(String id) {
    return new Registration(id, null, ScreenSetup.inCluster(Cluster.DEFAULT_ID), List.of());
  }

  private boolean exists(String id) {
    return await(db.transaction(c -> screens.exists(c, id)));
  }

  private AuditEntry onlyAuditEntry(String screenId) {
    List<AuditEntry> entries = await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, "screen",
        screenId, 10)));
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }
}
