package io.gatecast.agent.display;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the screen shows while the agent has no identity: its pairing code, full screen, for an
 * operator to type into the console. Served on the same loopback port as the player page
 * ({@link PageServer}), which takes over once the agent is enrolled; the page then reloads itself
 * into the player.
 *
 * <pre>
 * GET /      the pairing page
 * GET /now   {"pairingCode": "ABC-123" or null until the controller took it, "message": "...",
 *             "controller": "http://10.0.0.5:8080" (where to type the code), "screenId": null}
 * </pre>
 */
public final class PairingPage implements AutoCloseable {
  private static final String PAGE_RESOURCE = "pairing.html";

  /** The JSON of {@code GET /now} while pairing; the page and the tests read it. */
  public record PairingView(String pairingCode, String message, String controller) {
    public PairingView(String pairingCode, String message) {
      this(pairingCode, message, null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] page;
  private volatile PairingView view = new PairingView(null, "Đang kết nối tới bộ điều khiển… · Connecting to the controller…");
  private volatile String controller;

  private PairingPage(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    this.page = loadPage();
  }

  /** Serves on 127.0.0.1:{@code port} (0 for any free port). */
  public static PairingPage start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "gatecast-pairing-page");
      thread.setDaemon(true);
      return thread;
    });
    PairingPage pairing = new PairingPage(server, executor);
    server.setExecutor(executor);
    server.createContext("/", pairing::handle);
    server.start();
    return pairing;
  }

  /** Shows {@code code} (as {@code ABC-123}, or null while none is registered) with a line of explanation. */
  public void show(String code, String message) {
    view = new PairingView(code, message, controller);
  }

  /** The controller's address, shown with the code so the technician knows where to type it. */
  public void controller(String address) {
    controller = address;
    view = new PairingView(view.pairingCode(), view.message(), address);
  }

  public PairingView view() {
    return view;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/")) {
        send(exchange, 200, "text/html; charset=utf-8", page);
      } else if (path.equals("/now")) {
        send(exchange, 200, "application/json; charset=utf-8", Codec.mapper().writeValueAsBytes(view));
      } else {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] loadPage() {
    try (InputStream in = PairingPage.class.getResourceAsStream(PAGE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + PAGE_RESOURCE + " is missing from the agent's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
