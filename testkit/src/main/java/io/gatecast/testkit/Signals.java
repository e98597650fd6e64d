package io.gatecast.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;

/** POSIX signals to a child process, by kill(1): Java's Process API knows only TERM and KILL. */
public final class Signals {
  private Signals() {}

  /** Sends {@code name} ("HUP", "STOP", "CONT" ...) to {@code process} and waits for kill(1) to return. */
  public static void send(Process process, String name) {
    kill(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO());
  }

  /**
   * Sends {@code name} to every process of the group {@code groupId} and waits for kill(1) to return; a group
   * with no process left is no error.
   */
  public static void sendToGroup(long groupId, String name) {
    kill(new ProcessBuilder("kill", "-" + name, "--", "-" + groupId).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD));
  }

  private static void kill(ProcessBuilder kill) {
    try {
      kill.start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
