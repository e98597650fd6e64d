package io.gatecast.agent.commands;

import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.agent.trust.RejectionReporter;
import io.gatecast.protocol.AgentWords;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.CommandResult.Outcome;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.PlayReceipt;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.Verified;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed messages from the controller's commands topic: key rotations, receipts for stored proof of
 * play ({@link PlayReceipt}, handed to {@code receipts}), and operator commands (screenshot, reload,
 * restart, identify, clear cache). A command runs only if the controller
 * signed it, it carries an expiry that has not passed, it is addressed to this screen and its
 * sequence is above the last one executed (saved before it runs); anything else is refused and
 * reported as a rejection — except a copy of a command already run (the controller sends a command
 * again while it has no answer), which is not run again: its answer is sent again. Each command that runs is answered with a {@link CommandResult}.
 *
 * <p>{@link #apply} runs on the agent's apply thread, so a rotation never races a schedule being
 * verified; the command itself then runs on {@code actions}, so a slow screenshot upload never
 * holds up a schedule.
 */
public final class CommandApplier {
  private static final Logger LOG = LoggerFactory.getLogger(CommandApplier.class);
  /** Identify shows the screen's id this long when the command names no duration. */
  public static final Duration DEFAULT_IDENTIFY = Duration.ofSeconds(30);

  private final String screenId;
  private final ControllerTrust trust;
  private final RejectionReporter rejections;
  private final CommandSequence sequence;
  private final CommandActions actions;
  private final Executor actionThread;
  private final Consumer<CommandResult> results;
  private final Consumer<String> receipts;
  private final Clock clock;
  /** The answers of the last commands run by this process, to send again for a copy (see {@link #accept}). */
  private final Map<Long, CommandResult> answers = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CommandResult> eldest) {
          return size() > 64;
        }
      });

  public CommandApplier(String screenId, ControllerTrust trust, RejectionReporter rejections, CommandSequence sequence,
      CommandActions actions, Executor actionThread, Consumer<CommandResult> results, Consumer<String> receipts,
      Clock clock) {
    this.receipts = receipts;
    this.screenId = screenId;
    this.trust = trust;
    this.rejections = rejections;
    this.sequence = sequence;
    this.actions = actions;
    this.actionThread = actionThread;
    this.results = results;
    this.clock = clock;
  }

  public void apply(byte[] payload) {
    String topic = Topics.commands(screenId);
    String type = Signed.typeOf(payload); // a routing hint only: each branch verifies what it opens
    try {
      if (Signed.KEY_ROTATION.equals(type)) {
        trust.acceptRotation(payload);
      } else if (Signed.PLAY_RECEIPT.equals(type)) {
        acceptReceipt(payload);
      } else {
        accept(payload);
      }
    } catch (RejectedException e) {
      rejections.report(topic, e);
    } catch (InterruptedIOException e) {
      // The agent is stopping; nothing was saved or run. The controller sends a command with no result
      // again, and the retained schedule carries a rotation, once the screen is back.
      LOG.info("stopping: this {} is not accepted", Signed.KEY_ROTATION.equals(type) ? "key rotation" : "command");
    } catch (IOException e) {
      // Neither a rotation nor a sequence is trusted unless saved: after a restart it would be forgotten.
      LOG.error("command not accepted: cannot save state: {}", e.getMessage());
    }
  }

  private void accept(byte[] payload) throws IOException {
    Verified<Command> verified = trust.open(payload, Signed.COMMAND, Command.class);
    Command command = verified.message();
    try {
      if (verified.expiresAt() == null) {
        throw new RejectedException(Rejection.MALFORMED, "a command must carry expiresAt in its envelope");
      }
      Freshness.requireScreen(screenId, command.screenId());
      if (sequence.ran(command.sequence())) {
        // The controller sent it again: it has no answer yet (lost on the way, or still coming). Not
        // run again; its answer, if this process has it, goes out once more.
        CommandResult answered = answers.get(command.sequence());
        LOG.info("command {} (sequence {}) already ran; this copy is not run{}", command.kind(), command.sequence(),
            answered == null ? "" : ", its answer is sent again");
        if (answered != null) {
          results.accept(answered);
        }
        return;
      }
      Freshness.requireNewer(sequence.last().orElse(null), command.sequence());
    } catch (RejectedException e) {
      throw e.withMessageId(command.header().messageId());
    }
    sequence.save(command.sequence());
    LOG.info("command {} (sequence {}) accepted", command.kind(), command.sequence());
    try {
      actionThread.execute(() -> run(command));
    } catch (RejectedExecutionException e) {
      LOG.debug("closing; command {} not run", command.sequence());
    }
  }

  /** Signed by the controller and for this screen; no expiry or order to check (see {@link PlayReceipt}). */
  private void acceptReceipt(byte[] payload) {
    PlayReceipt receipt = trust.open(payload, Signed.PLAY_RECEIPT, PlayReceipt.class).message();
    try {
      Freshness.requireScreen(screenId, receipt.screenId());
    } catch (RejectedException e) {
      throw e.withMessageId(receipt.header().messageId());
    }
    receipts.accept(receipt.batchId());
  }

  private void run(Command command) {
    CommandResult result;
    try {
      switch (command.kind()) {
        case SCREENSHOT -> result = result(command, Outcome.DONE, null, actions.screenshot());
        case RELOAD -> result = result(command, Outcome.DONE, actions.reload(), null);
        case IDENTIFY -> result = result(command, Outcome.DONE, actions.identify(command.durationSeconds() == null
            ? DEFAULT_IDENTIFY : Duration.ofSeconds(command.durationSeconds())), null);
        case CLEAR_CACHE -> result = result(command, Outcome.DONE, actions.clearCache(), null);
        case RESTART -> {
          // Answered before the restart: afterwards there is no one left to answer.
          answer(result(command, Outcome.DONE, AgentWords.restarting(), null));
          actions.restart();
          return;
        }
        default -> throw new IllegalStateException("unknown command kind " + command.kind());
      }
    } catch (Exception e) {
      String why = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
      LOG.warn("command {} (sequence {}) failed: {}", command.kind(), command.sequence(), why);
      result = result(command, Outcome.FAILED, why, null);
    }
    answer(result);
  }

  private void answer(CommandResult result) {
    answers.put(result.sequence(), result);
    results.accept(result);
  }

  private CommandResult result(Command command, Outcome outcome, String detail, String attachment) {
    String text = detail == null || detail.length() <= Limits.MAX_DETAIL_LENGTH
        ? detail : detail.substring(0, Limits.MAX_DETAIL_LENGTH - 3) + "...";
    return new CommandResult(Header.now(clock.instant()), screenId, command.sequence(), command.kind(), outcome,
        text, attachment);
  }
}
