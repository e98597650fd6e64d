package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The preview asks the engine what a screen will show; publishing sends each screen its rules, once. */
@IntegrationTest
class PreviewAndPublishTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  @Test
  void previewOfTwoItemsIsContiguousAlternatingAndAlignedToLocalMidnight() throws Exception {
    givenScreenPlaying("preview-hall", item("welcome", "Chào mừng · 欢迎", 10), item("election", "Bầu cử 15/3", 20));

    // Local midnight in Hanoi is 17:00Z; asking from 5 s past it shows the slot that began at it.
    Answer answer = RUNNING.api().get("/api/v1/screens/preview-hall/preview?from=2026-03-15T17:00:05Z&to=2026-03-15T17:02:00Z");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.body();
    assertThat(body.get("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
    assertThat(body.get("truncated").asBoolean()).isFalse();
    List<JsonNode> slots = new ArrayList<>();
    body.get("slots").forEach(slots::add);
    assertThat(slots.get(0).get("start").asText()).isEqualTo("2026-03-15T17:00:00Z");
    assertThat(Instant.parse(slots.get(slots.size() - 1).get("end").asText()))
        .isAfterOrEqualTo(Instant.parse("2026-03-15T17:02:00Z"));
    for (int i = 0; i < slots.size(); i++) {
      JsonNode slot = slots.get(i);
      boolean first = i % 2 == 0;
      assertThat(slot.get("contentId").asText()).isEqualTo(first ? "welcome" : "election");
      assertThat(slot.get("kind").asText()).isEqualTo("DEFAULT");
      assertThat(slot.get("sourceId").asText()).isEqualTo("default");
      assertThat(slot.get("language").asText()).isEqualTo("vi");
      assertThat(slot.get("mediaSha256").asText()).hasSize(64);
      assertThat(Duration.between(Instant.parse(slot.get("start").asText()), Instant.parse(slot.get("end").asText())))
          .isEqualTo(Duration.ofSeconds(first ? 10 : 20));
      if (i > 0) {
        assertThat(slot.get("start").asText()).isEqualTo(slots.get(i - 1).get("end").asText());
      }
    }
    assertThat(slots.get(0).get("title").asText()).isEqualTo("Chào mừng · 欢迎");
    assertThat(body.get("findings")).isEmpty();
  }

  @Test
  void aScreenWithNothingScheduledIsPreviewedAsAGap() {
    assertThat(RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"empty-hall\"}").status()).isEqualTo(201);

    JsonNode body = RUNNING.api().get("/api/v1/screens/empty-hall/preview?from=2026-03-15T17:00:00Z&to=2026-03-15T17:03:00Z").body();

    assertThat(body.get("slots")).allSatisfy(slot -> assertThat(slot.get("kind").asText()).isEqualTo("IDLE"));
    assertThat(body.get("findings")).anySatisfy(f -> {
      assertThat(f.get("code").asText()).isEqualTo("GAP");
      assertThat(f.get("details").get("screen").asText()).isEqualTo("empty-hall");
      assertThat(f.get("details").get("idleSeconds").asText()).isEqualTo("180");
    });
  }

  @Test
  void badPreviewParametersAreRefusedNamingTheParameter() {
    assertThat(RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"param-hall\"}").status()).isEqualTo(201);
    String base = "/api/v1/screens/param-hall/preview";

    assertRefused(base + "?to=2026-03-15T00:00:00Z", "from is required");
    assertRefused(base + "?from=2026-03-15T00:00:00Z", "to is required");
    assertRefused(base + "?from=yesterday&to=2026-03-15T00:00:00Z", "from must be an ISO 8601 instant", "yesterday");
    assertRefused(base + "?from=2026-03-15T00:00:00Z&to=2026-03-15", "to must be an ISO 8601 instant");
    assertRefused(base + "?from=2026-03-15T00:00:00Z&to=2026-03-14T00:00:00Z", "to (2026-03-14T00:00:00Z) must be after from");
    assertRefused(base + "?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:01Z", "to is more than 31 days after from");
    assertThat(RUNNING.api().get(base + "?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z").status()).isEqualTo(200);

    Answer unknown = RUNNING.api().get("/api/v1/screens/ghost/preview?from=2026-03-15T00:00:00Z&to=2026-03-15T01:00:00Z");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).contains("no screen ghost");
  }

  @Test
  void publishingSendsEachScreenItsRulesAndAnUnchangedScreenNothing() throws Exception {
    List<ScheduleMessage> received = new CopyOnWriteArrayList<>();
    String mqttPassword =
        givenScreenPlaying("publish-hall", item("notice", "Thông báo", 15), item("border", "Chủ quyền biên giới", 25));
    MqttClient spy = new MqttClient(RUNNING.controller().brokerUrl(), "publish-hall", new MemoryPersistence());
    // The spy logs in as the screen: the broker lets nobody else read its schedule.
    MqttConnectOptions asScreen = new MqttConnectOptions();
    asScreen.setUserName("publish-hall");
    asScreen.setPassword(mqttPassword.toCharArray());
    spy.connect(asScreen);
    try {
      spy.subscribe(Topics.schedule("publish-hall"), 1,
          (topic, message) -> received.add(SignedSchedules.open(RUNNING.controller().signingKey(), message.getPayload())));

      Answer first = RUNNING.api().publishAndAwait();
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body().get("sent")).anySatisfy(sent -> {
        assertThat(sent.get("screenId").asText()).isEqualTo("publish-hall");
        assertThat(sent.get("version").asLong()).isEqualTo(1);
      });
      await().atMost(DEADLINE).until(() -> !received.isEmpty());
      ScreenRules rules = received.get(0).rules();
      assertThat(rules.profile().zone()).isEqualTo("Asia/Ho_Chi_Minh");
      assertThat(rules.profile().languages()).containsExactly("vi");
      assertThat(rules.profile().clusterId()).isEqualTo("default");
      assertThat(rules.defaultPlaylist().entries()).extracting(EntrySpec::itemId).containsExactly("notice", "border");
      assertThat(rules.items().get(0).variants().get(0).media().url()).contains("/media/");
      assertThat(received.get(0).media()).hasSize(2);

      Answer second = RUNNING.api().publishAndAwait();
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body().get("sent")).isEmpty();

      String third = item("third", "Thứ ba", 5);
      assertThat(RUNNING.api().postJson("/api/v1/schedule", "{\"contentId\":\"" + third + "\",\"screenIds\":[\"publish-hall\"]}")
          .status()).isEqualTo(200);
      assertThat(RUNNING.api().publishAndAwait().body().get("sent")).singleElement()
          .satisfies(sent -> assertThat(sent.get("version").asLong()).isEqualTo(2));
    } finally {
      spy.disconnect();
      spy.close();
    }
  }

  private static void assertRefused(String path, String... fragments) {
    Answer answer = RUNNING.api().get(path);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains(fragments);
  }

  /** Registers the screen and puts the items on its playlist; returns its MQTT password. */
  private static String givenScreenPlaying(String screenId, String... contentIds) {
    Answer registered = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"" + screenId + "\"}");
    assertThat(registered.status()).isEqualTo(201);
    for (String contentId : contentIds) {
      assertThat(RUNNING.api().postJson("/api/v1/schedule", "{\"contentId\":\"" + contentId + "\",\"screenIds\":[\"" + screenId
          + "\"]}").status()).isEqualTo(200);
    }
    return registered.body().get("mqttPassword").asText();
  }

  /** Uploads a distinct slide and creates an approved content item showing it for {@code seconds}; returns its id. */
  private static String item(String id, String title, int seconds) throws Exception {
    byte[] slide = ("<svg xmlns='http://www.w3.org/2000/svg'><text>" + id + "</text></svg>")
        .getBytes(StandardCharsets.UTF_8);
    String sha = ApiBadInputTest.sha256(slide);
    assertThat(RUNNING.api().upload(slide, "image/svg+xml", sha).status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/content", "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"mediaSha256\":\""
        + sha + "\",\"durationSeconds\":" + seconds + "}").status()).isEqualTo(201);
    RUNNING.approve(id);
    return id;
  }
}
