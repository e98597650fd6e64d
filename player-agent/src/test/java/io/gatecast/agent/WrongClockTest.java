package io.gatecast.agent;

import static io.gatecast.agent.TestRules.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.protocol.Command;
import io.gatecast.protocol.Command.Kind;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch.Play;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk whose clock is years ahead: a fresh command is not refused as expired (its own timestamp
 * tells the agent the offset), and its plays are flagged {@code kioskClock} for the controller to
 * correct (ScreenClockTest in the controller shows that they land on the right day).
 */
@IntegrationTest
class WrongClockTest {
  private static final String SCREEN = "huu-nghi-hall-9";
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final TestKeys KEYS = TestKeys.generate();

  @TempDir Path dataDir;
  @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN, KEYS);
  /** Five years ahead of the real time the controller (and this test's signer) uses. */
  private final MovableClock clock = new MovableClock(Instant.now().plus(Duration.ofDays(5 * 365)));
  private ControllerSpy controller;
  private TestBroker broker;
  private ItemSpec welcome;

  @BeforeEach
  void startWorld() throws Exception {
    broker = world.broker();
    MediaServer media = world.media();
    controller = world.controller();
    byte[] bytes = "welcome".getBytes(StandardCharsets.UTF_8);
    welcome = item("welcome", "Welcome", media.serve(bytes), bytes, "image/png", 20);
  }

  @Test
  void aClockYearsAheadNeitherExpiresFreshCommandsNorMisdatesProofOfPlay() throws Exception {
    AgentConfig config = AgentConfig.of(SCREEN, broker.url(), dataDir).withPagePort(0).withHeartbeatSeconds(1)
        .withPlayBatchSeconds(1).withControllerKey(KEYS.pinned());
    // Published before the agent subscribes: it arrives as a retained message, which tells nothing
    // about the clock (it may be days old).
    controller.publishRetained(TestRules.schedule(SCREEN, 1, welcome));
    PlayerAgent agent = world.closing(PlayerAgent.start(config, clock));
    await().atMost(DEADLINE).until(() -> controller.acks.stream().anyMatch(a -> a.version() == 1
        && a.outcome() == Outcome.APPLIED));

    // The play keeps the kiosk's times (five years ahead) and says so, for the controller to correct.
    agent.proofOfPlay().observe();
    clock.advance(Duration.ofSeconds(20));
    agent.proofOfPlay().observe();
    Play play = await().atMost(DEADLINE).until(this::received, plays -> !plays.isEmpty()).get(0);
    assertThat(play.kioskClock()).isTrue();
    assertThat(play.startedAt()).isAfter(Instant.now().plus(Duration.ofDays(4 * 365)));

    // A fresh command, valid for ten minutes of the controller's time: five years "expired" by the
    // kiosk's clock. Its own timestamp tells the agent the offset before it is judged.
    Instant realNow = Instant.now();
    controller.sendCommand(SCREEN, KEYS.signer().signToBytes(Signed.COMMAND,
        new Command(Header.now(realNow), SCREEN, 1L, Kind.IDENTIFY, 5), realNow.plus(Duration.ofMinutes(10))));
    CommandResult result = await().atMost(DEADLINE).until(() -> controller.commandResults,
        results -> !results.isEmpty()).get(0);
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.DONE);
    assertThat(controller.rejections).isEmpty();
    // The heartbeat tells the controller what the agent measured: about five years.
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(controller.statuses).last().satisfies(s ->
        assertThat(s.health().clockOffsetMillis()).isLessThan(-Duration.ofDays(4 * 365).toMillis())));
  }

  private List<Play> received() {
    return controller.playBatches.stream().flatMap(b -> b.plays().stream()).toList();
  }
}
