package io.gatecast.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server handing out media files, as the controller's media store would, with HTTP
 * {@code Range} support, and the failures a test needs: a connection cut after some bytes, a file
 * held back until released, a slow link, and being down.
 */
public final class MediaServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  /** One request as the server saw it. */
  public record Request(String path, String range, long bytesSent) {}

  public final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Long> cutAfter = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
  private final AtomicInteger names = new AtomicInteger();
  private volatile int bytesPerSecond;
  private volatile boolean down;
  private boolean closed;

  public MediaServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "media-server");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves {@code bytes} at a new URL and returns it. */
  public String serve(byte[] bytes) {
    String path = "/files/" + names.incrementAndGet();
    files.put(path, bytes.clone());
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next request for {@code url} sends {@code bytes} bytes of the body, then drops the connection. */
  public void cutNextAfter(String url, long bytes) {
    cutAfter.put(pathOf(url), bytes);
  }

  /** Requests for {@code url} wait until {@link #release} (as a slow link would). */
  public void hold(String url) {
    held.put(pathOf(url), new CountDownLatch(1));
  }

  public void release(String url) {
    CountDownLatch latch = held.remove(pathOf(url));
    if (latch != null) {
      latch.countDown();
    }
  }

  /** Sends bodies at about this rate (0 = as fast as possible), so a download takes a while. */
  public void throttle(int bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** While down, every request gets a 503. */
  public void down(boolean down) {
    this.down = down;
  }

  public List<Request> requestsFor(String url) {
    String path = pathOf(url);
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String range = exchange.getRequestHeaders().getFirst("Range");
      CountDownLatch latch = held.get(path);
      if (latch != null) {
        latch.await(60, TimeUnit.SECONDS);
      }
      byte[] body = files.get(path);
      if (down || body == null) {
        requests.add(new Request(path, range, 0));
        exchange.sendResponseHeaders(down ? 503 : 404, -1);
        return;
      }
      int from = 0;
      Matcher m = range == null ? null : RANGE.matcher(range);
      if (m != null && m.matches() && Long.parseLong(m.group(1)) < body.length) {
        from = Integer.parseInt(m.group(1));
        exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        exchange.sendResponseHeaders(206, body.length - from);
      } else {
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      }
      Long cut = cutAfter.remove(path);
      long limit = cut == null ? body.length - from : Math.min(cut, body.length - from);
      long sent = 0;
      OutputStream out = exchange.getResponseBody();
      while (sent < limit) {
        int chunk = (int) Math.min(limit - sent, bytesPerSecond > 0 ? Math.max(1, bytesPerSecond / 20) : 64 * 1024);
        out.write(body, (int) (from + sent), chunk);
        out.flush();
        sent += chunk;
        if (bytesPerSecond > 0) {
          Thread.sleep(50); // the simulated link's pace, not test synchronisation
        }
      }
      requests.add(new Request(path, range, sent));
      if (cut != null) {
        // Drop the connection mid-body (the JDK server closes it on an exception): the client
        // sees the stream end before Content-Length.
        throw new IOException("connection cut by the test after " + sent + " bytes");
      }
      out.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String pathOf(String url) {
    return url.substring(url.indexOf('/', url.indexOf("://") + 3));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    held.values().forEach(CountDownLatch::countDown);
    server.stop(0);
  }
}
