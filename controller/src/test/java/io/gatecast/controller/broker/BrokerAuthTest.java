package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.Topics;
import io.moquette.broker.subscriptions.Topic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Logins against a store in memory: an old hash is re-hashed on a good login and handed to the
 * upgrade, never on a bad one; what the store says counts at every login (no login is remembered).
 */
class BrokerAuthTest {
  private static final ControllerCredentials CONTROLLER = new ControllerCredentials("gatecast-controller", "secret");

  record Upgrade(String screenId, String oldHash, String newHash) {}

  private final Map<String, String> hashes = new ConcurrentHashMap<>();
  private final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
  private final BrokerAuth auth = new BrokerAuth(CONTROLLER,
      id -> Optional.ofNullable(hashes.get(id)).map(hash -> new BrokerAuth.ScreenLogin(hash, "default")),
      (id, oldHash, newHash) -> {
        upgrades.add(new Upgrade(id, oldHash, newHash));
        hashes.replace(id, oldHash, newHash);
      });

  @Test
  void anOld10000IterationHashLogsInAndIsReplacedByACurrentOneOfTheSamePassword() {
    String password = PasswordHash.newPassword();
    String old = PasswordHash.hash(password, 10_000);
    hashes.put("gate-1", old);

    assertThat(login("gate-1", password)).isTrue();

    assertThat(upgrades).hasSize(1);
    Upgrade upgrade = upgrades.get(0);
    assertThat(upgrade.screenId()).isEqualTo("gate-1");
    assertThat(upgrade.oldHash()).isEqualTo(old);
    assertThat(PasswordHash.isCurrent(upgrade.newHash())).isTrue();
    assertThat(PasswordHash.matches(password, upgrade.newHash())).isTrue();
    // The next login reads the new hash and has nothing left to upgrade
    assertThat(hashes.get("gate-1")).isEqualTo(upgrade.newHash());
    assertThat(login("gate-1", password)).isTrue();
    assertThat(upgrades).hasSize(1);
  }

  @Test
  void aWrongPasswordOnAnOldHashIsRefusedAndUpgradesNothing() {
    hashes.put("gate-2", PasswordHash.hash(PasswordHash.newPassword(), 10_000));
    assertThat(login("gate-2", PasswordHash.newPassword())).isFalse();
    assertThat(upgrades).isEmpty();
  }

  @Test
  void aCurrentHashIsNeverRewritten() {
    String password = PasswordHash.newPassword();
    hashes.put("gate-3", PasswordHash.hash(password));
    assertThat(login("gate-3", password)).isTrue();
    assertThat(upgrades).isEmpty();
  }

  @Test
  void aFailingUpgradeDoesNotFailTheLogin() {
    String password = PasswordHash.newPassword();
    hashes.put("gate-4", PasswordHash.hash(password, 10_000));
    BrokerAuth failing = new BrokerAuth(CONTROLLER,
        id -> Optional.ofNullable(hashes.get(id)).map(hash -> new BrokerAuth.ScreenLogin(hash, "default")),
        (id, oldHash, newHash) -> {
          throw new IllegalStateException("database closed");
        });
    assertThat(failing.checkValid("gate-4", "gate-4", password.getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void aScreenThatLoggedInAndWasCutOffIsRefusedWithItsRightPassword() {
    String password = PasswordHash.newPassword();
    hashes.put("gate-5", PasswordHash.hash(password));
    assertThat(login("gate-5", password)).isTrue();
    assertThat(auth.canRead(Topic.asTopic(Topics.schedule("gate-5")),
        "gate-5", "gate-5")).isTrue();

    // Revocation: the store drops its hash, then the broker is told
    hashes.remove("gate-5");
    assertThat(auth.cutOff("gate-5")).containsExactly("gate-5"); // a screen's client id is its id

    assertThat(login("gate-5", password)).as("no login is remembered past a revocation").isFalse();
    assertThat(auth.canRead(Topic.asTopic(Topics.schedule("gate-5")),
        "gate-5", "gate-5")).isFalse();
  }

  @Test
  void aScreenWithTheRightPasswordButAnotherClientIdIsRefused() {
    String password = PasswordHash.newPassword();
    hashes.put("gate-7", PasswordHash.hash(password));
    assertThat(auth.checkValid("gate-8", "gate-7", password.getBytes(StandardCharsets.UTF_8)))
        .as("screen gate-7 taking gate-8's session").isFalse();
    assertThat(auth.checkValid("gate-7", "gate-7", password.getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void aRotatedPasswordCountsFromTheNextLogin() {
    String before = PasswordHash.newPassword();
    hashes.put("gate-6", PasswordHash.hash(before));
    assertThat(login("gate-6", before)).isTrue();
    String after = PasswordHash.newPassword();
    hashes.put("gate-6", PasswordHash.hash(after));
    assertThat(login("gate-6", before)).isFalse();
    assertThat(login("gate-6", after)).isTrue();
  }

  private boolean login(String screenId, String password) {
    return auth.checkValid(screenId, screenId, password.getBytes(StandardCharsets.UTF_8));
  }
}
