package io.gatecast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.AgentConfig;
import io.gatecast.agent.PlayerAgent;
import io.gatecast.agent.commands.ScreenshotUploader;
import io.gatecast.agent.enroll.Enrollment;
import io.gatecast.agent.tls.CaTrust;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.controller.tls.TlsFiles;
import io.gatecast.protocol.enrollment.Identity;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller serving HTTPS and MQTT over TLS from certificate files, with a CA made for this
 * test by openssl; real agents in this JVM verify the server certificate against their
 * {@code --ca-file}. One agent has the right CA and plays; one has another CA and is refused.
 */
@IntegrationTest
class TlsTest {
  @TempDir static Path tmp;
  private static TestCertificates.Authority ca;
  private static TestCertificates.Authority otherCa;
  private static Vertx vertx;
  private static Controller controller;
  private static String baseUrl;

  @BeforeAll
  static void startController() throws Exception {
    ca = TestCertificates.authority(tmp.resolve("ca"), "gatecast-test-ca");
    otherCa = TestCertificates.authority(tmp.resolve("other-ca"), "someone-else-ca");
    TestCertificates.ServerCertificate server = TestCertificates.server(tmp.resolve("ca"), ca);
    vertx = Vertx.vertx();
    controller = Controller.start(vertx, ControllerConfig.defaults(tmp.resolve("controller")).withPorts(0, 0)
        .withTls(new TlsFiles(server.certificate(), server.key())), Clock.systemUTC()).await();
    baseUrl = "https://127.0.0.1:" + controller.httpPort();
  }

  @AfterAll
  static void stop() {
    controller.close();
    vertx.close().await();
  }

  @Test
  void theHttpApiAnswersOverHttpsToClientsTrustingItsCaOnly() throws Exception {
    HttpResponse<String> health = client(CaTrust.load(ca.certificate()))
        .send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP");

    assertThatThrownBy(() -> client(CaTrust.load(otherCa.certificate()))
        .send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
    // No plain HTTP beside it: a cleartext request gets no HTTP answer.
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controller.httpPort() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
  }

  @Test
  void anAgentWithTheRightCaAppliesOverMqttsAndHttpsAndOneWithAnotherCaIsRefused() throws Exception {
    assertThat(controller.brokerUrl()).startsWith("ssl://");
    SSLContext trust = CaTrust.load(ca.certificate());
    ApiClient api = ApiClient.signedIn(baseUrl, trust, AdminBootstrap.ADMIN,
        AdminBootstrap.readPassword(tmp.resolve("controller")));
    byte[] slide = Files.readAllBytes(Path.of(getClass().getResource("/demo-content/anti-smuggling.svg").toURI()));
    String sha = api.upload(slide, "image/svg+xml", null).body().get("sha256").asText();
    assertThat(api.postJson("/api/v1/content", Map.of("id", "anti-smuggling", "title", "严禁走私", "mediaSha256", sha,
        "durationSeconds", 8)).status()).isEqualTo(201);
    approve(api, trust, "anti-smuggling");
    String trusting = register(api, "tls-hall-1");
    String distrusting = register(api, "tls-hall-2");
    api.postJson("/api/v1/schedule", Map.of("contentId", "anti-smuggling", "screenIds", List.of("tls-hall-1", "tls-hall-2")));

    PlayerAgent good = agent("tls-hall-1", trusting, ca.certificate());
    PlayerAgent bad = agent("tls-hall-2", distrusting, otherCa.certificate());
    try {
      assertThat(api.publishAndAwait().body().get("sent")).hasSize(2);
      // The schedule came over mqtts, the slide over https (the media URL is the controller's https address).
      await().atMost(Duration.ofSeconds(30)).until(() -> good.appliedVersion().orElse(0L) == 1L);
      assertThat(Files.exists(tmp.resolve("agent-tls-hall-1/media").resolve(sha))).isTrue();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(api.get("/api/v1/screens/tls-hall-1").body().get("latestDelivery").get("outcome").asText())
              .isEqualTo("APPLIED"));

      // The agent with another CA never connects, and says why.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(bad.linkProblem()).contains("TLS certificate is not trusted").contains("--ca-file"));
      assertThat(bad.isConnected()).isFalse();
      assertThat(bad.appliedVersion()).isEmpty();
      assertThat(api.get("/api/v1/screens/tls-hall-2").body().get("state").asText()).isNotEqualTo("ONLINE");

      // Screenshot uploads use the same trust: with the CA the controller answers (409: no screenshot
      // was asked for); with another CA the upload fails in the handshake.
      assertThatThrownBy(() -> new ScreenshotUploader(URI.create(baseUrl), "tls-hall-1", "tls-hall-1", trusting, trust)
          .upload(sha, new byte[] {1}))
          .isInstanceOf(IOException.class).hasMessageContaining("409");
      assertThatThrownBy(() -> new ScreenshotUploader(URI.create(baseUrl), "tls-hall-1", "tls-hall-1", trusting,
          CaTrust.load(otherCa.certificate())).upload(sha, new byte[] {1}))
          .isInstanceOf(SSLHandshakeException.class);
    } finally {
      good.close();
      bad.close();
    }
  }

