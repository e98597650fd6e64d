package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clusters, screens and groups: CRUD, refusals that name the field and store nothing, and profiles on the wire. */
@IntegrationTest
class OrganisationTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  private static ApiClient api() {
    return RUNNING.api();
  }

  @Test
  void aClusterIsCreatedReadUpdatedAndDeletedOnceEmpty() {
    Answer created = api().postJson("/api/v1/clusters", cluster("kim-thanh", "Kim Thành II", "Asia/Ho_Chi_Minh",
        List.of("vi", "zh-Hans", "en")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("languages")).extracting(JsonNode::asText).containsExactly("vi", "zh-Hans", "en");
    assertThat(api().postJson("/api/v1/clusters", cluster("kim-thanh", "again", "Asia/Ho_Chi_Minh", List.of("vi")))
        .status()).isEqualTo(409);
    assertThat(api().get("/api/v1/clusters").body()).anySatisfy(c -> assertThat(c.get("id").asText()).isEqualTo("kim-thanh"));

    Answer updated = api().putJson("/api/v1/clusters/kim-thanh", Map.of("name", "Cửa khẩu Kim Thành", "province", "Lào Cai",
        "zone", "Asia/Ho_Chi_Minh", "languages", List.of("vi", "zh-Hans")));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(api().get("/api/v1/clusters/kim-thanh").body().get("name").asText()).isEqualTo("Cửa khẩu Kim Thành");

    assertThat(api().postJson("/api/v1/screens", Map.of("id", "kt-hall", "clusterId", "kim-thanh")).status()).isEqualTo(201);
    Answer busy = api().delete("/api/v1/clusters/kim-thanh");
    assertThat(busy.status()).isEqualTo(409);
    assertThat(busy.error()).contains("1 screen");
    assertThat(api().putJson("/api/v1/screens/kt-hall", Map.of("clusterId", "default")).status()).isEqualTo(200);
    assertThat(api().delete("/api/v1/clusters/kim-thanh").status()).isEqualTo(200);
    assertThat(api().get("/api/v1/clusters/kim-thanh").status()).isEqualTo(404);
    assertThat(api().delete("/api/v1/clusters/default").status()).isEqualTo(409);
  }

  @Test
  void badClusterInputNamesTheFieldAndStoresNothing() {
    refused("/api/v1/clusters", cluster("bad-zone", "n", "Mars/Olympus", List.of("vi")), "zone must be an IANA time zone");
    refused("/api/v1/clusters", cluster("bad-lang", "n", "Asia/Vientiane", List.of("lo", "lo_LA")), "languages[1]");
    refused("/api/v1/clusters", cluster("no-lang", "n", "Asia/Vientiane", List.of()), "languages must name at least one");
    refused("/api/v1/clusters", cluster("twice", "n", "Asia/Vientiane", List.of("lo", "lo")), "languages[1] repeats lo");
    refused("/api/v1/clusters", "{\"id\":\"no-name\",\"province\":\"p\",\"zone\":\"Asia/Vientiane\",\"languages\":[\"lo\"]}",
        "name is required");
    refused("/api/v1/clusters", "{\"id\":\"a b\",\"name\":\"n\",\"province\":\"p\",\"zone\":\"UTC\",\"languages\":[\"vi\"]}",
        "id must be");
    for (String id : List.of("bad-zone", "bad-lang", "no-lang", "twice", "no-name")) {
      assertThat(api().get("/api/v1/clusters/" + id).status()).as(id).isEqualTo(404);
    }
    Answer renamed = api().putJson("/api/v1/clusters/default", cluster("other", "n", "UTC", List.of("vi")));
    assertThat(renamed.status()).isEqualTo(400);
    assertThat(renamed.error()).contains("ids cannot be changed");
    assertThat(api().putJson("/api/v1/clusters/ghost", cluster(null, "n", "UTC", List.of("vi"))).status()).isEqualTo(404);
  }

  @Test
  void screensCarryTheirSetupAndGroupsTheirMembers() {
    refused("/api/v1/screens", Map.of("id", "s-bad-cluster", "clusterId", "nowhere"), "clusterId nowhere names no cluster");
    refused("/api/v1/screens", Map.of("id", "s-bad-res", "resolution", "big"), "resolution must be");
    refused("/api/v1/screens", Map.of("id", "s-bad-orient", "orientation", "sideways"), "orientation must be");
    refused("/api/v1/screens", Map.of("id", "s-bad-group", "groups", List.of("no-such-group")), "groups name groups");
    refused("/api/v1/screens", Map.of("id", "s-bad-lang", "languages", List.of("vi", "")), "languages[1]");
    for (String id : List.of("s-bad-cluster", "s-bad-res", "s-bad-orient", "s-bad-group", "s-bad-lang")) {
      assertThat(api().get("/api/v1/screens/" + id).status()).as(id).isEqualTo(404);
    }

    assertThat(api().postJson("/api/v1/clusters", cluster("lao-bao", "Lao Bảo", "Asia/Ho_Chi_Minh", List.of("vi", "lo", "en")))
        .status()).isEqualTo(201);
    Answer screen = api().postJson("/api/v1/screens", Map.of("id", "lb-entry-1", "name", "Entry hall 1", "clusterId", "lao-bao",
        "location", "Entry hall, above lane 3", "resolution", "1920x1080", "orientation", "LANDSCAPE",
        "tags", List.of("hall", "entry")));
    assertThat(screen.status()).isEqualTo(201);
    assertThat(screen.body().get("clusterId").asText()).isEqualTo("lao-bao");
    assertThat(screen.body().get("location").asText()).isEqualTo("Entry hall, above lane 3");
    assertThat(screen.body().get("languages").isNull()).as("no own languages: the cluster's").isTrue();

    refused("/api/v1/groups", Map.of("id", "entry-halls", "name", "Entry halls", "screenIds", List.of("lb-entry-1", "ghost")),
        "screenIds name screens that are not registered: [ghost]");
    assertThat(api().get("/api/v1/groups/entry-halls").status()).isEqualTo(404);
    assertThat(api().postJson("/api/v1/groups", Map.of("id", "entry-halls", "name", "Entry halls",
        "screenIds", List.of("lb-entry-1"))).status()).isEqualTo(201);
    assertThat(api().get("/api/v1/screens/lb-entry-1").body().get("groups")).extracting(JsonNode::asText)
        .containsExactly("entry-halls");

    assertThat(api().putJson("/api/v1/groups/entry-halls", Map.of("name", "Entry halls", "screenIds", List.of()))
        .status()).isEqualTo(200);
    assertThat(api().get("/api/v1/screens/lb-entry-1").body().get("groups")).isEmpty();
    assertThat(api().putJson("/api/v1/screens/lb-entry-1", Map.of("clusterId", "lao-bao", "groups", List.of("entry-halls")))
        .status()).isEqualTo(200);
    assertThat(api().delete("/api/v1/groups/entry-halls").status()).isEqualTo(200);
    assertThat(api().get("/api/v1/screens/lb-entry-1").body().get("groups")).isEmpty();
    assertThat(api().delete("/api/v1/groups/entry-halls").status()).isEqualTo(404);
    assertThat(api().putJson("/api/v1/screens/ghost", Map.of("clusterId", "lao-bao")).status()).isEqualTo(404);
  }

  @Test
  void aChangedProfileReachesTheScreenWithTheNextPublish() throws Exception {
    assertThat(api().postJson("/api/v1/clusters", cluster("mong-cai", "Móng Cái", "Asia/Ho_Chi_Minh", List.of("vi", "zh-Hans")))
        .status()).isEqualTo(201);
    Answer registered = api().postJson("/api/v1/screens", Map.of("id", "mc-hall", "clusterId", "mong-cai"));
    assertThat(registered.status()).isEqualTo(201);
    String contentId = item("mc-welcome");
    assertThat(api().postJson("/api/v1/schedule", Map.of("contentId", contentId, "screenIds", List.of("mc-hall"))).status())
        .isEqualTo(200);
    assertThat(api().postJson("/api/v1/groups", Map.of("id", "mc-halls", "name", "Halls")).status()).isEqualTo(201);

    try (ScreenClient screen = new ScreenClient(RUNNING.controller().brokerUrl(), "mc-hall",
        registered.body().get("mqttPassword").asText())) {
      screen.subscribe(Topics.schedule("mc-hall"));
      ScreenProfile first = publishAndReceive(screen, 1);
      assertThat(first.clusterId()).isEqualTo("mong-cai");
      assertThat(first.languages()).containsExactly("vi", "zh-Hans");
      assertThat(first.groups()).isEmpty();
      assertThat(sentTo("mc-hall")).as("nothing changed").isFalse();

      // The screen's own set-up: groups, tags, languages
      assertThat(api().putJson("/api/v1/screens/mc-hall", Map.of("clusterId", "mong-cai", "groups", List.of("mc-halls"),
          "tags", List.of("exit"), "languages", List.of("zh-Hans", "vi"))).status()).isEqualTo(200);
      ScreenProfile second = publishAndReceive(screen, 2);
      assertThat(second.groups()).containsExactly("mc-halls");
      assertThat(second.tags()).containsExactly("exit");
      assertThat(second.languages()).containsExactly("zh-Hans", "vi");

      // Its cluster's zone
      assertThat(api().putJson("/api/v1/clusters/mong-cai", Map.of("name", "Móng Cái", "province", "Quảng Ninh",
          "zone", "Asia/Shanghai", "languages", List.of("vi", "zh-Hans"))).status()).isEqualTo(200);
      assertThat(publishAndReceive(screen, 3).zone()).isEqualTo("Asia/Shanghai");

      // A move to another cluster
      assertThat(api().putJson("/api/v1/screens/mc-hall", Map.of("clusterId", "default")).status()).isEqualTo(200);
      ScreenProfile moved = publishAndReceive(screen, 4);
      assertThat(moved.clusterId()).isEqualTo("default");
      assertThat(moved.languages()).as("no own languages any more: the default cluster's").containsExactly("vi");
    }
  }

  /** Publishes; the screen must be among those sent, with {@code version}; returns the profile it received. */
  private static ScreenProfile publishAndReceive(ScreenClient screen, long version) {
    int before = screen.received.size();
    Answer published = api().publishAndAwait();
    assertThat(published.body().get("sent")).anySatisfy(sent -> {
      assertThat(sent.get("screenId").asText()).isEqualTo("mc-hall");
      assertThat(sent.get("version").asLong()).isEqualTo(version);
    });
    await().atMost(DEADLINE).until(() -> screen.received.size() > before);
    ScheduleMessage message = SignedSchedules.open(RUNNING.controller().signingKey(), screen.received.get(before));
    assertThat(message.version()).isEqualTo(version);
    return message.rules().profile();
  }

  private static boolean sentTo(String screenId) {
    JsonNode sent = api().publishAndAwait().body().get("sent");
    for (JsonNode s : sent) {
      if (s.get("screenId").asText().equals(screenId)) {
        return true;
      }
    }
    return false;
  }

  private static String item(String id) throws Exception {
    byte[] slide = ("<svg xmlns='http://www.w3.org/2000/svg'><text>" + id + "</text></svg>").getBytes(StandardCharsets.UTF_8);
    String sha = ApiBadInputTest.sha256(slide);
    assertThat(api().upload(slide, "image/svg+xml", sha).status()).isEqualTo(201);
    assertThat(api().postJson("/api/v1/content", Map.of("id", id, "title", id, "mediaSha256", sha, "durationSeconds", 10))
        .status()).isEqualTo(201);
    RUNNING.approve(id);
    return id;
  }

  private static void refused(String path, Object body, String fragment) {
    Answer answer = body instanceof String json ? api().postJson(path, json) : api().postJson(path, body);
    assertThat(answer.status()).as(path + " " + body).isEqualTo(400);
    assertThat(answer.error()).contains(fragment);
  }

  private static Map<String, Object> cluster(String id, String name, String zone, List<String> languages) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    if (id != null) {
      body.put("id", id);
    }
    body.put("name", name);
    body.put("province", "Lào Cai");
    body.put("zone", zone);
    body.put("languages", languages);
    return body;
  }
}
