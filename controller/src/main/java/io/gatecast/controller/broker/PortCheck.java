package io.gatecast.controller.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * Tells, before a server starts, whether its port is free, so the error can say what to do; and waits,
 * after a server closed, until its port is free again.
 */
public final class PortCheck {
  private PortCheck() {}

  public static boolean isFree(String host, int port) {
    if (port == 0) {
      return true;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Waits until the port can be bound again. A server's close can complete before the OS frees its port:
   * the JDK closes a listening channel that is registered with a selector only on that selector's next
   * pass, and Vert.x's acceptor thread is shared, busy or descheduled, so it may not have come round yet.
   * Nothing signals that pass, so the port itself is asked, every few milliseconds.
   *
   * @throws IllegalStateException when the port is still taken after {@code deadline}
   */
  public static void awaitFree(String host, int port, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!isFree(host, port)) {
      if (System.nanoTime() - end > 0) {
        throw new IllegalStateException("port " + port + " on " + host + " is still taken " + deadline + " after its server closed");
      }
      Thread.sleep(5);
    }
  }
}
