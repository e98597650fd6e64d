package io.gatecast.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.cache.ScheduleStore;
import io.gatecast.agent.playback.Playback;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.rules.ItemSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule message that arrives while the agent stops: the stop interrupts the apply thread, so what the
 * applier saves cannot be written. That is a stop, not a broken disk: nothing is accepted, acknowledged or
 * refused, nothing is logged as a warning or an error, and the broker's retained copy, handed over again after
 * the restart, is applied.
 */
class ScheduleStopTest {
  private static final String SCREEN = "KT.Hall-1";

  @TempDir Path dataDir;
  private final TestKeys keys = TestKeys.generate();
  private final MediaServer files = new MediaServer();
  private final List<ScheduleAck> acks = new CopyOnWriteArrayList<>();
  private final List<RejectedException> refused = new CopyOnWriteArrayList<>();
  @RegisterExtension final CapturedLog log = new CapturedLog("io.gatecast.agent");
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private ScheduleStore applied;
  private ScheduleApplier applier;

  @BeforeEach
  void start() throws Exception {
    ControllerTrust trust = ControllerTrust.load(dataDir, keys.pinned(),
        new Freshness(Clock.systemUTC(), Duration.ofMinutes(5)));
    applied = new ScheduleStore(dataDir);
    applier = new ScheduleApplier(SCREEN, trust, (topic, e) -> refused.add(e), new MediaCache(dataDir.resolve("media")),
        applied, new ScheduleStore(dataDir, ScheduleStore.PENDING_FILE_NAME), new Playback(Clock.systemUTC()),
        acks::add, () -> {}, new NoClusters(), Optional.empty(), thread, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    thread.shutdownNow();
    files.close();
  }

  @Test
  void aScheduleArrivingAsTheAgentStopsIsNotAcceptedAndIsAppliedWhenHandedOverAgain() {
    byte[] v1 = keys.signer().signToBytes(Signed.SCHEDULE, schedule(1), null);

    appliedOnAStoppingThread(v1);

    assertThat(acks).isEmpty();
    assertThat(refused).isEmpty();
    assertThat(files.requests).as("nothing fetched").isEmpty();
    assertThat(dataDir.resolve(ScheduleStore.PENDING_FILE_NAME)).as("nothing kept as pending").doesNotExist();
    assertThat(log.warningsAndErrors()).isEmpty();
    assertThat(log.infos()).contains("stopping: schedule version 1 not accepted yet");

    applier.apply(v1); // the broker's retained copy after the restart

    assertThat(acks).singleElement().satisfies(a -> {
      assertThat(a.version()).isEqualTo(1L);
      assertThat(a.outcome()).isEqualTo(Outcome.APPLIED);
    });
  }

  @Test
  void aReSignedScheduleArrivingAsTheAgentStopsIsSavedWhenHandedOverAgain() throws Exception {
    ScheduleMessage v1 = schedule(1);
    applier.apply(keys.signer().signToBytes(Signed.SCHEDULE, v1, null));
    assertThat(acks).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(Outcome.APPLIED));
    byte[] reSigned = keys.signer().signToBytes(Signed.SCHEDULE, v1, Instant.now().plus(Duration.ofDays(30)));
    log.clear();

    appliedOnAStoppingThread(reSigned);

    assertThat(Files.readAllBytes(applied.file())).as("the old copy kept").isNotEqualTo(reSigned);
    assertThat(refused).isEmpty();
    assertThat(log.warningsAndErrors()).isEmpty();
    assertThat(log.infos()).contains("stopping: the re-signed schedule is not saved yet");

    applier.apply(reSigned); // the retained copy after the restart

    assertThat(Files.readAllBytes(applied.file())).isEqualTo(reSigned);
    assertThat(acks).hasSize(1);
  }

  /** Applies {@code envelope} as the apply thread does once the agent's stop has interrupted it. */
  private void appliedOnAStoppingThread(byte[] envelope) {
    Thread.currentThread().interrupt();
    try {
      applier.apply(envelope);
    } finally {
      Thread.interrupted();
    }
  }

  private ScheduleMessage schedule(long version) {
    byte[] poster = "poster bytes".getBytes(StandardCharsets.UTF_8);
    ItemSpec welcome = TestRules.item("welcome", "Chào mừng", files.serve(poster), poster, "image/png", 10);
    return TestRules.schedule(SCREEN, version, welcome);
  }

  /** This screen's schedule topic carries whole schedules only. */
  private static final class NoClusters implements ScheduleApplier.ClusterFollower {
    @Override
    public void follow(String clusterId, boolean schedule) {
      throw new AssertionError("no placement is sent");
    }

    @Override
    public void askAgain(String clusterId) {
      throw new AssertionError("no placement is sent");
    }
  }
}
