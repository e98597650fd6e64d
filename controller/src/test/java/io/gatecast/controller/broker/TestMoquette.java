package io.gatecast.controller.broker;

import io.moquette.broker.config.MemoryConfig;
import java.nio.file.Path;
import java.util.Properties;

/** The configuration of a bare Moquette the broker tests start themselves: loopback, one port, nothing kept. */
final class TestMoquette {
  private TestMoquette() {}

  /** {@code anonymous}: whether a client without a login is let in (the test's own authenticator decides otherwise). */
  static MemoryConfig config(int port, Path dataDir, boolean anonymous) {
    Properties properties = new Properties();
    properties.setProperty("host", "127.0.0.1");
    properties.setProperty("port", Integer.toString(port));
    properties.setProperty("websocket_port", "disabled");
    properties.setProperty("telemetry_enabled", "false");
    properties.setProperty("allow_anonymous", Boolean.toString(anonymous));
    properties.setProperty("persistence_enabled", "false");
    properties.setProperty("data_path", dataDir.toString());
    return new MemoryConfig(properties);
  }
}
