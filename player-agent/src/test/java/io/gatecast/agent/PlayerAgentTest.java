package io.gatecast.agent;

import static io.gatecast.agent.TestRules.item;
import static io.gatecast.agent.TestRules.mediaOf;
import static io.gatecast.agent.TestRules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.LanguagePolicySpec;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.protocol.ScreenState;
import io.gatecast.testkit.Ports;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The agent end to end with real parts: a Moquette broker, an HTTP media server, files on disk. */
@IntegrationTest
class PlayerAgentTest {
  private static final String SCREEN = "laocai-road-hall-1";
  private static final String TITLE = "Cửa khẩu quốc tế Lào Cai · 老街口岸 · ດ່ານສາກົນ · ច្រកព្រំដែន <b>&</b>";
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  private static final TestKeys KEYS = TestKeys.generate();

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN, KEYS);
  private TestBroker broker;
  private MediaServer media;
  private ControllerSpy controller;

  @BeforeEach
  void startWorld() throws Exception {
    broker = world.broker();
    media = world.media();
    controller = world.controller();
  }

  @Test
  void appliesAScheduleDownloadsVerifiesCachesPlaysAndReports() throws Exception {
    byte[] photo = "a photo of the gate".getBytes(StandardCharsets.UTF_8);
    ItemSpec item = item("welcome-2026", TITLE, media.serve(photo), photo, "image/jpeg", 30);
    PlayerAgent agent = givenAgent(broker.url());

    controller.publishRetained(schedule(SCREEN, 1, item));

    ScheduleAck ack = awaitAck(1);
    assertThat(ack.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(ack.screenId()).isEqualTo(SCREEN);
    assertThat(agent.appliedVersion()).contains(1L);
    Path cached = dataDir.resolve("media").resolve(mediaOf(item).sha256());
    assertThat(MediaServer.sha256(Files.readAllBytes(cached))).isEqualTo(mediaOf(item).sha256());
    assertThat(SavedSchedule.read(dataDir.resolve("schedule.json")).version())
        .isEqualTo(1L);

    JsonNode now = now(agent);
    assertThat(now.get("screenId").asText()).isEqualTo(SCREEN);
    assertThat(now.get("appliedVersion").asLong()).isEqualTo(1L);
    assertThat(now.get("item").get("contentId").asText()).isEqualTo("welcome-2026");
    assertThat(now.get("item").get("title").asText()).isEqualTo(TITLE);
    assertThat(now.get("item").get("sha256").asText()).isEqualTo(mediaOf(item).sha256());
    assertThat(now.get("item").get("mimeType").asText()).isEqualTo("image/jpeg");
    assertThat(now.get("item").get("durationSeconds").asLong()).isEqualTo(30);
    assertThat(now.get("item").get("language").asText()).isEqualTo("vi");
    assertThat(now.get("kind").asText()).isEqualTo("DEFAULT");
    assertThat(now.get("until").asText()).endsWith("Z");

    HttpResponse<byte[]> file = get(agent, "/media/" + mediaOf(item).sha256());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(file.body()).isEqualTo(photo);

    await().atMost(DEADLINE).untilAsserted(() -> assertThat(controller.statuses).anySatisfy(status -> {
      assertThat(status.state()).isEqualTo(ScreenState.ONLINE);
      assertThat(status.appliedVersion()).isEqualTo(1L);
      assertThat(status.currentContentId()).isEqualTo("welcome-2026");
      assertThat(status.heartbeatSeconds()).isEqualTo(1L);
    }));
  }

  @Test
  void refusesRulesWhoseVariantMediaFailsVerificationAndKeepsPlayingTheOldSchedule() throws Exception {
    byte[] good = "approved clip".getBytes(StandardCharsets.UTF_8);
    ItemSpec approved = item("approved", "Approved", media.serve(good), good, "video/mp4", 20);
    PlayerAgent agent = givenAgent(broker.url());
    controller.publishRetained(schedule(SCREEN, 1, approved));
    assertThat(awaitAck(1).outcome()).isEqualTo(Outcome.APPLIED);

    // The Vietnamese variant is fine; the Chinese one, which this screen may never even show
    // today, is served altered. The whole schedule must still be refused.
    byte[] vietnamese = "thông báo đã duyệt".getBytes(StandardCharsets.UTF_8);
    byte[] announced = "the reviewed notice".getBytes(StandardCharsets.UTF_8);
    byte[] tampered = "the altered notice!".getBytes(StandardCharsets.UTF_8); // same length, other bytes
    ItemSpec notice = new ItemSpec("notice", "Notice", List.of(
        VariantSpec.media("vi", TestRules.media(media.serve(vietnamese), vietnamese, "image/png"), 10),
        VariantSpec.media("zh-Hans", TestRules.media(media.serve(tampered), announced, "image/png"), 10)));
    controller.publishRetained(schedule(SCREEN, 2, notice));

    ScheduleAck ack = awaitAck(2);
    assertThat(ack.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(ack.error()).contains("checksum did not match");
    assertThat(agent.appliedVersion()).contains(1L);
    assertThat(dataDir.resolve("media").resolve(MediaServer.sha256(announced))).doesNotExist();
    try (Stream<Path> files = Files.list(dataDir.resolve("media"))) {
      // Only verified files, each under its own hash; the altered bytes are nowhere.
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains(mediaOf(approved).sha256())
          .doesNotContain(MediaServer.sha256(tampered));
    }
    assertThat(now(agent).get("item").get("contentId").asText()).isEqualTo("approved");
    assertThat(SavedSchedule.read(dataDir.resolve("schedule.json")).version())
        .isEqualTo(1L);
  }

  @Test
  void switchesItemAtACampaignBoundaryAndShowsTheScreensFirstLanguage() throws Exception {
    // 07:59:50 in Hanoi; the election campaign starts at 08:00 local.
    MovableClock clock = new MovableClock(Instant.parse("2026-03-15T00:59:50Z"));
    byte[] welcome = "welcome slide".getBytes(StandardCharsets.UTF_8);
    byte[] electionVi = "bầu cử slide".getBytes(StandardCharsets.UTF_8);
    byte[] electionZh = "选举 slide".getBytes(StandardCharsets.UTF_8);
    ItemSpec welcomeItem = item("welcome", "Chào mừng", media.serve(welcome), welcome, "image/png", 30);
    ItemSpec election = new ItemSpec("bau-cu-2026", "Bầu cử 15/3", List.of(
        VariantSpec.media("vi", TestRules.media(media.serve(electionVi), electionVi, "image/png"), 20),
        VariantSpec.media("zh-Hans", TestRules.media(media.serve(electionZh), electionZh, "image/jpeg"), 20)));
    CampaignSpec campaign = new CampaignSpec("election-2026", "Bầu cử", TestRules.playlist("election", election),
        TargetsSpec.clusters(TestRules.CLUSTER), LocalDateTime.parse("2026-03-15T08:00"),
        LocalDateTime.parse("2026-03-15T12:00"), null, null, 10, 1, LanguagePolicySpec.rotate());
    PlayerAgent agent = givenAgent(broker.url(), clock);

    controller.publishRetained(schedule(1, TestRules.rules(TestRules.profile(SCREEN, "zh-Hans", "vi"),
        List.of(welcomeItem, election), List.of(campaign), TestRules.playlist("default", welcomeItem), List.of())));
    assertThat(awaitAck(1).outcome()).isEqualTo(Outcome.APPLIED);

    JsonNode before = now(agent);
    assertThat(before.get("kind").asText()).isEqualTo("DEFAULT");
    assertThat(before.get("item").get("contentId").asText()).isEqualTo("welcome");
    assertThat(before.get("item").get("language").asText()).isEqualTo("vi"); // its only language
    assertThat(before.get("until").asText()).isEqualTo("2026-03-15T01:00:00Z"); // cut at the boundary

    clock.advance(Duration.ofSeconds(10));

    JsonNode after = now(agent);
    assertThat(after.get("kind").asText()).isEqualTo("CAMPAIGN");
    assertThat(after.get("item").get("contentId").asText()).isEqualTo("bau-cu-2026");
    assertThat(after.get("item").get("language").asText()).isEqualTo("zh-Hans");
    assertThat(after.get("item").get("sha256").asText()).isEqualTo(MediaServer.sha256(electionZh));
    assertThat(after.get("item").get("mimeType").asText()).isEqualTo("image/jpeg");
    assertThat(after.get("until").asText()).isEqualTo("2026-03-15T01:00:20Z");
    // Both languages were fetched before the switch, so the rotation never meets a missing file.
    assertThat(dataDir.resolve("media").resolve(MediaServer.sha256(electionVi))).exists();
    assertThat(get(agent, "/media/" + MediaServer.sha256(electionZh)).body()).isEqualTo(electionZh);

    clock.advance(Duration.ofSeconds(20));
    assertThat(now(agent).get("item").get("language").asText()).isEqualTo("vi");
  }

  @Test
  void refusesAnOlderVersionThanTheOneApplied() throws Exception {
    byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
    ItemSpec one = item("one", "One", media.serve(bytes), bytes, "image/png", 5);
    PlayerAgent agent = givenAgent(broker.url());
    controller.publishRetained(schedule(SCREEN, 5, one));
    assertThat(awaitAck(5).outcome()).isEqualTo(Outcome.APPLIED);

    controller.publishRetained(schedule(SCREEN, 3, one));

    RejectionEvent rejection = await().atMost(DEADLINE).until(() -> controller.rejections, r -> !r.isEmpty()).get(0);
    assertThat(rejection.reason()).isEqualTo(Rejection.REPLAYED_OR_OLDER);
    assertThat(rejection.detail()).contains("version 3 is not newer than the accepted version 5");
    assertThat(agent.appliedVersion()).contains(5L);
    assertThat(controller.acks).noneMatch(a -> a.version() == 3);
  }

  @Test
  void restartedWithoutNetworkPlaysFromTheCacheAtOnce() throws Exception {
    byte[] photo = "border sovereignty poster".getBytes(StandardCharsets.UTF_8);
    ItemSpec item = item("poster", TITLE, media.serve(photo), photo, "image/webp", 15);
    PlayerAgent first = givenAgent(broker.url());
    controller.publishRetained(schedule(SCREEN, 7, item));
    assertThat(awaitAck(7).outcome()).isEqualTo(Outcome.APPLIED);
    first.close();
    controller.close();
    broker.close();
    media.close();

    PlayerAgent second = givenAgent("tcp://127.0.0.1:" + deadPort());

    // No waiting: the page serves the cached schedule as soon as start() returns.
    assertThat(second.isConnected()).isFalse();
    assertThat(second.appliedVersion()).contains(7L);
    JsonNode now = now(second);
    assertThat(now.get("appliedVersion").asLong()).isEqualTo(7L);
    assertThat(now.get("item").get("contentId").asText()).isEqualTo("poster");
    assertThat(now.get("item").get("title").asText()).isEqualTo(TITLE);
    HttpResponse<byte[]> file = get(second, "/media/" + mediaOf(item).sha256());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).contains("image/webp");
    assertThat(file.body()).isEqualTo(photo);
  }

  @Test
  void theBrokerReportsTheAgentOfflineWhenItsConnectionDies() throws Exception {
    PlayerAgent agent = givenAgent(broker.url());
    await().atMost(DEADLINE).until(() -> controller.statuses.stream().anyMatch(s -> s.state() == ScreenState.ONLINE));

    agent.abortConnection();

    await().atMost(DEADLINE).untilAsserted(() -> assertThat(controller.statuses).last()
        .satisfies(status -> {
          assertThat(status.state()).isEqualTo(ScreenState.OFFLINE);
          assertThat(status.screenId()).isEqualTo(SCREEN);
          assertThat(status.stopping()).as("the broker's last-will, not the agent's goodbye").isNull();
        }));
  }

  @Test
  void closingPublishesOffline() throws Exception {
    PlayerAgent agent = givenAgent(broker.url());
    await().atMost(DEADLINE).until(agent::isConnected);

    agent.close();

    await().atMost(DEADLINE).untilAsserted(() -> assertThat(controller.statuses).last()
        .extracting(status -> status.state()).isEqualTo(ScreenState.OFFLINE));
    assertThat(controller.statuses.get(controller.statuses.size() - 1).stopping()).as("said apart from a last-will")
        .isTrue();
  }

  @Test
  void thePageIsUtf8HtmlAndTheMediaPathAcceptsOnlyHashes() throws Exception {
    PlayerAgent agent = givenAgent("tcp://127.0.0.1:" + deadPort());

    HttpResponse<byte[]> page = get(agent, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<meta charset=\"utf-8\">", SCREEN, "/now");

    JsonNode now = now(agent);
    assertThat(now.get("appliedVersion").isNull()).isTrue();
    assertThat(now.get("item").isNull()).isTrue();

    Files.writeString(dataDir.resolve("secret.txt"), "not for the browser");
    assertThat(get(agent, "/media/" + "ab".repeat(32)).statusCode()).isEqualTo(404);
    assertThat(get(agent, "/media/..%2Fsecret.txt").statusCode()).isEqualTo(404);
    assertThat(get(agent, "/media/../schedule.json").statusCode()).isEqualTo(404);
    assertThat(get(agent, "/media/").statusCode()).isEqualTo(404);
  }

  private PlayerAgent givenAgent(String brokerUrl) {
    return givenAgent(brokerUrl, Clock.systemUTC());
  }

  private PlayerAgent givenAgent(String brokerUrl, Clock clock) {
    AgentConfig config = AgentConfig.of(SCREEN, brokerUrl, dataDir).withPagePort(0).withHeartbeatSeconds(1)
        .withControllerKey(KEYS.pinned());
    return world.closing(PlayerAgent.start(config, clock));
  }

  private ScheduleAck awaitAck(long version) {
    return await().atMost(DEADLINE).until(
        () -> controller.acks.stream().filter(a -> a.version() == version).findFirst(), Optional::isPresent).get();
  }

  private JsonNode now(PlayerAgent agent) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = get(agent, "/now");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    return Codec.mapper().readTree(response.body());
  }

  private HttpResponse<byte[]> get(PlayerAgent agent, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.pagePort() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static int deadPort() {
    return Ports.free();
  }
}
