package io.gatecast.testkit;

import java.io.IOException;

/**
 * A main class for {@link JavaProcessTest}: says it is up (with the {@code gatecast.test.probe} property
 * and the JVM options it was given), then blocks on its stdin (a pipe nobody writes to).
 */
public final class WaitsForInput {
  private WaitsForInput() {}

  public static void main(String[] args) throws IOException {
    System.out.println("up " + String.join(" ", args));
    System.out.println("probe " + System.getProperty("gatecast.test.probe"));
    System.out.println("jvm " + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.flush();
    System.in.read();
  }
}
