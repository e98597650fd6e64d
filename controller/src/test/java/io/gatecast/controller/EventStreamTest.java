package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live event stream ({@code GET /api/v1/events}) read over real HTTP while a screen speaks
 * the real protocol over the embedded broker.
 */
@IntegrationTest
class EventStreamTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void aStreamNeedsAValidBearerToken() throws Exception {
    try (EventStream none = EventStream.open(port(), null, false);
        EventStream wrong = EventStream.open(port(), "not-a-token", false)) {
      assertThat(none.status).isEqualTo(401);
      assertThat(wrong.status).isEqualTo(401);
    }
  }

  @Test
  void aScreensStatusChangeOverMqttArrivesAsAnEventAndSoDoAlerts() throws Exception {
    String password = register("ev-status");
    ApiClient viewer = RUNNING.user("ev-viewer", "viewer");
    try (EventStream stream = EventStream.open(port(), viewer.token(), true)) {
      assertThat(stream.status).isEqualTo(200);
      await().atMost(DEADLINE).until(() -> stream.has("hello", d -> d.path("keepAliveSeconds").asInt() > 0));

      try (FakeAgent agent = new FakeAgent(RUNNING.controller().brokerUrl(), "ev-status", password)) {
        // The agent comes online: the screen is named in a "screens" event
        agent.heartbeat();
        await().atMost(DEADLINE).until(() -> stream.namesScreen("ev-status"));
        assertThat(screenAgent("ev-status")).isEqualTo("ONLINE");

        // Its network vanishes: the last-will is stored and named again
        int before = stream.events.size();
        agent.dropConnection();
        await().atMost(DEADLINE).until(() -> stream.events.subList(before, stream.events.size()).stream()
            .anyMatch(e -> e.name().equals("screens") && EventStream.containsText(e.data().path("ids"), "ev-status")));
        assertThat(screenAgent("ev-status")).isEqualTo("OFFLINE");
      }

      // An urgent alert sent, then cleared: each an "alerts" event naming it
      Answer sent = RUNNING.api().postJson("/api/v1/alerts", Map.of("clusterIds", List.of("default"),
          "text", Map.of("vi", "Đóng cửa"), "expiresAt", Instant.now().plus(Duration.ofHours(1)).toString()));
      assertThat(sent.status()).as(sent.error()).isEqualTo(201);
      String alertId = sent.body().get("alert").get("id").asText();
      await().atMost(DEADLINE).until(() -> stream.has("alerts", d -> EventStream.containsText(d.path("ids"), alertId)));
    }
  }

  @Test
  void aPublishAndEachScreensAnswerArriveAsEvents() throws Exception {
    String password = register("ev-rollout");
    byte[] slide = "<svg xmlns='http://www.w3.org/2000/svg'><text>ev</text></svg>".getBytes(StandardCharsets.UTF_8);
    String sha = ApiBadInputTest.sha256(slide);
    assertThat(RUNNING.api().upload(slide, "image/svg+xml", sha).status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/content", Map.of("id", "ev-slide", "title", "EV", "mediaSha256", sha,
        "durationSeconds", 10)).status()).isEqualTo(201);
    RUNNING.approve("ev-slide");
    assertThat(RUNNING.api().postJson("/api/v1/schedule", Map.of("contentId", "ev-slide", "screenIds",
        List.of("ev-rollout"))).status()).isEqualTo(200);
    try (EventStream stream = EventStream.open(port(), RUNNING.user("ev-viewer", "viewer").token(), true);
        FakeAgent agent = new FakeAgent(RUNNING.controller().brokerUrl(), "ev-rollout", password)) {
      await().atMost(DEADLINE).until(() -> stream.has("hello", d -> true));

      // The publish is announced with its id...
      Answer published = RUNNING.api().publishAndAwait();
      assertThat(published.status()).isEqualTo(200);
      long publishId = published.body().get("publishId").asLong();
      long version = published.body().get("sent").get(0).get("version").asLong();
      await().atMost(DEADLINE).until(() -> stream.has("publish", d -> d.path("id").asLong() == publishId));
      int before = stream.events.size();

      // ...and the screen's answer names the screen: the rollout view refetches and shows APPLIED
      agent.applied(version);
      await().atMost(DEADLINE).until(() -> stream.events.subList(before, stream.events.size()).stream()
          .anyMatch(e -> e.name().equals("screens") && EventStream.containsText(e.data().path("ids"), "ev-rollout")));
      assertThat(RUNNING.api().get("/api/v1/publishes/" + publishId).body().get("counts").get("applied").asInt())
          .isEqualTo(1);
    }
  }

  @Test
  void aClosedOrIdleClientDoesNotStopTheOthers() throws Exception {
    String password = register("ev-others");
    String token = RUNNING.user("ev-tech", "technician").token();
    EventStream closed = EventStream.open(port(), token, true);
    try (EventStream idle = EventStream.open(port(), token, false);
        EventStream reader = EventStream.open(port(), token, true)) {
      await().atMost(DEADLINE).until(() -> closed.has("hello", d -> true) && reader.has("hello", d -> true));
      // One client goes away without a word, another never reads what it is sent
      closed.close();
      try (FakeAgent agent = new FakeAgent(RUNNING.controller().brokerUrl(), "ev-others", password)) {
        agent.heartbeat();
        await().atMost(DEADLINE).until(() -> reader.namesScreen("ev-others"));
      }
      assertThat(idle.status).isEqualTo(200);
    }
  }

  @Test
  void aScreenRegisteredRenamedOrCutOffArrivesAsAnEvent() throws Exception {
    try (EventStream stream = EventStream.open(port(), RUNNING.user("ev-viewer", "viewer").token(), true)) {
      await().atMost(DEADLINE).until(() -> stream.has("hello", d -> true));
      register("ev-setup");
      await().atMost(DEADLINE).until(() -> stream.namesScreen("ev-setup"));
      int before = stream.events.size();
      // Renamed and moved: the board and the screen page redraw it at once, not at their next resync
      Answer renamed = RUNNING.api().putJson("/api/v1/screens/ev-setup", Map.of("name", "Sảnh nhập cảnh",
          "clusterId", "default"));
      assertThat(renamed.status()).as(renamed.error()).isEqualTo(200);
      await().atMost(DEADLINE).until(() -> stream.namesScreenAfter(before, "ev-setup"));
      int renamedAt = stream.events.size();
      Answer revoked = RUNNING.api().postJson("/api/v1/screens/ev-setup/revoke", Map.of());
      assertThat(revoked.status()).as(revoked.error()).isEqualTo(200);
      await().atMost(DEADLINE).until(() -> stream.namesScreenAfter(renamedAt, "ev-setup"));
    }
  }

  @Test
  void aStreamIsClosedSayingWhyWhenItsSessionEndsAndNoOtherStreamIs() throws Exception {
    ApiClient lan = RUNNING.user("ev-lan", "operator");
    ApiClient lanOnAPhone = ApiClient.signedIn(port(), "ev-lan", TestUsers.PASSWORD);
    ApiClient minh = RUNNING.user("ev-minh", "viewer");
    try (EventStream lansDesk = EventStream.open(port(), lan.token(), true);
        EventStream lansPhone = EventStream.open(port(), lanOnAPhone.token(), true);
        EventStream minhs = EventStream.open(port(), minh.token(), true)) {
      await().atMost(DEADLINE).until(() -> lansDesk.has("hello", d -> true) && lansPhone.has("hello", d -> true)
          && minhs.has("hello", d -> true));

      // An admin gives lan a new password: both of lan's streams end, each saying why
      Answer changed = RUNNING.api().putJson("/api/v1/users/ev-lan", Map.of("password", "another long password"));
      assertThat(changed.status()).as(changed.error()).isEqualTo(200);
      await().atMost(DEADLINE).until(() -> lansDesk.ended && lansPhone.ended);
      assertThat(lansDesk.has("bye", d -> d.path("code").asText().equals("session-ended"))).isTrue();
      assertThat(lansPhone.has("bye", d -> d.path("code").asText().equals("session-ended"))).isTrue();
      try (EventStream again = EventStream.open(port(), lan.token(), false)) {
        assertThat(again.status).as("the reconnect is refused").isEqualTo(401);
      }

      // minh's stream was not touched: it still hears what happens
      register("ev-after-lan");
      await().atMost(DEADLINE).until(() -> minhs.namesScreen("ev-after-lan"));
      assertThat(minhs.ended).isFalse();
      assertThat(minhs.has("bye", d -> true)).isFalse();

      // minh signs out: that session's stream ends too
      assertThat(minh.logout().status()).isEqualTo(204);
      await().atMost(DEADLINE).until(() -> minhs.ended);
      assertThat(minhs.has("bye", d -> d.path("code").asText().equals("session-ended"))).isTrue();
    }
  }

  private static int port() {
    return RUNNING.controller().httpPort();
  }

  private static String register(String id) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", Map.of("id", id));
    assertThat(answer.status()).as(answer.error()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }

  private static String screenAgent(String id) {
    return RUNNING.api().get("/api/v1/screens/" + id).body().get("health").get("agent").asText();
  }
}
