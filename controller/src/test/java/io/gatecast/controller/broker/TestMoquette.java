package io.gatecast.controller.broker;

import io.gatecast.moquette.PatchedMoquette;
import io.moquette.broker.config.MemoryConfig;
import java.nio.file.Path;
import java.util.Properties;

/** The configuration of a bare Moquette the broker tests start themselves: loopback, one port, nothing kept. */
final class TestMoquette {
  private TestMoquette() {}

  /** {@code anonymous}: whether a client without a login is let in (the test's own authenticator decides otherwise). */
  static MemoryConfig config(int port, Path dataDir, boolean anonymous) {
    Properties properties = PatchedMoquette.loopbackAnonymous();
    properties.setProperty("port", Integer.toString(port));
    properties.setProperty("allow_anonymous", Boolean.toString(anonymous));
    properties.setProperty("data_path", dataDir.toString());
    return new MemoryConfig(properties);
  }
}