  @Test
  void aKioskPairsOverHttpsAndIsToldTheTlsBroker() throws Exception {
    SSLContext trust = CaTrust.load(ca.certificate());
    ApiClient api = ApiClient.signedIn(baseUrl, trust, AdminBootstrap.ADMIN,
        AdminBootstrap.readPassword(tmp.resolve("controller")));
    CompletableFuture<Identity> paired = CompletableFuture.supplyAsync(() -> {
      try {
        return Enrollment.savedOrPaired(tmp.resolve("kiosk"), URI.create(baseUrl), 0, Duration.ofMillis(200), trust);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      String code = await().atMost(Duration.ofSeconds(30)).until(() -> {
        JsonNode waiting = api.get("/api/v1/enrollments").body();
        return waiting.size() == 0 ? null : waiting.get(0).get("code").asText();
      }, c -> c != null);
      ApiClient.Answer assigned = api.postJson("/api/v1/enrollments/" + code + "/assign", Map.of("screenId", "tls-kiosk",
          "clusterId", "default"));
      assertThat(assigned.status()).as(assigned.error()).isEqualTo(200);
      Identity identity = paired.get(30, TimeUnit.SECONDS);
      assertThat(identity.screenId()).isEqualTo("tls-kiosk");
      assertThat(identity.brokerUrl()).isEqualTo(controller.brokerUrl()).startsWith("ssl://");
    } finally {
      paired.cancel(true);
    }
  }

  private static PlayerAgent agent(String screenId, String password, Path caFile) {
    return PlayerAgent.start(AgentConfig.of(screenId, controller.brokerUrl(), tmp.resolve("agent-" + screenId))
        .withPagePort(0).withHeartbeatSeconds(1).withControllerKey(controller.signingKey())
        .withCredentials(screenId, password).withCaFile(caFile), Clock.systemUTC());
  }

  private static String register(ApiClient api, String screenId) {
    return api.postJson("/api/v1/screens", Map.of("id", screenId)).body().get("mqttPassword").asText();
  }

  /** As {@link Accounts#approve}, over HTTPS. */
  private static void approve(ApiClient admin, SSLContext trust, String contentId) {
    assertThat(admin.postJson("/api/v1/users", Map.of("username", "approver", "password", "approver-password-1",
        "roles", List.of("approver"))).status()).isEqualTo(201);
    ApiClient approver = ApiClient.signedIn(baseUrl, trust, "approver", "approver-password-1");
    long revision = approver.get("/api/v1/content/" + contentId).body().get("revision").asLong();
    assertThat(approver.postJson("/api/v1/content/" + contentId + "/approve", Map.of("revision", revision)).status())
        .isEqualTo(200);
  }

  private static HttpClient client(SSLContext trust) {
    return HttpClient.newBuilder().sslContext(trust).build();
  }
}
