package io.gatecast.testkit;

import java.util.concurrent.TimeUnit;

/** Ending a child process and waiting a bounded time for it, for the kit's process wrappers. */
final class Ending {
  private Ending() {}

  /** SIGTERM; true when the process ended within {@code seconds}. */
  static boolean stop(Process process, long seconds) throws InterruptedException {
    process.destroy();
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  /** SIGKILL; true when the process ended within {@code seconds}. */
  static boolean kill(Process process, long seconds) throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }
}
