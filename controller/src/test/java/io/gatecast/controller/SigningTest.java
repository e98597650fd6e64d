package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.BatchProof;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The controller signs what it publishes with a key it keeps, advertises that key, and records what screens refuse. */
@IntegrationTest
class SigningTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void thePublishedScheduleVerifiesWithTheAdvertisedKey() throws Exception {
    PinnedKey advertised = advertisedKey(RUNNING.api());
    assertThat(advertised).isEqualTo(RUNNING.controller().signingKey());
    String password = register("signed-hall");
    try (ScreenClient screen = new ScreenClient(RUNNING.controller().brokerUrl(), "signed-hall", password)) {
      screen.subscribe(Topics.schedule("signed-hall"));
      schedule("signed-hall", item("signed-notice"));

      assertThat(RUNNING.api().publishAndAwait().status()).isEqualTo(200);

      await().atMost(DEADLINE).until(() -> !screen.received.isEmpty());
      ScheduleMessage schedule = SignedSchedules.open(advertised, screen.received.get(0));
      assertThat(schedule.screenId()).isEqualTo("signed-hall");
      assertThat(schedule.version()).isEqualTo(1L);
      JsonNode envelope = Codec.mapper().readTree(screen.received.get(0));
      assertThat(envelope.get("keyId").asText()).isEqualTo(advertised.keyId());
      assertThat(envelope.has("expiresAt")).as("retained schedules never expire").isFalse();
    }
  }

  @Test
  void screensPublishedTogetherShareOneSignatureAndEachOpensToItsOwnSchedule() throws Exception {
    PinnedKey advertised = advertisedKey(RUNNING.api());
    List<String> ids = List.of("batch-hall-1", "batch-hall-2", "batch-hall-3");
    List<ScreenClient> screens = new ArrayList<>();
    try {
      for (String id : ids) {
        ScreenClient screen = new ScreenClient(RUNNING.controller().brokerUrl(), id, register(id));
        screens.add(screen);
        screen.subscribe(Topics.schedule(id));
      }
      String content = item("batch-notice");
      assertThat(RUNNING.api().postJson("/api/v1/schedule", "{\"contentId\":\"" + content + "\",\"screenIds\":[\""
          + String.join("\",\"", ids) + "\"]}").status()).isEqualTo(200);
      assertThat(RUNNING.api().publishAndAwait().status()).isEqualTo(200);

      Set<String> signatures = new HashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        ScreenClient screen = screens.get(i);
        await().atMost(DEADLINE).until(() -> !screen.received.isEmpty());
        assertThat(SignedSchedules.open(advertised, screen.received.get(0)).screenId()).isEqualTo(ids.get(i));
        JsonNode envelope = Codec.mapper().readTree(screen.received.get(0));
        assertThat(envelope.has(BatchProof.MEMBER)).as("signed as part of a batch").isTrue();
        signatures.add(envelope.get("signature").asText());
      }
      assertThat(signatures).as("one signature for the three").hasSize(1);
    } finally {
      for (ScreenClient screen : screens) {
        screen.close();
      }
    }
  }

  @Test
  void aRejectionTheAgentReportsShowsInTheScreensView() throws Exception {
    String password = register("refusing-hall");
    RejectionEvent event = new RejectionEvent(Header.now(Instant.now()), "refusing-hall", Topics.schedule("refusing-hall"),
        Rejection.BAD_SIGNATURE, "signature does not verify with key '<script>ctl</script>'", "forged-1");
    try (ScreenClient screen = new ScreenClient(RUNNING.controller().brokerUrl(), "refusing-hall", password)) {
      screen.publish(Topics.events("refusing-hall"), Codec.encode(event));
    }

    JsonNode rejection = await().atMost(DEADLINE).until(
        () -> RUNNING.api().get("/api/v1/screens/refusing-hall").body().get("recentRejections"), r -> r.size() == 1).get(0);
    assertThat(rejection.get("reason").asText()).isEqualTo("BAD_SIGNATURE");
    assertThat(rejection.get("topic").asText()).isEqualTo(Topics.schedule("refusing-hall"));
    assertThat(rejection.get("detail").asText()).isEqualTo(event.detail());
    assertThat(rejection.get("messageId").asText()).isEqualTo("forged-1");
    assertThat(rejection.get("receivedAt").asText()).endsWith("Z");
  }

  @Test
  void theKeyIsKeptOwnerOnlyAndSurvivesARestart(@TempDir Path dataDir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ControllerConfig config = ControllerConfig.defaults(dataDir).withPorts(0, 0);
      Controller first = Controller.start(vertx, config, Clock.systemUTC()).await();
      PinnedKey before = advertisedKey(new ApiClient(first.httpPort()));
      first.close();

      Controller second = Controller.start(vertx, config, Clock.systemUTC()).await();
      try {
        assertThat(advertisedKey(new ApiClient(second.httpPort()))).isEqualTo(before);
      } finally {
        second.close();
      }
      Path privateKey = dataDir.resolve("keys").resolve("signing.key");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
      assertThat(Files.readString(privateKey)).doesNotContain(before.publicKey());
    } finally {
      vertx.close().await();
    }
  }

  private static PinnedKey advertisedKey(ApiClient api) {
    Answer answer = api.get("/api/v1/signing-key");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("keyId").asText()).startsWith("ed25519-");
    return new PinnedKey(answer.body().get("keyId").asText(), answer.body().get("publicKey").asText(), null);
  }

  /** Registers a screen; returns its MQTT password. */
  private static String register(String screenId) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"" + screenId + "\"}");
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }

  private static void schedule(String screenId, String contentId) {
    assertThat(RUNNING.api().postJson("/api/v1/schedule", "{\"contentId\":\"" + contentId + "\",\"screenIds\":[\""
        + screenId + "\"]}").status()).isEqualTo(200);
  }

  private static String item(String id) throws Exception {
    byte[] slide = ("<svg xmlns='http://www.w3.org/2000/svg'><text>" + id + "</text></svg>").getBytes(StandardCharsets.UTF_8);
    String sha = ApiBadInputTest.sha256(slide);
    assertThat(RUNNING.api().upload(slide, "image/svg+xml", sha).status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/content", "{\"id\":\"" + id + "\",\"title\":\"" + id
        + "\",\"mediaSha256\":\"" + sha + "\",\"durationSeconds\":10}").status()).isEqualTo(201);
    RUNNING.approve(id);
    return id;
  }
}
