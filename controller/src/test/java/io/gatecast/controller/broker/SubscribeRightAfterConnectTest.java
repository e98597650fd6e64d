package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.Topics;
import io.gatecast.testkit.IntegrationTest;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A screen may send its SUBSCRIBE right after its CONNECT, without waiting for the CONNACK (MQTT 3.1.1
 * §3.1.4), and the embedded broker serves it. A bare Moquette 0.17 takes such a SUBSCRIBE for one on
 * a closed connection and drops the connection — the same race that, with clients that do wait, dropped
 * a fresh connection about once per full test run (see {@code io.gatecast.moquette.HeldUntilConnected}). Both packets go
 * out in one write, so the broker reads the SUBSCRIBE before it has answered the CONNECT.
 */
@IntegrationTest
class SubscribeRightAfterConnectTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String SCREEN = "hall-1";

  @TempDir Path dataDir;
  private final String password = PasswordHash.newPassword();
  private EmbeddedBroker broker;

  @BeforeEach
  void start() {
    String hash = PasswordHash.hash(password);
    BrokerAuth auth = new BrokerAuth(new ControllerCredentials(ControllerCredentials.USERNAME, "controller-secret"),
        id -> SCREEN.equals(id) ? Optional.of(new BrokerAuth.ScreenLogin(hash, "default")) : Optional.empty());
    broker = EmbeddedBroker.start(EmbeddedBroker.Kind.MOQUETTE, "127.0.0.1", 0, dataDir, auth, null);
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void aSubscribeSentWithTheConnectIsGranted() throws Exception {
    try (Socket socket = socket()) {
      RawMqtt mqtt = new RawMqtt(socket);
      mqtt.writeConnect(SCREEN, SCREEN, password);
      mqtt.writeSubscribe(1, Topics.schedule(SCREEN), 1);
      mqtt.flush();

      assertThat(mqtt.connAckCode()).as("CONNACK return code").isZero();
      assertThat(mqtt.subAckCode(1)).as("granted QoS").isEqualTo(1);
      // The connection goes on: a second subscription on it is granted too
      mqtt.writeSubscribe(2, Topics.commands(SCREEN), 1);
      mqtt.flush();
      assertThat(mqtt.subAckCode(2)).as("granted QoS of the second subscription").isEqualTo(1);
    }
  }

  @Test
  void aRefusedLoginWithASubscribeBehindItIsStillRefusedAndClosed() throws Exception {
    try (Socket socket = socket()) {
      RawMqtt mqtt = new RawMqtt(socket);
      mqtt.writeConnect(SCREEN, SCREEN, "not-" + password);
      mqtt.writeSubscribe(1, Topics.schedule(SCREEN), 1);
      mqtt.flush();

      assertThat(mqtt.connAckCode()).as("CONNACK return code: bad user name or password").isEqualTo(4);
      assertThat(socket.getInputStream().read()).as("nothing more, the connection is closed").isEqualTo(-1);
    }
  }

  private Socket socket() throws Exception {
    Socket socket = new Socket("127.0.0.1", broker.port());
    // A read that waits longer than this fails the test instead of hanging it
    socket.setSoTimeout((int) DEADLINE.toMillis());
    return socket;
  }
}
