package io.gatecast.agent;

import static io.gatecast.agent.TestRules.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.PlayBatch.Play;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.LanguagePolicySpec;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker and controller out of reach: the agent keeps playing by its cached rules across a
 * campaign boundary (an injected clock walks through it), journals every play, and once the link
 * is back — even after a restart in between — every play reaches the controller, exactly once.
 */
@IntegrationTest
class OfflineTest {
  private static final String SCREEN = "mong-cai-hall-1";
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final TestKeys KEYS = TestKeys.generate();
  /** 07:59:00 in Hanoi; the election campaign starts at 08:00 local. */
  private static final Instant START = Instant.parse("2026-03-15T00:59:00Z");

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN, KEYS);
  private final MovableClock clock = new MovableClock(START);
  private ControllerSpy controller;
  private LinkCutter link;
  private ItemSpec welcome;
  private ItemSpec election;

  @BeforeEach
  void startWorld() throws Exception {
    TestBroker broker = world.broker();
    MediaServer media = world.media();
    controller = world.controller();
    controller.useClock(clock); // the stand-in controller shares the test's clock (see below)
    link = world.closing(new LinkCutter(broker.url()));
    byte[] welcomeBytes = "welcome slide".getBytes(StandardCharsets.UTF_8);
    byte[] vi = "bầu cử".getBytes(StandardCharsets.UTF_8);
    byte[] zh = "选举".getBytes(StandardCharsets.UTF_8);
    welcome = item("welcome", "Chào mừng", media.serve(welcomeBytes), welcomeBytes, "image/png", 30);
    election = new ItemSpec("bau-cu-2026", "Bầu cử 15/3", List.of(
        VariantSpec.media("vi", TestRules.media(media.serve(vi), vi, "image/png"), 20),
        VariantSpec.media("zh-Hans", TestRules.media(media.serve(zh), zh, "image/png"), 20)));
  }

  @Test
  void playsAcrossACampaignBoundaryWithNoLinkAndReportsEveryPlayOnceBack() throws Exception {
    PlayerAgent agent = startAgent();
    CampaignSpec campaign = new CampaignSpec("election-2026", "Bầu cử", TestRules.playlist("election", election),
        TargetsSpec.clusters(TestRules.CLUSTER), LocalDateTime.parse("2026-03-15T08:00"),
        LocalDateTime.parse("2026-03-15T12:00"), null, null, 10, 1, LanguagePolicySpec.rotate());
    // The controller shares the test's clock (it stamps the schedule by it): the offset the agent
    // learns from it is zero, so the plays keep the test clock's times.
    controller.publishRetained(new ScheduleMessage(Header.now(clock.instant()), SCREEN, 1L,
        TestRules.rules(TestRules.profile(SCREEN, "zh-Hans", "vi"), List.of(welcome, election), List.of(campaign),
            TestRules.playlist("default", welcome), List.of())));
    await().atMost(DEADLINE).until(() -> controller.acks.stream().anyMatch(a -> a.version() == 1
        && a.outcome() == Outcome.APPLIED));
    await().atMost(DEADLINE).until(() -> agent.outbox().pending() == 0);
    agent.proofOfPlay().observe(); // on screen from 07:59:00 (the ticker may not have looked yet)

    link.cut();
    await().atMost(DEADLINE).until(() -> !agent.isConnected());

    // 07:59:00 → 08:01:00 in 10 s steps: two welcome loops, then the campaign rotating languages.
    walk(agent, 12, Map.of(
        "2026-03-15T00:59:10Z", "DEFAULT welcome vi",
        "2026-03-15T00:59:50Z", "DEFAULT welcome vi",
        "2026-03-15T01:00:00Z", "CAMPAIGN bau-cu-2026 zh-Hans",
        "2026-03-15T01:00:30Z", "CAMPAIGN bau-cu-2026 vi",
        "2026-03-15T01:01:00Z", "CAMPAIGN bau-cu-2026 vi"));
    assertThat(agent.proofOfPlay().unsent()).isEqualTo(5);
    assertThat(controller.playBatches).isEmpty();

    link.restore();

    List<Play> expected = List.of(
        play("welcome", null, "vi", "00:59:00", "00:59:30"),
        play("welcome", null, "vi", "00:59:30", "01:00:00"),
        play("bau-cu-2026", "election-2026", "zh-Hans", "01:00:00", "01:00:20"),
        play("bau-cu-2026", "election-2026", "vi", "01:00:20", "01:00:40"),
        play("bau-cu-2026", "election-2026", "zh-Hans", "01:00:40", "01:01:00"));
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(received()).hasSize(5));
    assertThat(received()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("playId")
        .containsExactlyElementsOf(expected);
    assertEachPlayIdArrivedOnce();
    // And the controller's receipt for them is in: cut before it, the link would lose it, and the restart
    // below would send those five again (as it must: nothing said they were stored).
    await().atMost(DEADLINE).until(() -> agent.proofOfPlay().unsent() == 0);

    // Down again, and this time the agent is stopped while offline: the plays wait on disk.
    link.cut();
    await().atMost(DEADLINE).until(() -> !agent.isConnected());
    walk(agent, 6, Map.of("2026-03-15T01:02:00Z", "CAMPAIGN bau-cu-2026 zh-Hans"));
    world.closeNow(agent);
    link.restore();

    PlayerAgent restarted = startAgent();
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(received()).hasSize(8));
    assertThat(received().subList(5, 8)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("playId")
        .containsExactly(
            play("bau-cu-2026", "election-2026", "vi", "01:01:00", "01:01:20"),
            play("bau-cu-2026", "election-2026", "zh-Hans", "01:01:20", "01:01:40"),
            play("bau-cu-2026", "election-2026", "vi", "01:01:40", "01:02:00"));
    assertEachPlayIdArrivedOnce();
    await().atMost(DEADLINE).until(() -> restarted.outbox().pending() == 0 && restarted.proofOfPlay().unsent() == 0);
  }

  @Test
  void aCommandSentWhileTheScreenWasOfflineArrivesWhenItIsBack() throws Exception {
    PlayerAgent agent = startAgent();
    // An applied schedule proves the subscriptions are in place (a session without them queues nothing).
    controller.publishRetained(TestRules.schedule(SCREEN, 1, welcome));
    await().atMost(DEADLINE).until(() -> controller.acks.stream().anyMatch(a -> a.outcome() == Outcome.APPLIED));
    link.cut();
    await().atMost(DEADLINE).until(() -> !agent.isConnected());

    // The broker keeps the screen's persistent session and queues this QoS 1 message for it.
    controller.sendCommand(SCREEN, "{\"type\":\"command\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8));
    link.restore();

    // It arrived: the agent refused it (it is not signed) and said so.
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(controller.rejections).singleElement()
        .satisfies(r -> assertThat(r.topic()).isEqualTo(io.gatecast.protocol.Topics.commands(SCREEN))));
  }

  /** Moves the clock {@code steps} × 10 s, checking the page where {@code expectations} say. */
  private void walk(PlayerAgent agent, int steps, Map<String, String> expectations) throws Exception {
    for (int i = 0; i < steps; i++) {
      clock.advance(Duration.ofSeconds(10));
      agent.proofOfPlay().observe(); // what the agent's own ticker does every half second
      String expected = expectations.get(clock.instant().toString());
      if (expected != null) {
        JsonNode now = now(agent);
        assertThat(now.get("kind").asText() + " " + now.get("item").get("contentId").asText() + " "
            + now.get("item").get("language").asText()).as("on screen at %s", clock.instant()).isEqualTo(expected);
      }
    }
  }

  private List<Play> received() {
    return controller.playBatches.stream().flatMap(b -> b.plays().stream()).toList();
  }

  private void assertEachPlayIdArrivedOnce() {
    Map<String, Long> counts = received().stream().collect(Collectors.groupingBy(Play::playId, Collectors.counting()));
    assertThat(counts).allSatisfy((id, count) -> assertThat(count).as("arrivals of play %s", id).isEqualTo(1L));
    assertThat(controller.playBatches).allSatisfy((PlayBatch b) -> assertThat(b.screenId()).isEqualTo(SCREEN));
  }

  private static Play play(String item, String campaign, String language, String from, String to) {
    return new Play("x", item, campaign, language, Instant.parse("2026-03-15T" + from + "Z"),
        Instant.parse("2026-03-15T" + to + "Z"));
  }

  private PlayerAgent startAgent() {
    AgentConfig config = AgentConfig.of(SCREEN, link.url(), dataDir).withPagePort(0).withHeartbeatSeconds(1)
        .withPlayBatchSeconds(1).withControllerKey(KEYS.pinned());
    return world.closing(PlayerAgent.start(config, clock));
  }

  private JsonNode now(PlayerAgent agent) throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + agent.pagePort() + "/now")).build(), HttpResponse.BodyHandlers.ofByteArray());
    return Codec.mapper().readTree(response.body());
  }
}
