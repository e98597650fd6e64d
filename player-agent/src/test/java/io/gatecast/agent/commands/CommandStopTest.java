package io.gatecast.agent.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.agent.CapturedLog;
import io.gatecast.agent.TestKeys;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Signed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that arrives while the agent stops: the stop interrupts the apply thread, so the command's sequence
 * cannot be saved. That is a stop, not a broken disk: nothing is run or remembered, nothing is logged as an error,
 * and the same command, sent again by the controller after the restart, runs.
 */
class CommandStopTest {
  private static final String SCREEN = "KT.Hall-1";

  @TempDir Path dataDir;
  private final List<String> ran = new ArrayList<>();
  private final List<CommandResult> results = new ArrayList<>();
  private final List<RejectedException> refused = new ArrayList<>();
  @RegisterExtension final CapturedLog log = new CapturedLog(CommandApplier.class);

  @Test
  void aCommandArrivingAsTheAgentStopsIsNeitherRunNorRememberedAndRunsWhenSentAgain() throws Exception {
    TestKeys keys = TestKeys.generate();
    ControllerTrust trust = ControllerTrust.load(dataDir, keys.pinned(),
        new Freshness(Clock.systemUTC(), Duration.ofMinutes(5)));
    CommandApplier applier = new CommandApplier(SCREEN, trust, (topic, e) -> refused.add(e),
        new CommandSequence(dataDir), new Identifying(), Runnable::run, results::add, batch -> {}, Clock.systemUTC());
    byte[] identify = keys.signer().signToBytes(Signed.COMMAND,
        new Command(Header.now(Instant.now()), SCREEN, 7L, Command.Kind.IDENTIFY, 60), Instant.now().plusSeconds(600));

    Thread.currentThread().interrupt(); // what the agent's stop does to the apply thread
    try {
      applier.apply(identify);
    } finally {
      Thread.interrupted();
    }

    assertThat(ran).isEmpty();
    assertThat(results).isEmpty();
    assertThat(refused).isEmpty();
    assertThat(new CommandSequence(dataDir).last()).as("no sequence saved").isEmpty();
    assertThat(log.warningsAndErrors()).isEmpty();
    assertThat(log.infos()).contains("stopping: this command is not accepted");

    applier.apply(identify); // the controller's copy after the restart

    assertThat(ran).containsExactly("identify 60 s");
    assertThat(results).singleElement().satisfies(r -> assertThat(r.sequence()).isEqualTo(7L));
    assertThat(new CommandSequence(dataDir).last()).contains(7L);
  }

  /** Actions that record what ran; only IDENTIFY is sent here. */
  private final class Identifying implements CommandActions {
    @Override
    public String screenshot() {
      throw new AssertionError("not sent");
    }

    @Override
    public String reload() {
      throw new AssertionError("not sent");
    }

    @Override
    public String restart() {
      throw new AssertionError("not sent");
    }

    @Override
    public String identify(Duration duration) {
      ran.add("identify " + duration.toSeconds() + " s");
      return "shown";
    }

    @Override
    public String clearCache() {
      throw new AssertionError("not sent");
    }
  }
}
