package io.gatecast.agent;

import static io.gatecast.agent.TestRules.item;
import static io.gatecast.agent.TestRules.mediaOf;
import static io.gatecast.agent.TestRules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.agent.cache.ScheduleStore;
import io.gatecast.agent.health.AgentVersion;
import io.gatecast.agent.health.Autonomy;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.ScreenHealth;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.testkit.IntegrationTest;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The agent's cache with a real broker and a media server that misbehaves on cue. */
@IntegrationTest
class CachedSchedulesTest {
  private static final String SCREEN = "tay-trang-hall-1";
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final TestKeys KEYS = TestKeys.generate();

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN, KEYS);
  private MediaServer media;
  private ControllerSpy controller;
  private TestBroker broker;
  private ItemSpec welcome;

  @BeforeEach
  void startWorld() throws Exception {
    broker = world.broker();
    media = world.media();
    controller = world.controller();
    byte[] bytes = "welcome".getBytes(StandardCharsets.UTF_8);
    welcome = item("welcome", "Welcome", media.serve(bytes), bytes, "image/png", 10);
  }

  @Test
  void aNewScheduleIsSwitchedToOnlyOnceEveryFileIsHereTheOldOnePlaysMeanwhile() throws Exception {
    PlayerAgent agent = givenAgentPlaying(1, welcome);
    byte[] vi = "thông báo".getBytes(StandardCharsets.UTF_8);
    byte[] km = "សេចក្តីជូនដំណឹង".getBytes(StandardCharsets.UTF_8);
    String slowUrl = media.serve(km);
    ItemSpec notice = new ItemSpec("notice", "Notice", List.of(
        VariantSpec.media("vi", TestRules.media(media.serve(vi), vi, "image/png"), 10),
        VariantSpec.media("km", TestRules.media(slowUrl, km, "image/png"), 10)));
    media.hold(slowUrl);

    controller.publishRetained(schedule(SCREEN, 2, notice));

    // The first file is in, the second is on its way: still version 1 on screen.
    await().atMost(DEADLINE).until(() -> Files.exists(dataDir.resolve("media").resolve(MediaServer.sha256(vi))));
    assertThat(dataDir.resolve(ScheduleStore.PENDING_FILE_NAME)).exists();
    assertThat(agent.appliedVersion()).contains(1L);
    assertThat(showing(agent)).isEqualTo("welcome");

    media.release(slowUrl);

    assertThat(awaitAck(2, Outcome.APPLIED).version()).isEqualTo(2L);
    assertThat(showing(agent)).isEqualTo("notice");
    assertThat(dataDir.resolve(ScheduleStore.PENDING_FILE_NAME)).doesNotExist();
  }

  @Test
  void aFailedDownloadIsReportedOnceAndRetriedUntilItSucceeds() throws Exception {
    PlayerAgent agent = givenAgentPlaying(1, welcome);
    byte[] bytes = "new poster".getBytes(StandardCharsets.UTF_8);
    ItemSpec poster = item("poster", "Poster", media.serve(bytes), bytes, "image/png", 10);
    media.down(true);

    controller.publishRetained(schedule(SCREEN, 2, poster));

    assertThat(awaitAck(2, Outcome.FAILED).error()).contains("HTTP 503");
    assertThat(agent.appliedVersion()).contains(1L);
    media.down(false);
    awaitAck(2, Outcome.APPLIED);
    assertThat(showing(agent)).isEqualTo("poster");
    assertThat(controller.acks.stream().filter(a -> a.version() == 2).map(ScheduleAck::outcome))
        .containsExactly(Outcome.FAILED, Outcome.APPLIED);
  }

  @Test
  void aCorruptCachedFileIsDeletedAtStartAndFetchedAgain() throws Exception {
    PlayerAgent agent = givenAgentPlaying(1, welcome);
    world.closeNow(agent);
    Path cached = dataDir.resolve("media").resolve(mediaOf(welcome).sha256());
    Files.writeString(cached, "welcomf"); // one bit of rot
    int before = media.requestsFor(mediaOf(welcome).url()).size();

    PlayerAgent restarted = givenAgent();

    await().atMost(DEADLINE).until(() -> media.requestsFor(mediaOf(welcome).url()).size() > before
        && Files.exists(cached));
    assertThat(Files.readString(cached)).isEqualTo("welcome");
    assertThat(restarted.appliedVersion()).contains(1L);
  }

  @Test
  void startsAndPlaysFromTheCacheWithNoBrokerNoDnsAndNoController() throws Exception {
    PlayerAgent first = givenAgentPlaying(4, welcome);
    world.closeNow(first);
    controller.close();
    broker.close();
    media.close();

    // A name that can never resolve (RFC 6761): no DNS answer, no broker, no media server.
    AgentConfig config = AgentConfig.of(SCREEN, "tcp://gatecast-broker.invalid:1883", dataDir).withPagePort(0)
        .withControllerKey(KEYS.pinned());
    PlayerAgent offline = world.closing(PlayerAgent.start(config, Clock.systemUTC()));

    assertThat(offline.isConnected()).isFalse();
    assertThat(offline.appliedVersion()).contains(4L);
    assertThat(showing(offline)).isEqualTo("welcome");
    HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + offline.pagePort()
        + "/media/" + mediaOf(welcome).sha256())).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.body()).isEqualTo("welcome".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void heartbeatsCarryTheScreensHealth() throws Exception {
    givenAgentPlaying(1, welcome);

    StatusMessage status = await().atMost(DEADLINE).until(() -> controller.statuses.stream()
        .filter(s -> s.state() == ScreenState.ONLINE && s.appliedVersion() != null && s.health() != null)
        .reduce((a, b) -> b), java.util.Optional::isPresent).get();

    ScreenHealth health = status.health();
    assertThat(status.currentContentId()).isEqualTo("welcome");
    assertThat(health.currentLanguage()).isEqualTo("vi");
    assertThat(health.cacheBytes()).isEqualTo((long) "welcome".length());
    assertThat(health.freeDiskBytes()).isPositive();
    assertThat(health.uptimeSeconds()).isNotNegative();
    assertThat(health.agentVersion()).isEqualTo(AgentVersion.get()).isNotEqualTo("unknown").doesNotContain("${");
    assertThat(health.display()).isEqualTo(ScreenHealth.Display.UNKNOWN);
    // A default playlist loops for ever: the horizon, "at least that long".
    assertThat(health.autonomyUntil()).isBetween(status.header().sentAt().plus(Autonomy.HORIZON).minusSeconds(600),
        status.header().sentAt().plus(Autonomy.HORIZON).plusSeconds(1));
    // Schedules published while the agent is subscribed arrive live: each is a clock sample.
    controller.publishRetained(schedule(SCREEN, 2, welcome));
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(controller.statuses).last()
        .satisfies(s -> assertThat(s.health().clockOffsetMillis()).isNotNull()
            .isBetween(-Duration.ofSeconds(5).toMillis(), Duration.ofSeconds(5).toMillis())));
  }

  private PlayerAgent givenAgentPlaying(long version, ItemSpec item) throws Exception {
    PlayerAgent agent = givenAgent();
    controller.publishRetained(schedule(SCREEN, version, item));
    awaitAck(version, Outcome.APPLIED);
    return agent;
  }

  private PlayerAgent givenAgent() {
    AgentConfig config = AgentConfig.of(SCREEN, broker.url(), dataDir).withPagePort(0).withHeartbeatSeconds(1)
        .withControllerKey(KEYS.pinned());
    return world.closing(PlayerAgent.start(config, Clock.systemUTC()));
  }

  private ScheduleAck awaitAck(long version, Outcome outcome) {
    return await().atMost(DEADLINE).until(() -> controller.acks.stream()
        .filter(a -> a.version() == version && a.outcome() == outcome).findFirst(), java.util.Optional::isPresent).get();
  }

  private String showing(PlayerAgent agent) throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + agent.pagePort() + "/now")).build(), HttpResponse.BodyHandlers.ofByteArray());
    return io.gatecast.protocol.Codec.mapper().readTree(response.body()).path("item").path("contentId").asText("");
  }
}
