package io.gatecast.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every call the benchmarks make to the controller's HTTP API, in one place, on the controller's
 * own {@link ApiClient}. When the API requires a login (bearer token), it is added here and
 * nowhere else.
 */
public final class ControllerApi {
  /**
   * The benchmarks start their controllers with {@code --admin-password} set to this (a bench
   * machine's throw-away controller, never a real one).
   */
  public static final String ADMIN_PASSWORD = "bench-admin-password";
  private static final String APPROVER = "bench-approver";
  private static final String APPROVER_PASSWORD = "bench-approver-password";
  private final int httpPort;
  private final ApiClient client;

  public ControllerApi(int httpPort) {
    this.httpPort = httpPort;
    this.client = ApiClient.signedIn(httpPort, "admin", ADMIN_PASSWORD);
  }

  /** The key screens pin, from {@code GET /api/v1/signing-key}. */
  public PinnedKey signingKey() {
    JsonNode key = ok(client.get("/api/v1/signing-key"), "signing key").body();
    return new PinnedKey(key.path("keyId").asText(), key.path("publicKey").asText(), null);
  }

  /**
   * A counter from the controller's {@code GET /metrics} (Prometheus text), e.g. {@code
   * gatecast_heartbeats_total}: what the controller itself counted, beside what the simulator sent.
   * Static: the scrape needs no login, so a benchmark needs no signed-in client for it.
   */
  public static double counter(int httpPort, String name) {
    try {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("GET /metrics: HTTP " + answer.statusCode());
      }
      return answer.body().lines().filter(line -> line.startsWith(name + " ")).findFirst()
          .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
          .orElseThrow(() -> new IllegalStateException("GET /metrics has no " + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The controller's HTTP port. */
  public int httpPort() {
    return httpPort;
  }

  /** The controller's count of the fleet's profiles planned ahead of a publish (issue 21). */
  public static final String PROFILES_PLANNED_AHEAD = "gatecast_publish_profiles_planned_ahead_total";

  /**
   * Waits until the controller counts more plannings of the fleet's profiles ahead than {@code before} (polling its
   * {@code /metrics}), as an operator publishes a setup change some seconds after saving it: how long
   * that took. Fails after {@code deadline}.
   */
  public Duration awaitProfilesPlannedAhead(double before, Duration deadline) {
    long start = System.nanoTime();
    if (!io.gatecast.bench.fleet.SimulatedFleet.awaitUntil(() -> counter(httpPort, PROFILES_PLANNED_AHEAD) > before,
        start + deadline.toNanos())) {
      throw new IllegalStateException("the controller did not plan the fleet's profiles ahead within " + deadline);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Registers the screens in the {@code default} gate; see {@link #registerScreens(Map)}. */
  public List<ScreenLogin> registerScreens(List<String> ids) {
    Map<String, String> inDefault = new LinkedHashMap<>();
    ids.forEach(id -> inDefault.put(id, ScreenLogin.DEFAULT_GATE));
    return registerScreens(inDefault);
  }

  /**
   * Registers each screen in its gate ({@code POST /api/v1/screens}; screen id to gate id, the gates made
   * already), a few requests in flight; returns their logins in the map's order.
   */
  public List<ScreenLogin> registerScreens(Map<String, String> gateOfScreen) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ScreenLogin>> answers = new ArrayList<>();
      for (Map.Entry<String, String> screen : gateOfScreen.entrySet()) {
        String id = screen.getKey();
        answers.add(pool.submit(() -> {
          Answer answer = ok(client.postJson("/api/v1/screens", Map.of("id", id, "name", "bench " + id,
              "clusterId", screen.getValue())), "register " + id);
          return new ScreenLogin(id, answer.body().path("mqttPassword").asText(), screen.getValue());
        }));
      }
      List<ScreenLogin> logins = new ArrayList<>();
      for (Future<ScreenLogin> answer : answers) {
        logins.add(answer.get());
      }
      return logins;
    } catch (Exception e) {
      throw new IllegalStateException("registering screens failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Makes a gate ({@code POST /api/v1/clusters}) showing Vietnamese, as the {@code default} gate does. */
  public void createGate(String id) {
    ok(client.postJson("/api/v1/clusters", Map.of("id", id, "name", "Bench gate " + id, "province", "Bench",
        "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi"))), "gate " + id);
  }

  /** Uploads {@code bytes} as a PNG; returns its SHA-256. */
  public String uploadMedia(byte[] bytes, String name) {
    String sha = sha256(bytes);
    ok(client.upload(bytes, "image/png", sha, name), "upload " + name);
    return sha;
  }

  public void createContent(String id, String title, String mediaSha256, int durationSeconds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("title", title);
    body.put("mediaSha256", mediaSha256);
    body.put("durationSeconds", durationSeconds);
    ok(client.postJson("/api/v1/content", body), "content " + id);
    approve(id);
  }

  /** Only approved content is published: a second user, not the author, approves it. */
  private void approve(String contentId) {
    Answer made = client.postJson("/api/v1/users", Map.of("username", APPROVER, "password", APPROVER_PASSWORD,
        "roles", List.of("approver")));
    if (made.status() != 409) {
      ok(made, "approver user");
    }
    ApiClient approver = ApiClient.signedIn(httpPort, APPROVER, APPROVER_PASSWORD);
    long revision = ok(approver.get("/api/v1/content/" + contentId), "content " + contentId).body().path("revision").asLong();
    ok(approver.postJson("/api/v1/content/" + contentId + "/approve", Map.of("revision", revision)), "approve " + contentId);
  }

  /** Adds the item to every screen's playlist, in requests of at most 5,000 screens. */
  public void schedule(String contentId, List<String> screenIds) {
    for (int from = 0; from < screenIds.size(); from += 5000) {
      List<String> part = screenIds.subList(from, Math.min(screenIds.size(), from + 5000));
      ok(client.postJson("/api/v1/schedule", Map.of("contentId", contentId, "screenIds", part)), "schedule");
    }
  }

  /**
   * Puts {@code contentId} alone in named playlist {@code playlistId}, played by a campaign of the same id
   * aimed at {@code gates} (both made on first use): a change of what every screen plays that changes no
   * screen's setup, as an operator's edit of a gate-wide campaign does.
   */
  public void campaignPlays(String playlistId, String contentId, List<String> gates) {
    List<Map<String, String>> entries = List.of(Map.of("contentId", contentId));
    if (client.get("/api/v1/playlists/" + playlistId).status() == 404) {
      ok(client.postJson("/api/v1/playlists", Map.of("id", playlistId, "entries", entries)), "playlist " + playlistId);
      java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
      ok(client.postJson("/api/v1/campaigns", Map.of("id", playlistId, "playlistId", playlistId, "targets",
          Map.of("clusters", gates), "start", today.minusDays(1) + "T00:00", "end", today.plusYears(1) + "T00:00")),
          "campaign " + playlistId);
    } else {
      ok(client.putJson("/api/v1/playlists/" + playlistId, Map.of("entries", entries)), "playlist " + playlistId);
    }
  }

  /** {@code GET /api/v1/publishes/{id}}: the rollout view (state, requestedAt, finishedAt, counts, screens). */
  public JsonNode publishView(long publishId) {
    return ok(client.get("/api/v1/publishes/" + publishId), "publish " + publishId).body();
  }

  /** A screen's new version, or the error the controller gave instead. */
  public record Sent(String screenId, long version, String error) {}

  /** {@code POST /api/v1/publish}, awaited until every screen was sent (or refused): what was sent to which screen. */
  public List<Sent> publish() {
    return sent(startPublish());
  }

  /** {@code POST /api/v1/publish}: the publish id, answered before the screens are sent (the publish is streamed). */
  public long startPublish() {
    return ok(client.post("/api/v1/publish"), "publish").body().path("publishId").asLong();
  }

  /** What publish {@code publishId} sent to which screen, once every screen was sent (or refused). */
  public List<Sent> sent(long publishId) {
    JsonNode body = ok(client.awaitPublished(publishId), "publish " + publishId).body();
    List<Sent> sent = new ArrayList<>();
    for (JsonNode one : body.path("sent")) {
      sent.add(new Sent(one.path("screenId").asText(), one.path("version").asLong(),
          one.path("error").isTextual() ? one.path("error").asText() : null));
    }
    return sent;
  }

  /** {@code GET /api/v1/reports/year-end}: gate {@code clusterId}'s year-end summary of {@code year} (JSON). */
  public JsonNode yearEnd(String clusterId, int year) {
    return ok(client.get("/api/v1/reports/year-end?clusterId=" + clusterId + "&year=" + year), "year-end").body();
  }

  /** {@code GET /api/v1/screens}: every screen as the console's screens page reads them. */
  public JsonNode screens() {
    return ok(client.get("/api/v1/screens"), "screens").body();
  }

  /** {@code GET /api/v1/screens/{id}}: what a polling player would ask every interval. */
  public JsonNode screen(String id) {
    return ok(client.get("/api/v1/screens/" + id), "screen " + id).body();
  }

  /**
   * {@code POST /api/v1/alerts} (urgent alert to clusters, issue 7). Empty when this controller has
   * no such endpoint yet (404), so the benchmark can say the figure is pending.
   */
  public Optional<JsonNode> postAlert(List<String> clusterIds, Map<String, String> text, Instant expiresAt) {
    Answer answer = client.postJson("/api/v1/alerts",
        Map.of("clusterIds", clusterIds, "text", text, "expiresAt", expiresAt.toString()));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(ok(answer, "alert").body());
  }

  /** Ends an alert now ({@code POST /api/v1/alerts/<id>/clear}); the answer names the messages sent. */
  public JsonNode clearAlert(String alertId) {
    return ok(client.postJson("/api/v1/alerts/" + alertId + "/clear", Map.of()), "clear alert " + alertId).body();
  }

  private static Answer ok(Answer answer, String what) {
    if (answer.status() / 100 != 2) {
      throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + answer.error());
    }
    return answer;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
