package io.gatecast.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.cache.ScheduleStore;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.testkit.IntegrationTest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while the agent downloads (slowly) and switches schedules, many
 * times over, newer schedules arriving in between. After every kill the agent must start and play;
 * at the end it must be on the newest schedule with every file verified.
 *
 * <p>Seeded: the seed is printed; re-run one with {@code -Dtorture.seed=<seed>}
 * ({@code -Dtorture.iterations=<n>} for more or fewer rounds).
 */
@IntegrationTest
class TortureTest {
  private static final String SCREEN = "lao-bao-hall-1";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final TestKeys KEYS = TestKeys.generate();

  @TempDir Path dir;
  private TestBroker broker;
  private MediaServer media;
  private ControllerSpy controller;
  private AgentProcess agent;

  @BeforeEach
  void startWorld() throws Exception {
    broker = new TestBroker();
    media = new MediaServer();
    media.throttle(400_000); // ~0.1 to 0.8 s per file: plenty of moments to be killed in
    controller = new ControllerSpy(broker.url(), SCREEN, KEYS.signer());
  }

  @AfterEach
  void stopWorld() throws Exception {
    if (agent != null) {
      agent.close();
    }
    Path log = dir.resolve("agent.log");
    if (Files.exists(log)) { // every run's agent log, kept for reading after a failure
      Files.copy(log, Path.of("target", "torture-agent.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    controller.close();
    media.close();
    broker.close();
  }

  @Test
  void killedAtRandomMomentsItAlwaysRestartsPlaysAndEndsOnTheNewestVerifiedSchedule() throws Exception {
    long seed = Long.getLong("torture.seed", System.nanoTime());
    int iterations = Integer.getInteger("torture.iterations", 30);
    System.out.println("TortureTest seed " + seed + ", " + iterations + " iterations (re-run: -Dtorture.seed=" + seed + ")");
    Random random = new Random(seed);
    Path dataDir = dir.resolve("agent");
    Path log = dir.resolve("agent.log");
    long newest = 0;
    ScheduleMessage newestSchedule = null;
    int killedWhileFetching = 0;

    for (int i = 0; i < iterations; i++) {
      if (newest == 0 || random.nextInt(3) > 0) {
        newestSchedule = schedule(++newest, random);
        controller.publishRetained(newestSchedule);
      }
      boolean hadSchedule = Files.exists(dataDir.resolve(ScheduleStore.FILE_NAME));

      agent = AgentProcess.start(SCREEN, broker.url(), dataDir, KEYS.pinned(), log);
      JsonNode now = await("restart " + i + " (seed " + seed + ")").atMost(DEADLINE)
          .until(agent::now, Optional::isPresent).get();
      if (hadSchedule) {
        assertThat(now.path("item").path("contentId").asText()).as("restart %d plays from its cache (seed %d)", i, seed)
            .isNotEmpty();
      }
      Thread.sleep(random.nextInt(1500)); // the moment of the power cut: chaos, not synchronisation
      if (Files.exists(dataDir.resolve(ScheduleStore.PENDING_FILE_NAME))) {
        killedWhileFetching++;
      }
      agent.kill();

      assertCacheHoldsOnlyVerifiedFiles(dataDir, seed);
      assertThat(Files.exists(dataDir.resolve(ScheduleStore.FILE_NAME)) ? readSchedule(dataDir).version() : newest)
          .as("the saved schedule is whole and not newer than what was published").isLessThanOrEqualTo(newest);
    }

    agent = AgentProcess.start(SCREEN, broker.url(), dataDir, KEYS.pinned(), log);
    long expected = newest;
    JsonNode last = await("the newest schedule (seed " + seed + ")").atMost(DEADLINE).until(agent::now,
        n -> n.isPresent() && n.get().path("appliedVersion").asLong() == expected).get();
    Set<String> itemIds = newestSchedule.rules().items().stream().map(ItemSpec::id).collect(Collectors.toSet());
    assertThat(itemIds).contains(last.path("item").path("contentId").asText());
    for (MediaRef file : newestSchedule.media()) {
      Path cached = dataDir.resolve("media").resolve(file.sha256());
      assertThat(cached).exists();
      assertThat(MediaServer.sha256(Files.readAllBytes(cached))).isEqualTo(file.sha256());
    }
    assertThat(readSchedule(dataDir).version()).isEqualTo(newest);
    await().atMost(DEADLINE).until(() -> !Files.exists(dataDir.resolve(ScheduleStore.PENDING_FILE_NAME)));
    System.out.println("TortureTest seed " + seed + ": " + iterations + " kills, " + killedWhileFetching
        + " while a schedule was being fetched; ended on version " + newest);
  }

  /** Version {@code version}: two items with fresh files of random sizes. */
  private ScheduleMessage schedule(long version, Random random) {
    ItemSpec[] items = new ItemSpec[2];
    for (int i = 0; i < items.length; i++) {
      byte[] bytes = new byte[50_000 + random.nextInt(250_000)];
      random.nextBytes(bytes);
      items[i] = TestRules.item("v" + version + "-item" + i, "Version " + version + " item " + i, media.serve(bytes),
          bytes, "image/png", 10);
    }
    return TestRules.schedule(SCREEN, version, items);
  }

  /** Whatever the moment of the kill, a file under a final name has that hash; only parts may be partial. */
  private static void assertCacheHoldsOnlyVerifiedFiles(Path dataDir, long seed) throws IOException {
    Path mediaDir = dataDir.resolve("media");
    if (!Files.isDirectory(mediaDir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(mediaDir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.matches("[0-9a-f]{64}")) {
          assertThat(MediaServer.sha256(Files.readAllBytes(file))).as("cached %s (seed %d)", name, seed).isEqualTo(name);
        } else {
          assertThat(name).as("only partial downloads and temp files besides verified ones (seed %d)", seed)
              .matches("[0-9a-f]{64}\\.part|\\..*\\.tmp");
        }
      }
    }
    try (Stream<Path> top = Files.list(dataDir)) {
      assertThat(top.map(p -> p.getFileName().toString()))
          .allMatch(n -> Set.of("media", "schedule.json", "schedule.previous.json", "pending-schedule.json", "pinned-keys.json",
              "outbox.journal", "plays.journal", "disk-reserve").contains(n) || n.matches("\\..*\\.tmp"), "only the agent's own files");
    }
  }

  private static ScheduleMessage readSchedule(Path dataDir) throws IOException {
    return SavedSchedule.read(dataDir.resolve(ScheduleStore.FILE_NAME));
  }
}
