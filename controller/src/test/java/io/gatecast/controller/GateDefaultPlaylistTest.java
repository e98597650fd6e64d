package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A gate's default playlist ({@code defaultPlaylistId} on the cluster) fills every screen of the
 * gate that has nothing else: only its approved items, never over a screen's own playlist, and a
 * gate without one leaves its screens black — which the checks report.
 */
@IntegrationTest
class GateDefaultPlaylistTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final String WINDOW = "from=2026-03-15T17:00:00Z&to=2026-03-15T17:02:00Z";

  @Test
  void theGatesDefaultPlaylistFillsItsScreensWithItsApprovedItemsOnly() throws Exception {
    item("gate-welcome", true);
    item("gate-draft", false);
    assertThat(RUNNING.api().postJson("/api/v1/playlists", "{\"id\":\"bat-xat-fill\",\"name\":\"Bát Xát fill\","
        + "\"entries\":[{\"contentId\":\"gate-welcome\"},{\"contentId\":\"gate-draft\"}]}").status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/clusters", "{\"id\":\"bat-xat\",\"name\":\"Bát Xát\",\"province\":"
        + "\"Lào Cai\",\"zone\":\"Asia/Ho_Chi_Minh\",\"languages\":[\"vi\"],\"defaultPlaylistId\":\"bat-xat-fill\"}")
        .status()).isEqualTo(201);
    assertThat(RUNNING.api().get("/api/v1/clusters/bat-xat").body().path("defaultPlaylistId").asText())
        .isEqualTo("bat-xat-fill");
    assertThat(RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"bat-xat-1\",\"clusterId\":\"bat-xat\"}").status())
        .isEqualTo(201);

    JsonNode preview = RUNNING.api().get("/api/v1/screens/bat-xat-1/preview?" + WINDOW).body();

    assertThat(preview.get("slots")).isNotEmpty().allSatisfy(slot -> {
      assertThat(slot.get("kind").asText()).isEqualTo("DEFAULT");
      assertThat(slot.get("contentId").asText()).isEqualTo("gate-welcome");
    });
    assertThat(preview.get("findings")).noneSatisfy(f -> assertThat(f.get("code").asText()).isEqualTo("GAP"));

    // Cleared by a PUT without it: the screen would be black again, and the checks say so.
    assertThat(RUNNING.api().putJson("/api/v1/clusters/bat-xat", java.util.Map.of("name", "Bát Xát", "province", "Lào Cai",
        "zone", "Asia/Ho_Chi_Minh", "languages", java.util.List.of("vi"))).status()).isEqualTo(200);
    assertThat(RUNNING.api().get("/api/v1/clusters/bat-xat").body().path("defaultPlaylistId").isNull()).isTrue();
    JsonNode black = RUNNING.api().get("/api/v1/screens/bat-xat-1/preview?" + WINDOW).body();
    assertThat(black.get("slots")).allSatisfy(slot -> assertThat(slot.get("kind").asText()).isEqualTo("IDLE"));
    assertThat(black.get("findings")).anySatisfy(f -> assertThat(f.get("code").asText()).isEqualTo("GAP"));
  }

  @Test
  void aDefaultPlaylistThatIsNotStoredIsRefusedNamingTheField() {
    Answer answer = RUNNING.api().postJson("/api/v1/clusters", "{\"id\":\"y-ty\",\"name\":\"Y Tý\",\"province\":"
        + "\"Lào Cai\",\"zone\":\"Asia/Ho_Chi_Minh\",\"languages\":[\"vi\"],\"defaultPlaylistId\":\"no-such\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("code").asText()).isEqualTo("UNKNOWN_PLAYLIST");
    assertThat(answer.body().path("details").path("field").asText()).isEqualTo("defaultPlaylistId");
    assertThat(RUNNING.api().get("/api/v1/clusters/y-ty").status()).isEqualTo(404);
  }

  @Test
  void screensSharingAProfileAreEachSentTheirOwnNameAndTheirGatesName() throws Exception {
    item("mk-welcome", true);
    assertThat(RUNNING.api().postJson("/api/v1/playlists", "{\"id\":\"mk-fill\",\"name\":\"Mường Khương fill\","
        + "\"entries\":[{\"contentId\":\"mk-welcome\"}]}").status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/clusters", "{\"id\":\"muong-khuong\",\"name\":\"Mường Khương\","
        + "\"province\":\"Lào Cai\",\"zone\":\"Asia/Ho_Chi_Minh\",\"languages\":[\"vi\"],"
        + "\"defaultPlaylistId\":\"mk-fill\"}").status()).isEqualTo(201);
    // Same gate, no playlist of their own: one profile, built once, sent to both
    Map<String, String> names = Map.of("mk-in", "Sảnh nhập cảnh", "mk-out", "Sảnh xuất cảnh <i>");
    Map<String, List<ScheduleMessage>> received = new ConcurrentHashMap<>();
    List<MqttClient> spies = new ArrayList<>();
    try {
      for (Map.Entry<String, String> screen : names.entrySet()) {
        Answer registered = RUNNING.api().postJson("/api/v1/screens", Map.of("id", screen.getKey(),
            "name", screen.getValue(), "clusterId", "muong-khuong"));
        assertThat(registered.status()).isEqualTo(201);
        spies.add(spyAs(screen.getKey(), registered.body().get("mqttPassword").asText(), received));
      }

      assertThat(RUNNING.api().publishAndAwait().body().get("sent")).hasSize(2);

      for (Map.Entry<String, String> screen : names.entrySet()) {
        await().atMost(DEADLINE).until(() -> received.getOrDefault(screen.getKey(), List.of()).size() == 1);
        ScreenProfile profile = received.get(screen.getKey()).get(0).rules().profile();
        assertThat(profile.screenId()).isEqualTo(screen.getKey());
        assertThat(profile.screenName()).isEqualTo(screen.getValue());
        assertThat(profile.gateName()).isEqualTo("Mường Khương");
      }

      // The gate renamed: both are sent again, each still with its own name
      assertThat(RUNNING.api().putJson("/api/v1/clusters/muong-khuong", Map.of("name", "Cửa khẩu Mường Khương",
          "province", "Lào Cai", "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi"),
          "defaultPlaylistId", "mk-fill")).status()).isEqualTo(200);
      assertThat(RUNNING.api().publishAndAwait().body().get("sent")).hasSize(2);
      for (Map.Entry<String, String> screen : names.entrySet()) {
        await().atMost(DEADLINE).until(() -> received.get(screen.getKey()).size() == 2);
        ScreenProfile profile = received.get(screen.getKey()).get(1).rules().profile();
        assertThat(profile.screenName()).isEqualTo(screen.getValue());
        assertThat(profile.gateName()).isEqualTo("Cửa khẩu Mường Khương");
      }
    } finally {
      for (MqttClient spy : spies) {
        spy.disconnect();
        spy.close();
      }
    }
  }

  /** Subscribes to the screen's schedule topic logged in as the screen (nobody else may read it). */
  private static MqttClient spyAs(String screenId, String password, Map<String, List<ScheduleMessage>> received)
      throws Exception {
    MqttClient spy = new MqttClient(RUNNING.controller().brokerUrl(), screenId, new MemoryPersistence());
    MqttConnectOptions asScreen = new MqttConnectOptions();
    asScreen.setUserName(screenId);
    asScreen.setPassword(password.toCharArray());
    spy.connect(asScreen);
    spy.subscribe(Topics.schedule(screenId), 1, (topic, message) -> received
        .computeIfAbsent(screenId, id -> new CopyOnWriteArrayList<>())
        .add(SignedSchedules.open(RUNNING.controller().signingKey(), message.getPayload())));
    return spy;
  }

  private static void item(String id, boolean approved) throws Exception {
    byte[] slide = ("<svg xmlns='http://www.w3.org/2000/svg'><text>" + id + "</text></svg>").getBytes(StandardCharsets.UTF_8);
    String sha = ApiBadInputTest.sha256(slide);
    assertThat(RUNNING.api().upload(slide, "image/svg+xml", sha).status()).isEqualTo(201);
    assertThat(RUNNING.api().postJson("/api/v1/content", "{\"id\":\"" + id + "\",\"title\":\"" + id
        + "\",\"mediaSha256\":\"" + sha + "\",\"durationSeconds\":20}").status()).isEqualTo(201);
    if (approved) {
      RUNNING.approve(id);
    }
  }
}
