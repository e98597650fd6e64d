package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatecast.controller.RunningController;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A screen registered when MQTT passwords were hashed with 10,000 iterations still logs in to the
 * embedded broker, and that login stores its password again at today's count, in the database the
 * export reads; a rotation made meanwhile is never undone by a late re-hash.
 */
@IntegrationTest
class PasswordUpgradeTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final ScreenRepository SCREENS = new ScreenRepository();

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void anOldHashLogsInAndIsStoredAgainAtTheCurrentCount() throws Exception {
    String password = register("up-hall");
    String old = PasswordHash.hash(password, 10_000);
    assertThat(storeHash("up-hall", old)).isTrue();
    String broker = RUNNING.controller().brokerUrl();

    MqttProbe.connect(broker, "up-hall", password).close();

    await().atMost(DEADLINE).until(() -> PasswordHash.isCurrent(storedHash("up-hall")));
    String upgraded = storedHash("up-hall");
    assertThat(PasswordHash.matches(password, upgraded)).isTrue();
    MqttProbe.connect(broker, "up-hall", password).close();
    assertThat(storedHash("up-hall")).as("a current hash is left as it is").isEqualTo(upgraded);
    assertThatThrownBy(() -> MqttProbe.connect(broker, "up-hall", PasswordHash.newPassword()))
        .isInstanceOf(MqttException.class);
  }

  @Test
  void aReHashArrivingAfterARotationChangesNothing() throws Exception {
    String password = register("up-rotated");
    String old = PasswordHash.hash(password, 10_000);
    assertThat(storeHash("up-rotated", old)).isTrue();
    Answer rotated = RUNNING.api().post("/api/v1/screens/up-rotated/mqtt-password");
    assertThat(rotated.status()).isEqualTo(200);
    String rotatedHash = storedHash("up-rotated");

    try (Connection c = connection()) {
      assertThat(SCREENS.replacePasswordHash(c, "up-rotated", old, PasswordHash.hash(password))).isFalse();
    }
    assertThat(storedHash("up-rotated")).isEqualTo(rotatedHash);
    assertThatThrownBy(() -> MqttProbe.connect(RUNNING.controller().brokerUrl(), "up-rotated", password))
        .isInstanceOf(MqttException.class);
  }

  private static String register(String screenId) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", Map.of("id", screenId));
    assertThat(answer.status()).isEqualTo(201);
    String password = answer.body().path("mqttPassword").asText();
    assertThat(PasswordHash.isCurrent(storedHash(screenId))).as("a new screen gets a current hash").isTrue();
    return password;
  }

  /** Writes a hash as an older controller would have stored it. */
  private static boolean storeHash(String screenId, String hash) throws SQLException {
    try (Connection c = connection()) {
      return SCREENS.setPasswordHash(c, screenId, hash);
    }
  }

  private static String storedHash(String screenId) {
    try (Connection c = connection()) {
      return SCREENS.passwordHash(c, screenId).orElse(null);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connection() throws SQLException {
    Path file = RUNNING.dataDir().resolve("gatecast.db");
    return DriverManager.getConnection("jdbc:sqlite:" + file + "?busy_timeout=5000");
  }
}
