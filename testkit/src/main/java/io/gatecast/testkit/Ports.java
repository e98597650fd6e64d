package io.gatecast.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Loopback ports for tests: a free one (never fixed), and whether one is listening.
 *
 * <p>A port handed out here is bound later by another process (a nats-server, a Mosquitto, an agent),
 * so between the check and the bind it must not be taken. It is therefore drawn from below the
 * kernel's ephemeral range: the OS never gives those to an outgoing connection or to a bind on port
 * 0, which is what took them before (a NATS node failed with "address already in use" on a port
 * chosen here a moment earlier while other work on the machine opened connections).
 */
public final class Ports {
  /** Lowest port drawn; above the well-known and most registered service ports of this machine. */
  static final int LOWEST = 10_000;
  private static final int ATTEMPTS = 200;

  private Ports() {}

  /** A port free on loopback now, outside the ephemeral range; for a process that must be told its port up front. */
  public static int free() {
    int below = ephemeralRangeStart();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < ATTEMPTS; i++) {
      int port = random.nextInt(LOWEST, below);
      if (bindable(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free loopback port between " + LOWEST + " and " + below + " after " + ATTEMPTS + " tries");
  }

  /** The first of {@code count} consecutive ports free now, as {@link #free()} picks one; for a process that takes a run of them. */
  public static int freeRun(int count) {
    int below = ephemeralRangeStart();
    for (int i = 0; i < ATTEMPTS; i++) {
      int first = free();
      if (IntStream.range(1, count).allMatch(k -> first + k < below && bindable(first + k))) {
        return first;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free loopback ports after " + ATTEMPTS + " tries");
  }

  /** True when something accepts a TCP connection on the loopback port. */
  public static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first port the kernel hands out by itself (Linux: /proc/sys/net/ipv4/ip_local_port_range; 32768 elsewhere). */
  static int ephemeralRangeStart() {
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    try {
      int start = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
      return start > LOWEST + 1_000 ? start : 32_768;
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }

  static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Without reuse-address the probe itself would leave nothing behind either way; with it, a port in
      // TIME_WAIT from an earlier test still counts as free, as it would for the server that binds it.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
