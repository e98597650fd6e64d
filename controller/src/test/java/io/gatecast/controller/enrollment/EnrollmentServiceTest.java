package io.gatecast.controller.enrollment;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.controller.enrollment.EnrollmentService.EnrollmentView;
import io.gatecast.controller.enrollment.EnrollmentService.Pickup;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.Keys;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.enrollment.Identity;
import io.gatecast.protocol.enrollment.PairingCode;
import io.gatecast.testkit.MovableClock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Enrollment on a real SQLite file, without a controller: codes registered once and rate-limited
 * per address, assigned once to a screen that cannot already log in, picked up only with the
 * secret (a new password each time), forgotten when they expire; every refusal by its code.
 */
class EnrollmentServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final String AGENT = "192.0.2.7";

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private final MovableClock clock = new MovableClock(NOW);
  private final ScreenRepository screens = new ScreenRepository();
  private final ScreenSetupRepository setups = new ScreenSetupRepository();
  private final PinnedKey key = new PinnedKey("key-1", Keys.encodePublic(Keys.generate().getPublic()), null);
  private Database db;
  private EnrollmentService service;

  @BeforeEach
  void open() {
    db = database.db();
    service = new EnrollmentService(db, clock, new EnrollmentRepository(), screens, setups, new ClusterRepository(),
        () -> key, () -> List.of("tcp://0.0.0.0:1883", "ssl://broker.example:8883"), new AuditLog(clock));
  }

  @Test
  void aCodeWaitsIsAssignedOnceAndOnlyItsSecretPicksUpTheIdentity() {
    String code = PairingCode.newCode();
    String secret = PairingCode.newSecret();
    EnrollmentView registered = await(service.register(AGENT, code, secret));
    assertEquals(Enrollment.State.WAITING, registered.state());
    assertEquals(NOW.plus(EnrollmentService.TTL), registered.expiresAt());
    assertEquals("CONFLICT", refused(service.register(AGENT, code, PairingCode.newSecret())).code());

    Pickup waiting = await(service.pickup(code, secret, "controller.local"));
    assertNull(waiting.identity());
    assertEquals(Enrollment.State.WAITING, waiting.waiting().state());
    Refusal wrongSecret = refused(service.pickup(code, PairingCode.newSecret(), null));
    Refusal unknownCode = refused(service.pickup(PairingCode.newCode(), secret, null));
    assertEquals("NOT_FOUND", wrongSecret.code());
    assertEquals(wrongSecret.getMessage(), unknownCode.getMessage(), "trying codes tells nothing");

    EnrollmentView assigned = await(service.assign("tech", code, "gate-1", "Gate 1", Cluster.DEFAULT_ID));
    assertEquals(Enrollment.State.ASSIGNED, assigned.state());
    assertEquals("gate-1", assigned.screenId());
    assertEquals(Cluster.DEFAULT_ID, await(db.transaction(c -> setups.find(c, "gate-1"))).orElseThrow().clusterId());
    Refusal twice = refused(service.assign("tech", code, "gate-2", "Gate 2", Cluster.DEFAULT_ID));
    assertEquals(Refusal.Kind.CONFLICT, twice.kind());
    assertEquals("PAIRING_CODE_USED", twice.code());

    Identity first = await(service.pickup(code, secret, "controller.local")).identity();
    assertEquals("gate-1", first.screenId());
    assertEquals(List.of("tcp://controller.local:1883", "ssl://broker.example:8883"), first.brokerUrls(),
        "a broker on every interface is announced at the host the agent reached");
    assertEquals(key.publicKey(), first.publicKey());
    assertTrue(PasswordHash.matches(first.mqttPassword(), storedHash("gate-1")));

    Identity again = await(service.pickup(code, secret, null)).identity();
    assertNotEquals(first.mqttPassword(), again.mqttPassword());
    assertFalse(PasswordHash.matches(first.mqttPassword(), storedHash("gate-1")), "a new pickup voids the old password");
    assertEquals(List.of("tcp://0.0.0.0:1883", "ssl://broker.example:8883"), again.brokerUrls());
    assertEquals(List.of("enroll"), actionsOn("screen", "gate-1"));
  }

  @Test
  void anAssignmentThatBreaksARuleIsRefusedByItsCodeAndStoresNothing() {
    String code = PairingCode.newCode();
    await(service.register(AGENT, code, PairingCode.newSecret()));

    assertEquals("BAD_INPUT",
        refused(service.assign("tech", code, ControllerCredentials.USERNAME, "x", Cluster.DEFAULT_ID)).code());
    Refusal noCluster = refused(service.assign("tech", code, "gate-1", "Gate 1", "nowhere"));
    assertEquals(Refusal.Kind.BAD_INPUT, noCluster.kind());
    assertEquals("clusterId nowhere names no cluster", noCluster.getMessage());
    assertFalse((boolean) await(db.transaction(c -> screens.exists(c, "gate-1"))),
        "a refused assignment stores no screen");
    assertEquals(Enrollment.State.WAITING, await(service.current()).get(0).state());
    assertEquals("PAIRING_CODE_UNKNOWN", refused(service.assign("tech", PairingCode.newCode(), "gate-1", "G", Cluster.DEFAULT_ID))
        .code());
  }

  @Test
  void aScreenThatCanLogInIsNotTakenOverAndARevokedOneGetsTheNewKiosk() {
    String code1 = PairingCode.newCode();
    String secret1 = PairingCode.newSecret();
    await(service.register(AGENT, code1, secret1));
    await(service.assign("tech", code1, "gate-1", "Gate 1", Cluster.DEFAULT_ID));
    await(service.pickup(code1, secret1, null));

    String code2 = PairingCode.newCode();
    String secret2 = PairingCode.newSecret();
    await(service.register(AGENT, code2, secret2));
    Refusal takeOver = refused(service.assign("tech", code2, "gate-1", "Gate 1", Cluster.DEFAULT_ID));
    assertEquals(Refusal.Kind.CONFLICT, takeOver.kind());

    await(db.transaction(c -> setups.revoke(c, "gate-1", NOW)));
    assertEquals("GONE", refused(service.pickup(code1, secret1, null)).code(), "a revoked screen's code gives nothing");
    await(service.assign("tech", code2, "gate-1", "Gate one", Cluster.DEFAULT_ID));
    assertFalse(await(db.transaction(c -> setups.find(c, "gate-1"))).orElseThrow().revoked(), "reinstated");
    assertEquals("Gate one", await(db.transaction(c -> screens.find(c, "gate-1"))).orElseThrow().name());
    assertEquals("gate-1", await(service.pickup(code2, secret2, null)).identity().screenId());
  }

  @Test
  void anExpiredCodeIsGoneAndForgotten() {
    String code = PairingCode.newCode();
    String secret = PairingCode.newSecret();
    await(service.register(AGENT, code, secret));
    clock.advance(EnrollmentService.TTL);

    assertEquals("GONE", refused(service.pickup(code, secret, null)).code());
    assertEquals("PAIRING_CODE_UNKNOWN", refused(service.assign("tech", code, "gate-1", "G", Cluster.DEFAULT_ID)).code());
    assertEquals(List.of(), await(service.current()));
    await(service.register(AGENT, code, PairingCode.newSecret()));
    assertEquals(1, await(service.current()).size(), "an expired code may be registered again");
  }

  @Test
  void oneAddressRegistersALimitedNumberOfCodesAndOthersStillCan() {
    for (int i = 0; i < EnrollmentService.MAX_PER_ADDRESS; i++) {
      await(service.register(AGENT, PairingCode.newCode(), PairingCode.newSecret()));
    }
    Refusal limited = refused(service.register(AGENT, PairingCode.newCode(), PairingCode.newSecret()));
    assertEquals(Refusal.Kind.TOO_MANY_REQUESTS, limited.kind());
    assertEquals("ENROLLMENT_RATE_LIMITED", limited.code());
    assertEquals(EnrollmentService.MAX_PER_ADDRESS, limited.details().get("limit"));
    assertEquals(EnrollmentService.MAX_PER_ADDRESS, await(service.current()).size(), "the refused code is not stored");

    await(service.register("198.51.100.9", PairingCode.newCode(), PairingCode.newSecret()));
  }

  @Test
  void clearingRemovesWaitingCodesOnlyAndIsAudited() {
    String assigned = PairingCode.newCode();
    await(service.register(AGENT, assigned, PairingCode.newSecret()));
    await(service.assign("tech", assigned, "gate-1", "Gate 1", Cluster.DEFAULT_ID));
    String waiting = PairingCode.newCode();
    await(service.register(AGENT, waiting, PairingCode.newSecret()));
    await(service.register(AGENT, PairingCode.newCode(), PairingCode.newSecret()));

    assertEquals("PAIRING_CODE_UNKNOWN", refused(service.clearOne("tech", assigned)).code(), "an assigned code is not cleared");
    assertEquals(Map.of("cleared", 1), await(service.clearOne("tech", waiting)));
    assertEquals(Map.of("cleared", 1), await(service.clearWaiting("tech")));
    assertEquals(List.of(assigned), await(service.current()).stream().map(EnrollmentView::code).toList());
    assertEquals(List.of("clear-enrollment"), actionsOn("enrollment", waiting));
    assertEquals(List.of("clear-enrollments"), actionsOn("enrollment", "*"));
  }

  private String storedHash(String screenId) {
    return await(db.transaction(c -> screens.passwordHash(c, screenId))).orElseThrow();
  }

  private List<String> actionsOn(String type, String id) {
    return await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, type, id, 50)))
        .stream().map(AuditEntry::action).toList();
  }
}
