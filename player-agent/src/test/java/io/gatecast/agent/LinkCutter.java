package io.gatecast.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A TCP relay between an agent and its broker that a test can cut, like a 4G link dropping:
 * {@link #cut()} closes every open connection and refuses new ones until {@link #restore()}.
 * Keeps its port throughout, so the agent's broker URL stays the same. Given a {@link PacketFilter},
 * it relays whole MQTT packets, each only if the filter lets it through: a broker that loses what
 * it should have sent.
 */
final class LinkCutter implements AutoCloseable {
  /** Which MQTT packets (fixed header, remaining length and all) go through, each way. */
  interface PacketFilter {
    boolean toBroker(byte[] packet);

    boolean toAgent(byte[] packet);
  }

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final PacketFilter filter;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean up = true;
  private volatile boolean closed;

  LinkCutter(String brokerUrl) {
    this(brokerUrl, null);
  }

  /** @param filter which packets go through; null: every byte, as it comes */
  LinkCutter(String brokerUrl, PacketFilter filter) {
    this.filter = filter;
    String hostPort = brokerUrl.substring(brokerUrl.indexOf("://") + 3);
    int colon = hostPort.lastIndexOf(':');
    target = new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "link-cutter");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  void cut() {
    up = false;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  void restore() {
    up = true;
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      if (!up) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(upstream);
        pump(client, upstream, filter == null ? null : filter::toBroker);
        pump(upstream, client, filter == null ? null : filter::toAgent);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  /** Copies {@code from} to {@code to}: as bytes come, or ({@code passes} not null) whole MQTT packets it lets through. */
  private void pump(Socket from, Socket to, Predicate<byte[]> passes) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        if (passes != null) {
          for (byte[] packet; (packet = readPacket(in)) != null; ) {
            if (passes.test(packet)) {
              out.write(packet);
              out.flush();
            }
          }
          return;
        }
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // the link was cut, or one side hung up
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "link-cutter-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** One MQTT packet as sent (fixed header byte, remaining length, the rest), or null at the end of the stream. */
  private static byte[] readPacket(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(first);
    int length = 0;
    for (int shift = 0, digit = 0x80; (digit & 0x80) != 0; shift += 7) {
      digit = in.read();
      if (digit < 0) {
        return null;
      }
      packet.write(digit);
      length |= (digit & 0x7f) << shift;
    }
    byte[] rest = in.readNBytes(length);
    if (rest.length < length) {
      return null;
    }
    packet.write(rest);
    return packet.toByteArray();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    cut();
    closeQuietly(server);
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
