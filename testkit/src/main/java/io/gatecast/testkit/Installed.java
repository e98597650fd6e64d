package io.gatecast.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests that need a program installed on the machine (Mosquitto, nats-server,
 * Chromium): skipped with a message when it is missing, unless the environment variable that
 * {@code .ci/run} sets (e.g. {@code GATECAST_REQUIRE_MOSQUITTO=true}) turns the skip into a failure.
 */
public final class Installed {
  private Installed() {}

  /**
   * @param requireVariable the environment variable that makes a missing program a failure
   * @param message what is missing and how to install it; the test's name for what is skipped
   */
  public static void require(boolean present, String requireVariable, String message) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv(requireVariable))) {
      Assertions.fail(message + " (" + requireVariable + "=true)");
    }
    Assumptions.abort(message);
  }

  public static boolean executable(String... paths) {
    for (String path : paths) {
      if (!Files.isExecutable(Path.of(path))) {
        return false;
      }
    }
    return true;
  }
}
