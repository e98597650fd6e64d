package io.gatecast.agent.health;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's build version, from {@code version.properties} (written by Maven at build time). */
public final class AgentVersion {
  private static final String RESOURCE = "version.properties";
  private static final String VALUE = read();

  private AgentVersion() {}

  public static String get() {
    return VALUE;
  }

  private static String read() {
    try (InputStream in = AgentVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "").strip();
        if (!version.isEmpty() && !version.startsWith("${")) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through: an unknown version is reported as such, not guessed
    }
    String fromManifest = AgentVersion.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : "unknown";
  }
}
