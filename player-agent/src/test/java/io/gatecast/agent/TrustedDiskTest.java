package io.gatecast.agent;

import static io.gatecast.agent.TestRules.item;
import static io.gatecast.agent.TestRules.mediaOf;
import static io.gatecast.agent.TestRules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.cache.ScheduleStore;
import io.gatecast.protocol.BatchProof;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Signer;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.testkit.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent trusts nothing on its disk it would not trust on the wire, and a big cache does not keep
 * the screen black: real agent processes, killed with SIGKILL, restarted on what they left.
 */
@IntegrationTest
class TrustedDiskTest {
  private static final String SCREEN = "moc-bai-hall-1";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final TestKeys KEYS = TestKeys.generate();
  /** Never resolves (RFC 6761): a kiosk with no network. */
  private static final String NO_BROKER = "tcp://gatecast-broker.invalid:1883";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private TestBroker broker;
  private MediaServer media;
  private ControllerSpy controller;
  private AgentProcess agent;
  private Path dataDir;
  private byte[] welcomeBytes;
  private ItemSpec welcome;
  private ItemSpec notice;

  @BeforeEach
  void startWorld() throws Exception {
    broker = new TestBroker();
    media = new MediaServer();
    controller = new ControllerSpy(broker.url(), SCREEN, KEYS.signer());
    dataDir = dir.resolve("agent");
    welcomeBytes = "welcome slide".getBytes(StandardCharsets.UTF_8);
    welcome = item("welcome", "Welcome", media.serve(welcomeBytes), welcomeBytes, "image/png", 10);
    byte[] noticeBytes = "notice slide".getBytes(StandardCharsets.UTF_8);
    notice = item("notice", "Notice", media.serve(noticeBytes), noticeBytes, "image/png", 10);
  }

  @AfterEach
  void stopWorld() throws Exception {
    if (agent != null) {
      agent.close();
    }
    controller.close();
    media.close();
    broker.close();
  }

