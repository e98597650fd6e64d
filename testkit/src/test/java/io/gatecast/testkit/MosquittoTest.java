package io.gatecast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class MosquittoTest {
  @TempDir Path tmp;

  @Test
  void listensOnItsOwnPortWithTheGivenSettingsAndStopsWhenClosed() throws Exception {
    Mosquitto.require("the test kit's Mosquitto check is");
    int port = Ports.free();
    Path conf = Mosquitto.writeConf(tmp.resolve("mosquitto.conf"), port, "allow_anonymous true", "persistence false");
    assertThat(Files.readString(conf)).startsWith("listener " + port + " 127.0.0.1\nallow_anonymous true\n")
        .contains("user " + System.getProperty("user.name"), "log_dest stdout");
    Mosquitto mosquitto = Mosquitto.start(conf, port);
    try {
      assertThat(mosquitto.url()).isEqualTo("tcp://127.0.0.1:" + port);
      assertThat(Ports.listening(port)).isTrue();
      mosquitto.reload();
      assertThat(mosquitto.isAlive()).isTrue();
    } finally {
      mosquitto.close();
    }
    assertThat(mosquitto.isAlive()).isFalse();
  }

  @Test
  void aBrokerThatCannotStartFailsWithItsLog() throws Exception {
    Mosquitto.require("the test kit's Mosquitto check is");
    int port = Ports.free();
    Path conf = Mosquitto.writeConf(tmp.resolve("broken.conf"), port, "no_such_setting true");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Mosquitto.start(conf, port))
        .isInstanceOf(AssertionError.class).hasMessageContaining("mosquitto exited");
  }
}
