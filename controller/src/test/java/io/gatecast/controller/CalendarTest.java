package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calendar and the checks before publish, against campaigns whose answer is known: a gate in
 * Shanghai time (UTC+8, so a wrong zone shows), a base campaign on the whole gate, a Monday
 * 07:00–09:00 daypart of higher priority on one screen, and a rival of the base's priority at noon.
 */
@IntegrationTest
class CalendarTest {
  // Monday 2 March 2026, 00:00 in Shanghai.
  private static final Instant NOW = Instant.parse("2026-03-01T16:00:00Z");

  @RegisterExtension static final RunningController RUNNING = new RunningController(c -> c, new MovableClock(NOW));

  private static ApiClient api() {
    return RUNNING.api();
  }

  @BeforeAll
  static void givenAGateWithThreeCampaigns() {
    created(api().postJson("/api/v1/clusters", Map.of("id", "cal-gate", "name", "Cửa khẩu <Bắc Sơn>", "province", "Lạng Sơn",
        "zone", "Asia/Shanghai", "languages", List.of("vi", "zh-Hans"))));
    created(api().postJson("/api/v1/screens", Map.of("id", "cal-a", "clusterId", "cal-gate")));
    created(api().postJson("/api/v1/screens", Map.of("id", "cal-b", "clusterId", "cal-gate")));
    created(api().postJson("/api/v1/screens", Map.of("id", "cal-lonely")));
    created(api().postJson("/api/v1/groups", Map.of("id", "cal-group", "name", "Sảnh A", "screenIds", List.of("cal-a"))));
    created(api().postJson("/api/v1/content", Map.of("id", "cal-item", "title", "Chào mừng",
        "variants", List.of(Map.of("language", "vi", "text", "Chào mừng", "seconds", 10)))));
    // Only in English: the gate's screens speak Vietnamese and Chinese.
    created(api().postJson("/api/v1/content", Map.of("id", "cal-english", "title", "Welcome",
        "variants", List.of(Map.of("language", "en", "text", "Welcome", "seconds", 10)))));
    RUNNING.approve("cal-item");
    RUNNING.approve("cal-english");
    for (String playlist : List.of("cal-base-list", "cal-morning-list")) {
      created(api().postJson("/api/v1/playlists", Map.of("id", playlist, "entries", List.of(Map.of("contentId", "cal-item")))));
    }
    created(api().postJson("/api/v1/playlists", Map.of("id", "cal-rival-list",
        "entries", List.of(Map.of("contentId", "cal-english")))));
    created(campaign("cal-base", "cal-base-list", Map.of("clusters", List.of("cal-gate")), List.of(), 0));
    created(campaign("cal-morning", "cal-morning-list", Map.of("screens", List.of("cal-a")),
        List.of(Map.of("days", List.of("MONDAY"), "start", "07:00", "end", "09:00")), 10));
    created(campaign("cal-rival", "cal-rival-list", Map.of("clusters", List.of("cal-gate")),
        List.of(Map.of("days", List.of("MONDAY"), "start", "12:00", "end", "13:00")), 0));
    created(campaign("cal-nowhere", "cal-base-list", Map.of("tags", List.of("no-such-tag")), List.of(), 0));
  }