  @Test
  void aCorruptSavedScheduleFallsBackToThePreviousGoodOneAndIsReportedOnceOnline() throws Exception {
    applyOnlineThenKill(1, welcome, 2, notice);
    Path saved = dataDir.resolve(ScheduleStore.FILE_NAME);
    byte[] bytes = Files.readAllBytes(saved);
    bytes[bytes.length / 2] = '#'; // one bad byte
    Files.write(saved, bytes);

    agent = AgentProcess.start(SCREEN, NO_BROKER, dataDir, KEYS.pinned(), dir.resolve("offline.log"));
    JsonNode now = awaitItem(agent);
    assertThat(now.path("appliedVersion").asLong()).isEqualTo(1);
    assertThat(now.path("item").path("contentId").asText()).isEqualTo("welcome");
    agent.kill();

    agent = AgentProcess.start(SCREEN, broker.url(), dataDir, KEYS.pinned(), dir.resolve("online.log"));
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(controller.rejections).anySatisfy(r -> {
      assertThat(r.topic()).isEqualTo(Topics.schedule(SCREEN));
      assertThat(r.reason()).isIn(Rejection.MALFORMED, Rejection.BAD_SIGNATURE);
      assertThat(r.detail()).contains("schedule.json");
    }));
  }

  @Test
  void aScheduleSignedWithOtherScreensUnderOneSignaturePlaysFromDiskWithNoNetwork() throws Exception {
    agent = AgentProcess.start(SCREEN, broker.url(), dataDir, KEYS.pinned(), dir.resolve("first.log"));
    // As a publish signs: this screen's schedule and another screen's under one signature (BatchProof).
    List<Signer.BatchItem> batch = KEYS.signer().signBatch(Signed.SCHEDULE,
        List.of(schedule("moc-bai-hall-0", 1, notice), schedule(SCREEN, 1, welcome)), null, List.of());
    byte[] envelope = batch.get(1).envelope();
    assertThat(Codec.decode(envelope, JsonNode.class).has(BatchProof.MEMBER)).isTrue();
    controller.publishRetained(SCREEN, envelope);
    awaitApplied(1);
    agent.kill();

    // Read back from disk and checked as if from the wire, proof and all.
    agent = AgentProcess.start(SCREEN, NO_BROKER, dataDir, KEYS.pinned(), dir.resolve("offline.log"));
    JsonNode now = awaitItem(agent);
    assertThat(now.path("appliedVersion").asLong()).isEqualTo(1);
    assertThat(now.path("item").path("contentId").asText()).isEqualTo("welcome");
  }

  @Test
  void aForgedSavedScheduleNeverReachesThePageThePreviousGoodOnePlaysInstead() throws Exception {
    applyOnlineThenKill(1, welcome, 2, notice);
    Path saved = dataDir.resolve(ScheduleStore.FILE_NAME);
    String text = Files.readString(saved, StandardCharsets.UTF_8);
    assertThat(text).contains("\"title\":\"Notice\"");
    Files.writeString(saved, text.replace("\"title\":\"Notice\"", "\"title\":\"Forged\""), StandardCharsets.UTF_8);

    agent = AgentProcess.start(SCREEN, NO_BROKER, dataDir, KEYS.pinned(), dir.resolve("offline.log"));
    List<String> pages = new ArrayList<>();
    JsonNode now = await().atMost(DEADLINE).until(() -> {
      Optional<JsonNode> answer = agent.now();
      answer.ifPresent(n -> pages.add(n.toString()));
      return answer;
    }, n -> n.isPresent() && n.get().path("item").isObject()).get();
    assertThat(pages).noneMatch(p -> p.contains("Forged"));
    assertThat(now.path("appliedVersion").asLong()).isEqualTo(1);
    assertThat(now.path("item").path("title").asText()).isEqualTo("Welcome");
    agent.kill();

    agent = AgentProcess.start(SCREEN, broker.url(), dataDir, KEYS.pinned(), dir.resolve("online.log"));
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(controller.rejections).anySatisfy(r -> {
      assertThat(r.reason()).isEqualTo(Rejection.BAD_SIGNATURE);
      assertThat(r.detail()).contains("schedule.json");
    }));
  }

  @Test
  void aBigCacheIsNotHashedBeforeThePageServesFirstContentAndItsCorruptFilesAreDeletedAfter() throws Exception {
    applyOnlineThenKill(1, welcome);
    Path cache = dataDir.resolve("media");
    List<Path> junk = new ArrayList<>();
    try {
      junk.addAll(CacheFiller.fill(cache, 250, 25, 20)); // 250 MiB of files an earlier schedule left
      Path corrupt = CacheFiller.file(cache, 1024 * 1024, new SplittableRandom(21), true);
      junk.add(corrupt);
      Path log = dir.resolve("boot.log");

      agent = AgentProcess.start(SCREEN, NO_BROKER, dataDir, KEYS.pinned(), log);
      JsonNode now = awaitItem(agent);
      assertThat(now.path("item").path("contentId").asText()).isEqualTo("welcome");
      HttpResponse<byte[]> first = getMedia(mediaOf(welcome).sha256());
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).isEqualTo(welcomeBytes);

      await().atMost(DEADLINE).until(() -> Files.readString(log).contains("background check of the media cache done"));
      String text = Files.readString(log);
      int served = text.indexOf("serving its page");
      int checkStarted = text.indexOf("background check of the media cache started");
      assertThat(text.indexOf("playing saved schedule")).isNotNegative().isLessThan(served);
      assertThat(served).as("the page serves before the cache is hashed").isNotNegative().isLessThan(checkStarted);
      assertThat(text).contains("1 corrupt and deleted");
      assertThat(corrupt).doesNotExist();
    } finally {
      for (Path file : junk) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Test
  void aCorruptCachedFileIsNeverServedAndIsFetchedAgain() throws Exception {
    applyOnlineThenKill(1, welcome);
    String sha = mediaOf(welcome).sha256();
    Files.writeString(dataDir.resolve("media").resolve(sha), "welcome slidf"); // same size, one byte off
    int requestsBefore = media.requestsFor(mediaOf(welcome).url()).size();

    agent = AgentProcess.start(SCREEN, broker.url(), dataDir, KEYS.pinned(), dir.resolve("restart.log"));
    awaitItem(agent);
    List<Integer> statuses = new ArrayList<>();
    await().atMost(DEADLINE).until(() -> {
      HttpResponse<byte[]> response = getMedia(sha);
      statuses.add(response.statusCode());
      if (response.statusCode() == 200) {
        assertThat(response.body()).as("only the approved bytes are ever served").isEqualTo(welcomeBytes);
      }
      return response.statusCode() == 200;
    });
    assertThat(statuses).allMatch(s -> s == 200 || s == 404);
    assertThat(media.requestsFor(mediaOf(welcome).url())).hasSizeGreaterThan(requestsBefore);
  }

  @Test
  void aScheduleSupersededWhileTheAgentWasDownIsAbandonedNotFetchedToTheEnd() throws Exception {
    applyOnlineThenKill(1, welcome);
    byte[] big = new byte[3 * 1024 * 1024];
    new SplittableRandom(21).nextBytes(big);
    ItemSpec film = item("film", "Film", media.serve(big), big, "video/mp4", 60);
    media.throttle(20_000); // 3 MiB at 20 kB/s: minutes; the newer schedule comes long before

    agent = AgentProcess.start(SCREEN, broker.url(), dataDir, KEYS.pinned(), dir.resolve("fetching.log"));
    controller.publishRetained(schedule(SCREEN, 2, film));
    Path part = dataDir.resolve("media").resolve(mediaOf(film).sha256() + ".part");
    await().atMost(DEADLINE).until(() -> Files.exists(part) && Files.size(part) > 0);
    agent.kill();

    byte[] small = "evening slide".getBytes(StandardCharsets.UTF_8);
    controller.publishRetained(schedule(SCREEN, 3, item("evening", "Evening", media.serve(small), small, "image/png", 10)));
    agent = AgentProcess.start(SCREEN, broker.url(), dataDir, KEYS.pinned(), dir.resolve("restart.log"));

    await().atMost(DEADLINE).until(() -> controller.acks.stream()
        .anyMatch(a -> a.version() == 3 && a.outcome() == Outcome.APPLIED));
    assertThat(controller.acks).noneMatch(a -> a.version() == 2 && a.outcome() == Outcome.APPLIED);
    assertThat(dataDir.resolve("media").resolve(mediaOf(film).sha256())).doesNotExist();
    assertThat(part).doesNotExist();
    assertThat(dataDir.resolve(ScheduleStore.PENDING_FILE_NAME)).doesNotExist();
  }

  /** Runs the agent online until each schedule (version, item) is applied, then kills it (SIGKILL). */
  private void applyOnlineThenKill(Object... versionsAndItems) throws Exception {
    agent = AgentProcess.start(SCREEN, broker.url(), dataDir, KEYS.pinned(), dir.resolve("first.log"));
    for (int i = 0; i < versionsAndItems.length; i += 2) {
      long version = ((Integer) versionsAndItems[i]).longValue();
      controller.publishRetained(schedule(SCREEN, version, (ItemSpec) versionsAndItems[i + 1]));
      awaitApplied(version);
    }
    agent.kill();
  }

  private void awaitApplied(long version) {
    await().atMost(DEADLINE).until(() -> controller.acks.stream()
        .anyMatch(a -> a.version() == version && a.outcome() == Outcome.APPLIED));
  }

  private static JsonNode awaitItem(AgentProcess agent) {
    return await().atMost(DEADLINE).until(agent::now, n -> n.isPresent() && n.get().path("item").isObject()).get();
  }

  private HttpResponse<byte[]> getMedia(String sha) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.pagePort + "/media/" + sha)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
