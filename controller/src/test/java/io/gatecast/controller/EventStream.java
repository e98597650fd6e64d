package io.gatecast.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A client of {@code GET /api/v1/events} over real HTTP: reads the stream on its own thread and
 * keeps every event it parsed, in order.
 */
final class EventStream implements AutoCloseable {
  /** One server-sent event: its name and its JSON data. */
  record Event(String name, JsonNode data) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  final int status;
  final List<Event> events = new CopyOnWriteArrayList<>();
  /** Whether the stream was read to its end (closed by the controller, or by the test). */
  volatile boolean ended;
  private final InputStream body;

  private EventStream(int status, InputStream body) {
    this.status = status;
    this.body = body;
  }

  /** Opens the stream with {@code token} (null: none). Reads it only if {@code read}. */
  static EventStream open(int port, String token, boolean read) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    EventStream stream = new EventStream(response.statusCode(), response.body());
    if (read && response.statusCode() == 200) {
      Thread reader = new Thread(stream::read, "event-stream-reader");
      reader.setDaemon(true);
      reader.start();
    }
    return stream;
  }

  boolean has(String name, Predicate<JsonNode> data) {
    return events.stream().anyMatch(e -> e.name().equals(name) && data.test(e.data()));
  }

  /** Whether a {@code screens} event named this screen. */
  boolean namesScreen(String screenId) {
    return has("screens", d -> containsText(d.path("ids"), screenId));
  }

  /** Whether a {@code screens} event after the first {@code from} events named this screen. */
  boolean namesScreenAfter(int from, String screenId) {
    return events.subList(from, events.size()).stream()
        .anyMatch(e -> e.name().equals("screens") && containsText(e.data().path("ids"), screenId));
  }

  static boolean containsText(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(name, JSON.readTree(data.toString())));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("event: ")) {
          name = line.substring("event: ".length());
        } else if (line.startsWith("data: ")) {
          data.append(line.substring("data: ".length()));
        }
      }
    } catch (IOException e) {
      // closed by the test, or by the controller
    } finally {
      ended = true;
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