  @Test
  void aGateShowsTheUnionOfItsScreensInItsOwnZoneWithPrioritiesAndWhichScreensDiffer() {
    Answer answer = api().get("/api/v1/calendar?cluster=cal-gate&from=2026-03-02&to=2026-03-03");

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    JsonNode body = answer.body();
    assertThat(body.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(body.get("target").get("name").asText()).isEqualTo("Cửa khẩu <Bắc Sơn>");
    assertThat(body.get("screenCount").asInt()).isEqualTo(2);
    assertThat(blocks(body)).containsExactly(
        "00:00-07:00 CAMPAIGN [cal-base] P0 [cal-a]",
        "00:00-12:00 CAMPAIGN [cal-base] P0 [cal-b]",
        "07:00-09:00 CAMPAIGN [cal-morning] P10 [cal-a]",
        "09:00-12:00 CAMPAIGN [cal-base] P0 [cal-a]",
        "12:00-13:00 CAMPAIGN [cal-base, cal-rival] P0 all",
        "13:00-00:00 CAMPAIGN [cal-base] P0 all");
    // The daypart's instants are Shanghai's 07:00, not Hanoi's.
    JsonNode morning = StreamSupport.stream(body.get("blocks").spliterator(), false)
        .filter(b -> b.get("sourceIds").get(0).asText().equals("cal-morning")).findFirst().orElseThrow();
    assertThat(morning.get("start").asText()).isEqualTo("2026-03-01T23:00:00Z");
    assertThat(morning.get("end").asText()).isEqualTo("2026-03-02T01:00:00Z");
    assertThat(body.get("campaigns").get("cal-morning").get("priority").asInt()).isEqualTo(10);
    assertThat(body.get("campaigns").get("cal-morning").get("name").asText()).isEqualTo("Campaign cal-morning");
  }

  @Test
  void aGroupAndAScreenShowOnlyTheirScreensAndTheDaypartOnlyOnMondays() {
    JsonNode group = api().get("/api/v1/calendar?group=cal-group&from=2026-03-02&to=2026-03-04").body();
    assertThat(group.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(blocks(group)).containsExactly(
        "00:00-07:00 CAMPAIGN [cal-base] P0 all",
        "07:00-09:00 CAMPAIGN [cal-morning] P10 all",
        "09:00-12:00 CAMPAIGN [cal-base] P0 all",
        "12:00-13:00 CAMPAIGN [cal-base, cal-rival] P0 all",
        // Tuesday: the Monday daypart and the Monday rival are off; the base runs on over midnight.
        "13:00-00:00 CAMPAIGN [cal-base] P0 all");
    JsonNode tuesday = group.get("blocks").get(4);
    assertThat(tuesday.get("localEnd").asText()).startsWith("2026-03-04T00:00");

    JsonNode screen = api().get("/api/v1/calendar?screen=cal-b&from=2026-03-09&to=2026-03-10").body();
    assertThat(blocks(screen)).containsExactly(
        "00:00-12:00 CAMPAIGN [cal-base] P0 all",
        "12:00-13:00 CAMPAIGN [cal-base, cal-rival] P0 all",
        "13:00-00:00 CAMPAIGN [cal-base] P0 all");

    JsonNode lonely = api().get("/api/v1/calendar?screen=cal-lonely&from=2026-03-09&to=2026-03-10").body();
    assertThat(lonely.get("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
    assertThat(blocks(lonely)).containsExactly("00:00-00:00 IDLE [] - all");
  }

  @Test
  void checksBeforePublishListGapsConflictsMissingLanguagesAndCampaignsThatReachNoScreen() {
    Answer answer = api().get("/api/v1/publish/checks");

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    JsonNode body = answer.body();
    assertThat(body.get("from").asText()).isEqualTo(NOW.toString());
    assertThat(body.get("screenCount").asInt()).isEqualTo(3);
    List<JsonNode> findings = new ArrayList<>();
    body.get("findings").forEach(findings::add);
    assertThat(findings).filteredOn(f -> f.get("code").asText().equals("SAME_PRIORITY_OVERLAP")).singleElement()
        .satisfies(f -> {
          assertThat(texts(f.get("subjects"))).containsExactly("cal-base", "cal-rival");
          // Found for two sets of screens (cal-a also has the morning campaign): listed once, with both.
          assertThat(texts(f.get("screens"))).containsExactly("cal-a", "cal-b");
          // The message's parts, for the console to say in its own language
          assertThat(f.get("details").get("campaign").asText()).isEqualTo("cal-base");
          assertThat(f.get("details").get("otherCampaign").asText()).isEqualTo("cal-rival");
          assertThat(f.get("details").get("otherCampaignName").asText()).isEqualTo("Campaign cal-rival");
          assertThat(f.get("details").get("at").asText()).isEqualTo("2026-03-02T12:00");
        });
    assertThat(findings).filteredOn(f -> f.get("code").asText().equals("GAP")).singleElement()
        .satisfies(f -> {
          assertThat(f.get("severity").asText()).isEqualTo("ERROR");
          assertThat(f.get("subjects")).isEmpty();
          assertThat(texts(f.get("screens"))).containsExactly("cal-lonely");
          // Black for the whole week from now, in the screen's own zone (Hanoi's 23:00 is 16:00 UTC)
          assertThat(f.get("details").get("screen").asText()).isEqualTo("cal-lonely");
          assertThat(f.get("details").get("idleSeconds").asText()).isEqualTo("604800");
          assertThat(f.get("details").get("from").asText()).isEqualTo("2026-03-01T23:00");
          assertThat(f.get("details").get("to").asText()).isEqualTo("2026-03-08T23:00");
          assertThat(f.get("details").get("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
        });
    assertThat(findings).filteredOn(f -> f.get("code").asText().equals("MISSING_LANGUAGE"))
        .singleElement().satisfies(f -> {
          assertThat(f.get("message").asText()).contains("'Welcome' (cal-english)", "vi, zh-Hans");
          assertThat(texts(f.get("subjects"))).containsExactly("cal-english");
          assertThat(texts(f.get("screens"))).containsExactly("cal-a", "cal-b");
          assertThat(f.get("details").get("item").asText()).isEqualTo("cal-english");
          assertThat(f.get("details").get("itemTitle").asText()).isEqualTo("Welcome");
          assertThat(f.get("details").get("languages").asText()).isEqualTo("vi,zh-Hans");
          assertThat(f.get("details").get("fallback").asText()).isEqualTo("en");
        });
    assertThat(findings).filteredOn(f -> f.get("code").asText().equals("NO_SCREENS")).singleElement()
        .satisfies(f -> {
          assertThat(texts(f.get("subjects"))).containsExactly("cal-nowhere");
          assertThat(f.get("details").get("campaign").asText()).isEqualTo("cal-nowhere");
          assertThat(f.get("details").get("campaignName").asText()).isEqualTo("Campaign cal-nowhere");
        });
    assertThat(findings.get(0).get("severity").asText()).isEqualTo("ERROR");
  }

  @Test
  void badInputIsRefusedNamingTheParameter() {
    refused("/api/v1/calendar?from=2026-03-02&to=2026-03-03", 400, "one of cluster=<id>, group=<id> or screen=<id>");
    refused("/api/v1/calendar?cluster=cal-gate&screen=cal-a&from=2026-03-02&to=2026-03-03", 400, "only one of");
    refused("/api/v1/calendar?cluster=cal-gate&to=2026-03-03", 400, "from is required");
    refused("/api/v1/calendar?cluster=cal-gate&from=02/03/2026&to=2026-03-03", 400, "from must be an ISO date", "02/03/2026");
    refused("/api/v1/calendar?cluster=cal-gate&from=2026-03-03&to=2026-03-03", 400, "to (2026-03-03) must be after from");
    refused("/api/v1/calendar?cluster=cal-gate&from=2026-03-01&to=2026-04-13", 400, "more than 42 days");
    assertThat(api().get("/api/v1/calendar?cluster=cal-gate&from=2026-03-01&to=2026-04-12").status()).isEqualTo(200);
    refused("/api/v1/calendar?cluster=ghost&from=2026-03-02&to=2026-03-03", 404, "no cluster ghost");
    refused("/api/v1/calendar?group=ghost&from=2026-03-02&to=2026-03-03", 404, "no group ghost");
    refused("/api/v1/calendar?screen=ghost&from=2026-03-02&to=2026-03-03", 404, "no screen ghost");
    refused("/api/v1/publish/checks?days=0", 400, "days must be from 1 to 42");
    refused("/api/v1/publish/checks?days=week", 400, "days must be a whole number", "week");
  }

  @Test
  void everyoneSignedInMayReadTheCalendarAndChecksButOnlySchedulersWriteCampaigns() {
    String calendar = "/api/v1/calendar?cluster=cal-gate&from=2026-03-02&to=2026-03-03";
    for (String role : List.of("viewer", "contributor", "technician", "approver")) {
      ApiClient user = RUNNING.user("cal-" + role, role);
      assertThat(user.get(calendar).status()).as(role).isEqualTo(200);
      assertThat(user.get("/api/v1/publish/checks").status()).as(role).isEqualTo(200);
      assertThat(user.postJson("/api/v1/campaigns", Map.of("id", "x-" + role)).status()).as(role).isEqualTo(403);
    }
    assertThat(RUNNING.anonymous().get(calendar).status()).isEqualTo(401);
    assertThat(RUNNING.user("cal-operator", "operator").get(calendar).status()).isEqualTo(200);
  }

  private static Answer campaign(String id, String playlist, Map<String, Object> targets, List<Object> dayparts,
      int priority) {
    return api().postJson("/api/v1/campaigns", Map.of("id", id, "name", "Campaign " + id, "playlistId", playlist,
        "targets", targets, "start", "2026-03-01T00:00", "end", "2026-05-01T00:00", "dayparts", dayparts,
        "priority", priority));
  }

  /** "HH:mm-HH:mm KIND [sources] P<priority> [screens]|all", local times in the answer's zone. */
  private static List<String> blocks(JsonNode body) {
    List<String> out = new ArrayList<>();
    for (JsonNode b : body.get("blocks")) {
      out.add(b.get("localStart").asText().substring(11, 16) + "-" + b.get("localEnd").asText().substring(11, 16) + " "
          + b.get("kind").asText() + " " + texts(b.get("sourceIds")) + " "
          + (b.get("priority").isNull() ? "-" : "P" + b.get("priority").asInt()) + " "
          + (b.get("screens").isNull() ? "all" : texts(b.get("screens")).toString()));
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static void created(Answer answer) {
    assertThat(answer.status()).as(answer.body() == null ? "" : answer.body().toString()).isEqualTo(201);
  }

  private static void refused(String path, int status, String... fragments) {
    Answer answer = api().get(path);
    assertThat(answer.status()).as(path).isEqualTo(status);
    assertThat(answer.error()).contains(fragments);
  }
}
